/**
 * Counts of an as-of sweep: people, removable people and people under each blocker, in all
 * and by destination country, and for the queue people already returned. A person counts
 * once under each of their blockers; a returned person, when counted apart, as returned
 * only (returned.ts).
 */
import { BLOCKER_CODES, type BlockerCode } from '../blockers.js';
import type { AsOf } from './as-of.js';
import { BLOCKER_COUNT } from './blocker-bits.js';

/** Country key of people with no known nationality (and so no destination). */
export const NO_COUNTRY = '??';

export interface Counts {
  people: number;
  /**
   * When returned people are counted apart (`summarize`'s `returnedFrom`; else 0): returned
   * on a departed manifest by the sweep's date, and counted neither as removable nor under a blocker.
   */
  returned: number;
  removable: number;
  /** Indexed like BLOCKER_CODES. */
  readonly blockers: number[];
}

export interface SweepSummary {
  readonly total: Counts;
  /** By destination country, in code order. */
  readonly byCountry: ReadonlyMap<string, Counts>;
}

export const emptyCounts = (): Counts => ({ people: 0, returned: 0, removable: 0, blockers: new Array<number>(BLOCKER_COUNT).fill(0) });

/** Counts as `{CODE: n}` for every code, in code order. */
export function blockerRecord(counts: Counts): Record<BlockerCode, number> {
  return Object.fromEntries(BLOCKER_CODES.map((code, b) => [code, counts.blockers[b] ?? 0])) as Record<BlockerCode, number>;
}

/**
 * Sums a sweep. `include`, when given, says which people count (e.g. one destination);
 * `returnedFrom` (returned.ts), when given, the day from which each person counts as
 * returned. The per-country tables are summed by code first, so the cost per person is one
 * add per blocker bit set.
 */
export function summarize(
  result: AsOf,
  codes: readonly string[],
  include?: (person: number) => boolean,
  returnedFrom?: Int32Array,
): SweepSummary {
  const slots = codes.length + 1; // slot 0: no destination
  const people = new Float64Array(slots);
  const returned = new Float64Array(slots);
  const removable = new Float64Array(slots);
  const blockers = new Float64Array(slots * BLOCKER_COUNT);
  const { destination, blockers: masks, on } = result;
  for (let p = 0; p < masks.length; p++) {
    if (include !== undefined && !include(p)) continue;
    const slot = destination[p]! + 1;
    people[slot]!++;
    if (returnedFrom !== undefined && returnedFrom[p]! <= on) {
      returned[slot]!++;
      continue;
    }
    let mask = masks[p]!;
    if (mask === 0) {
      removable[slot]!++;
      continue;
    }
    for (let b = 0; mask !== 0; b++, mask >>>= 1) if ((mask & 1) !== 0) blockers[slot * BLOCKER_COUNT + b]!++;
  }
  const total = emptyCounts();
  const byCountry = new Map<string, Counts>();
  for (let slot = 0; slot < slots; slot++) {
    if (people[slot] === 0) continue;
    const counts = emptyCounts();
    counts.people = people[slot]!;
    counts.returned = returned[slot]!;
    counts.removable = removable[slot]!;
    for (let b = 0; b < BLOCKER_COUNT; b++) counts.blockers[b] = blockers[slot * BLOCKER_COUNT + b]!;
    byCountry.set(slot === 0 ? NO_COUNTRY : codes[slot - 1]!, counts);
    total.people += counts.people;
    total.returned += counts.returned;
    total.removable += counts.removable;
    for (let b = 0; b < BLOCKER_COUNT; b++) total.blockers[b]! += counts.blockers[b]!;
  }
  return { total, byCountry };
}
