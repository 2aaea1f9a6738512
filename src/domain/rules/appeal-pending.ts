/**
 * APPEAL_PENDING — a pending appeal or petition for review with a stay of removal.
 * Basis: 8 CFR 1003.6(a) (automatic stay while an appeal to the Board of Immigration Appeals
 * is pending) and 8 U.S.C. 1252(b)(3)(B) (stay pending a petition for review). An appeal
 * without a stay does not bar removal.
 * Reads: `appeal`.
 */
import { spanOf } from '../spans.js';
import type { Rule } from './rule.js';

export const appealPending: Rule = {
  code: 'APPEAL_PENDING',
  basis: '8 CFR 1003.6(a); 8 U.S.C. 1252(b)(3)(B)',
  spans: (ctx) => ctx.personFacts.appeal.filter((a) => a.stay).map((a) => spanOf(a, [a.id])),
};
