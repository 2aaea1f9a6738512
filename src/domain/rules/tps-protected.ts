/**
 * TPS_PROTECTED — a person granted Temporary Protected Status may not be removed while the
 * grant and the country's designation are both in effect, to any country.
 * Basis: INA §244(a)(1)(A), 8 U.S.C. 1254a(a)(1)(A); designation periods per INA §244(b).
 * The designation's period is the one stated by its winning record as known at `knownAt`
 * (latest `recordedAt`), so extensions, terminations and court orders apply from the moment
 * they are known. A grant whose designation has no known record does not protect.
 * Reads: `tps`, `tps_designation`.
 */
import { intersect, spanOf, type Span } from '../spans.js';
import type { Rule } from './rule.js';

export const tpsProtected: Rule = {
  code: 'TPS_PROTECTED',
  basis: 'INA §244(a)(1)(A), 8 U.S.C. 1254a(a)(1)(A); INA §244(b)',
  spans: (ctx) => {
    const out: Span[] = [];
    for (const grant of ctx.personFacts.tps) {
      const record = ctx.designations.get(grant.designation);
      if (record === undefined) continue;
      const span = intersect(spanOf(grant, []), spanOf(record, []), [grant.id, record.id]);
      if (span !== undefined) out.push(span);
    }
    return out;
  },
};
