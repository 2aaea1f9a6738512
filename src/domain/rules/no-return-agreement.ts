/**
 * NO_RETURN_AGREEMENT — a removal is carried out only to a country that accepts the person:
 * here, one with a return agreement in effect on the date. With no destination (none asked,
 * no nationality known) there is nowhere to return the person to.
 * Basis: INA §241(b)(2), 8 U.S.C. 1231(b)(2) (countries to which a person may be removed;
 * acceptance by the receiving country); INA §243(d) (countries that refuse returns).
 * Reads: `return_agreement` for the destination.
 */
import { boundaries, spanCovers, spanOf, spansWhere } from '../spans.js';
import type { Rule } from './rule.js';

export const noReturnAgreement: Rule = {
  code: 'NO_RETURN_AGREEMENT',
  basis: 'INA §241(b)(2), 8 U.S.C. 1231(b)(2); INA §243(d)',
  spans: (ctx) => {
    const agreements = ctx.agreements.map((a) => spanOf(a, [a.id]));
    return spansWhere(boundaries(agreements), (day) =>
      agreements.some((a) => spanCovers(a, day)) ? undefined : [],
    );
  },
};
