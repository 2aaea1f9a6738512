/**
 * PROTECTED_FROM_COUNTRY — withholding of removal or protection under the Convention
 * Against Torture bars removal to the country it names, and only to that country.
 * Basis: INA §241(b)(3), 8 U.S.C. 1231(b)(3) (withholding); 8 CFR 1208.16–1208.17
 * (CAT withholding and deferral).
 * Reads: `protection`, the destination.
 */
import { spanOf } from '../spans.js';
import type { Rule } from './rule.js';

export const protectedFromCountry: Rule = {
  code: 'PROTECTED_FROM_COUNTRY',
  basis: 'INA §241(b)(3), 8 U.S.C. 1231(b)(3); 8 CFR 1208.16, 1208.17',
  spans: (ctx) =>
    ctx.destination === null
      ? []
      : ctx.personFacts.protection.filter((p) => p.country === ctx.destination).map((p) => spanOf(p, [p.id])),
};
