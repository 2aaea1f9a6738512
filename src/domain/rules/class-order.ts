/**
 * CLASS_ORDER — a court order barring the removal of everyone in a class (by nationality,
 * by place of detention, or both).
 * Basis: Fed. R. Civ. P. 23 and 65 (class-wide injunctions and temporary restraining orders);
 * 28 U.S.C. 1651 (All Writs Act), e.g. A.A.R.P. v. Trump, 605 U.S. ___ (2025).
 * `nationality` matches if any of the person's nationalities is listed, whatever the
 * destination; `facility` matches on the days the person is in custody at a listed facility;
 * all given criteria must match.
 * Reads: `class_order`, `nationality`, `custody`.
 */
import { intersect, spanOf, type Span } from '../spans.js';
import type { Rule } from './rule.js';

export const classOrder: Rule = {
  code: 'CLASS_ORDER',
  basis: 'Fed. R. Civ. P. 23, 65; 28 U.S.C. 1651',
  spans: (ctx) => {
    const out: Span[] = [];
    for (const order of ctx.classOrders) {
      const { nationality, facility } = order.criteria;
      if (nationality !== undefined && !ctx.nationalities.some((n) => nationality.includes(n))) continue;
      const orderSpan = spanOf(order, [order.id]);
      if (facility === undefined) {
        out.push(orderSpan);
        continue;
      }
      for (const c of ctx.personFacts.custody) {
        if (!facility.includes(c.facility)) continue;
        const span = intersect(orderSpan, spanOf(c, []), [order.id, c.id]);
        if (span !== undefined) out.push(span);
      }
    }
    return out;
  },
};
