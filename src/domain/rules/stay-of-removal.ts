/**
 * STAY_OF_REMOVAL — an individual stay granted by a court or by the agency.
 * Basis: 8 CFR 241.6 (administrative stay by DHS); 8 CFR 1241.6 and 8 U.S.C. 1252(b)(3)(B)
 * (stays granted by the Board or a court of appeals).
 * Reads: `stay`.
 */
import { spanOf } from '../spans.js';
import type { Rule } from './rule.js';

export const stayOfRemoval: Rule = {
  code: 'STAY_OF_REMOVAL',
  basis: '8 CFR 241.6; 8 CFR 1241.6; 8 U.S.C. 1252(b)(3)(B)',
  spans: (ctx) => ctx.personFacts.stay.map((s) => spanOf(s, [s.id])),
};
