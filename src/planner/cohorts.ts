/**
 * Cohorts: units that are interchangeable for the optimiser. Units of the same size with
 * the same flights at the same costs form one cohort, whatever their values; inside it they
 * are kept in value tiers, best first. Which units of a cohort fly changes nothing but the
 * values gained, so a cohort that flies `n` units flies its `n` most valuable: the model
 * needs one variable per cohort and flight plus one per tier, not one per person and flight.
 *
 * Only what can gain is kept: a flight is dropped from a cohort when it costs at least as
 * much as the cohort's best value, a tier when its value is no more than the cheapest
 * flight. Units left with nothing that gains are not in any cohort.
 */
import type { Unit } from './units.js';

export interface Tier {
  readonly value: number;
  /** Unit indices of this value, in instance order. */
  readonly units: readonly number[];
}

export interface Cohort {
  readonly size: number;
  /** Flight indices, ascending. */
  readonly flights: readonly number[];
  /** A unit's cost on each of `flights`. */
  readonly costs: readonly number[];
  /** Best value first. */
  readonly tiers: readonly Tier[];
}

export const cohortUnits = (cohort: Cohort): number => cohort.tiers.reduce((s, t) => s + t.units.length, 0);

export function buildCohorts(units: readonly Unit[]): Cohort[] {
  const byKey = new Map<
    string,
    { size: number; flights: readonly number[]; costs: readonly number[]; byValue: Map<number, number[]> }
  >();
  units.forEach((unit, u) => {
    if (unit.flights.length === 0) return;
    const size = unit.members.length;
    const key = `${size}|${unit.flights.join(',')}|${unit.costs.join(',')}`;
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { size, flights: unit.flights, costs: unit.costs, byValue: new Map() };
      byKey.set(key, entry);
    }
    const tier = entry.byValue.get(unit.value);
    if (tier === undefined) entry.byValue.set(unit.value, [u]);
    else tier.push(u);
  });

  const cohorts: Cohort[] = [];
  for (const entry of byKey.values()) {
    const tiers = [...entry.byValue.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([value, list]) => ({ value, units: list }));
    const best = tiers[0]!.value;
    const flights: number[] = [];
    const costs: number[] = [];
    entry.flights.forEach((f, i) => {
      if (entry.costs[i]! < best) {
        flights.push(f);
        costs.push(entry.costs[i]!);
      }
    });
    if (flights.length === 0) continue;
    const cheapest = Math.min(...costs);
    const gaining = tiers.filter((t) => t.value > cheapest);
    cohorts.push({ size: entry.size, flights, costs, tiers: gaining });
  }
  return cohorts;
}
