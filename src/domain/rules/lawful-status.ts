/**
 * LAWFUL_STATUS — a lawful status (permanent residence, asylum, refugee status, parole…)
 * in effect bars execution of a removal order until the status ends.
 * Basis: 8 U.S.C. 1101(a)(20) (lawful permanent residence), 8 U.S.C. 1158(c)(1)(A)
 * (asylee may not be removed), 8 U.S.C. 1157 (refugees), 8 U.S.C. 1182(d)(5) (parole).
 * Reads: `lawful_status`.
 */
import { spanOf } from '../spans.js';
import type { Rule } from './rule.js';

export const lawfulStatus: Rule = {
  code: 'LAWFUL_STATUS',
  basis: '8 U.S.C. 1101(a)(20); 8 U.S.C. 1158(c)(1)(A); 8 U.S.C. 1157; 8 U.S.C. 1182(d)(5)',
  spans: (ctx) => ctx.personFacts.lawful_status.map((s) => spanOf(s, [s.id])),
};
