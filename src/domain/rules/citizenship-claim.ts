/**
 * CITIZENSHIP_CLAIM — a claim to be a citizen bars removal while it stands: the removal
 * statutes reach only noncitizens, and a claim must be resolved first.
 * Basis: 8 U.S.C. 1252(b)(5) (nationality claims); 8 U.S.C. 1229a(a)(1).
 * A `rejected` claim bars from `from` through `resolvedOn - 1` (never, if `resolvedOn <= from`);
 * an unresolved one from `from` on; a `verified` one for ever.
 * Reads: `citizenship_claim`.
 */
import type { Span } from '../spans.js';
import type { Rule } from './rule.js';

export const citizenshipClaim: Rule = {
  code: 'CITIZENSHIP_CLAIM',
  basis: '8 U.S.C. 1252(b)(5); 8 U.S.C. 1229a(a)(1)',
  spans: (ctx) => {
    const out: Span[] = [];
    for (const c of ctx.personFacts.citizenship_claim) {
      if (c.resolution === 'rejected') {
        const last = (c.resolvedOn ?? c.from) - 1;
        if (last >= c.from) out.push({ from: c.from, through: last, facts: [c.id] });
      } else {
        out.push({ from: c.from, through: Number.POSITIVE_INFINITY, facts: [c.id] });
      }
    }
    return out;
  },
};
