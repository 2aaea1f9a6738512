/**
 * Domain facts back in the interchange form of the spec (facts-and-decisions.md): dates as
 * `YYYY-MM-DD`, instants in UTC, no `through` when open-ended. What JSON exports write and
 * what `parsePersonFact`/`parseProgramFact` read back to the same fact.
 */
import { formatDay, formatInstant } from '../domain/dates.js';
import type { Fact } from '../domain/facts.js';

const DAY_FIELDS: ReadonlySet<string> = new Set(['from', 'through', 'resolvedOn', 'servedOn']);

/** A fact as interchange JSON; `withRetraction: false` leaves `retractedAt` out (the fact as known before it). */
export function interchangeFact(fact: Fact, withRetraction = true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fact)) {
    if (DAY_FIELDS.has(key)) {
      // An open end (null) is written by leaving `through` out.
      if (typeof value === 'number') out[key] = formatDay(value);
    } else if (key === 'recordedAt') out[key] = formatInstant(fact.recordedAt);
    else if (key === 'retractedAt') {
      if (withRetraction && fact.retractedAt !== undefined) out[key] = formatInstant(fact.retractedAt);
    } else if (value !== undefined) out[key] = value;
  }
  return out;
}
