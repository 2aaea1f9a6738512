/**
 * A coarser relaxation for instances whose full model is too large to solve in time: the
 * flights of one destination country and ISO week are merged into one, with all their
 * seats, the largest cap of the week, and for each cohort the cheapest of its costs there.
 * Every plan of the full model is a solution of this one with at least the same objective,
 * so any bound on this model bounds the full one.
 */
import type { WeekGroup } from './caps.js';
import type { Cohort } from './cohorts.js';
import { cohortUnits } from './cohorts.js';
import { ModelBuilder, type LinearModel } from './linear-model.js';
import type { NetworkFlight } from './network.js';

export function buildWeekRelaxation(
  cohorts: readonly Cohort[],
  flights: readonly NetworkFlight[],
  groups: readonly WeekGroup[],
): LinearModel {
  const b = new ModelBuilder();
  const groupOf = new Int32Array(flights.length).fill(-1);
  const capOf = new Float64Array(flights.length).fill(Number.POSITIVE_INFINITY);
  groups.forEach((g, gi) => {
    g.flights.forEach((f, i) => {
      groupOf[f] = gi;
      capOf[f] = g.caps[i]!;
    });
  });
  const groupCols: number[][] = groups.map(() => []);
  const groupSizes: number[][] = groups.map(() => []);
  cohorts.forEach((cohort, k) => {
    const cheapest = new Map<number, number>();
    cohort.flights.forEach((f, i) => {
      if (flights[f]!.seats < cohort.size || capOf[f]! < cohort.size) return;
      const g = groupOf[f]!;
      cheapest.set(g, Math.min(cheapest.get(g) ?? Number.POSITIVE_INFINITY, cohort.costs[i]!));
    });
    if (cheapest.size === 0) return;
    const units = cohortUnits(cohort);
    const cols: number[] = [];
    for (const [g, cost] of cheapest) {
      const col = b.addColumn(`y${k}_${g}`, -cost, units, false);
      cols.push(col);
      groupCols[g]!.push(col);
      groupSizes[g]!.push(cohort.size);
    }
    const coefs = cols.map(() => 1);
    cohort.tiers.forEach((tier, i) => {
      cols.push(b.addColumn(`t${k}_${i}`, tier.value, tier.units.length, false));
      coefs.push(-1);
    });
    b.addRow(`l${k}`, cols, coefs, 0, 0);
  });
  groups.forEach((group, g) => {
    if (groupCols[g]!.length === 0) return;
    const seats = group.flights.reduce((s, f) => s + flights[f]!.seats, 0);
    b.addRow(
      `w${g}`,
      groupCols[g]!,
      groupSizes[g]!,
      Number.NEGATIVE_INFINITY,
      Math.min(seats, Math.max(...group.caps)),
    );
  });
  return b;
}
