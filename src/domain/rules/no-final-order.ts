/**
 * NO_FINAL_ORDER — removal needs an administratively final order of removal (including an
 * expedited removal order or a reinstated prior order) in effect on the date.
 * Basis: INA §241(a), 8 U.S.C. 1231(a); 8 CFR 1241.1 (when an order becomes final);
 * INA §235(b)(1) (expedited removal); INA §241(a)(5) (reinstatement).
 * Reads: `final_order`.
 */
import { boundaries, spanCovers, spanOf, spansWhere } from '../spans.js';
import type { Rule } from './rule.js';

export const noFinalOrder: Rule = {
  code: 'NO_FINAL_ORDER',
  basis: 'INA §241(a), 8 U.S.C. 1231(a); 8 CFR 1241.1; INA §235(b)(1); INA §241(a)(5)',
  spans: (ctx) => {
    const orders = ctx.personFacts.final_order.map((o) => spanOf(o, [o.id]));
    return spansWhere(boundaries(orders), (day) => (orders.some((o) => spanCovers(o, day)) ? undefined : []));
  },
};
