/**
 * NO_TRAVEL_DOCUMENT — where the receiving country accepts returns only with a passport or
 * travel document it has issued, the person needs one valid on the date. A document is
 * needed only if every agreement in effect requires one; with no agreement in effect this
 * rule is silent (NO_RETURN_AGREEMENT applies instead).
 * Basis: 8 CFR 241.15; the document rules of the return agreement.
 * Reads: `return_agreement` for the destination, `travel_document` from the destination.
 */
import { boundaries, spanCovers, spanOf, spansWhere } from '../spans.js';
import type { Rule } from './rule.js';

export const noTravelDocument: Rule = {
  code: 'NO_TRAVEL_DOCUMENT',
  basis: '8 CFR 241.15; return agreement document rules',
  spans: (ctx) => {
    if (ctx.destination === null) return [];
    const agreements = ctx.agreements.map((a) => ({ span: spanOf(a, [a.id]), requires: a.requiresTravelDocument }));
    if (!agreements.some((a) => a.requires)) return [];
    const documents = ctx.personFacts.travel_document
      .filter((d) => d.country === ctx.destination)
      .map((d) => spanOf(d, [d.id]));
    const points = boundaries([...agreements.map((a) => a.span), ...documents]);
    return spansWhere(points, (day) => {
      const inEffect = agreements.filter((a) => spanCovers(a.span, day));
      if (inEffect.length === 0 || !inEffect.every((a) => a.requires)) return undefined;
      if (documents.some((d) => spanCovers(d, day))) return undefined;
      return inEffect.flatMap((a) => a.span.facts);
    });
  },
};
