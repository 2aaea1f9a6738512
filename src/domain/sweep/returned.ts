/**
 * People already returned, for the queue that `repatria status`, the statistics and the
 * dashboard show: from the day their departure was recorded, a returned person is counted as
 * returned, not as removable or blocked. Their decision is unchanged (the law did not change
 * when they flew), and a sweep, which is every person's decision, still counts them as it
 * decides them; but a count of people who may be removed that includes people already gone
 * misleads whoever plans the next flights.
 */
import type { Day } from '../dates.js';
import { findIdString, type IdTable } from './id-table.js';

/** People returned, by person id: the day from which each counts as returned (manifest.ts `returns`). */
export type Returns = ReadonlyMap<string, { readonly day: Day }>;

/** The day value of people who have not been returned. */
export const NOT_RETURNED = 0x7fffffff;

/**
 * Per person index of `ids`, the first day on which they count as returned, or
 * {@link NOT_RETURNED}; `undefined` when no one has been returned (the common case costs nothing).
 * People unknown to the population are left out.
 */
export function returnedFrom(ids: IdTable, returns: Returns): Int32Array | undefined {
  if (returns.size === 0) return undefined;
  const out = new Int32Array(ids.count).fill(NOT_RETURNED);
  for (const [personId, { day }] of returns) {
    const p = findIdString(ids, personId);
    if (p >= 0) out[p] = day;
  }
  return out;
}
