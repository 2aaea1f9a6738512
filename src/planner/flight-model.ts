/**
 * The cohort-to-flight model (see README.md, "The model").
 *
 *   x[k,f]  units of cohort k on flight f        integer, 0 ≤ x ≤ min(units, seats/size, cap/size)
 *   t[k,i]  units of cohort k's value tier i     0 ≤ t ≤ units in the tier
 *   z[g,j]  week g uses a flight whose cap is level j (only for weeks whose cap changes)
 *
 *   maximise  Σ value(i)·t[k,i] − Σ cost(k,f)·x[k,f]
 *   link      Σ_f x[k,f] = Σ_i t[k,i]                       for every cohort
 *   seats     Σ_k size(k)·x[k,f] ≤ seats(f)                  for every flight
 *   week cap  Σ size·x over the week ≤ largest cap of the week's flights
 *   lower cap load(level j) ≤ U·z[g,j];  week total + (M − cap j)·z[g,j] ≤ M
 *
 * A cohort that flies n units gains its n best values, which the tiers give (the solver fills
 * the best tier first), so the model is exact: its integer optimum is the person-level optimum.
 */
import type { Cohort } from './cohorts.js';
import { cohortUnits } from './cohorts.js';
import type { WeekGroup } from './caps.js';
import { ModelBuilder, type LinearModel } from './linear-model.js';
import type { NetworkFlight } from './network.js';

/** A column that puts units of a cohort on a flight. */
export interface AssignColumn {
  readonly cohort: number;
  readonly flight: number;
  readonly col: number;
}

export interface FlightModel {
  readonly model: LinearModel;
  readonly assignColumns: readonly AssignColumn[];
  /**
   * Where column generation starts: every column but the assignment ones, and of those,
   * each cohort's cheapest flight in each week (most cohorts end up using little more).
   */
  readonly initialColumns: readonly number[];
  /** Cohort of each assignment column, -1 for the other columns. */
  readonly pricingGroups: Int32Array;
}

/** Cap in effect on each flight's date, by flight index. */
export function capsByFlight(flightCount: number, groups: readonly WeekGroup[]): Float64Array {
  const caps = new Float64Array(flightCount).fill(Number.POSITIVE_INFINITY);
  for (const g of groups) g.flights.forEach((f, i) => (caps[f] = g.caps[i]!));
  return caps;
}

export function buildFlightModel(
  cohorts: readonly Cohort[],
  flights: readonly NetworkFlight[],
  groups: readonly WeekGroup[],
): FlightModel {
  const b = new ModelBuilder();
  const caps = capsByFlight(flights.length, groups);
  const assignColumns: AssignColumn[] = [];
  // Per flight: its assignment columns and their sizes, for the seat and cap rows.
  const flightCols: number[][] = flights.map(() => []);
  const flightSizes: number[][] = flights.map(() => []);
  const flightLoadMax = new Float64Array(flights.length);

  cohorts.forEach((cohort, k) => {
    const units = cohortUnits(cohort);
    const cols: number[] = [];
    cohort.flights.forEach((f, i) => {
      const flight = flights[f]!;
      const cap = caps[f]!;
      const upper = Math.min(
        units,
        Math.floor(flight.seats / cohort.size),
        Number.isFinite(cap) ? Math.floor(cap / cohort.size) : units,
      );
      if (upper <= 0) return;
      const col = b.addColumn(`x${k}_${f}`, -cohort.costs[i]!, upper, true);
      cols.push(col);
      assignColumns.push({ cohort: k, flight: f, col });
      flightCols[f]!.push(col);
      flightSizes[f]!.push(cohort.size);
      flightLoadMax[f] = flightLoadMax[f]! + upper * cohort.size;
    });
    if (cols.length === 0) return;
    const coefs = cols.map(() => 1);
    cohort.tiers.forEach((tier, i) => {
      cols.push(b.addColumn(`t${k}_${i}`, tier.value, tier.units.length, false));
      coefs.push(-1);
    });
    b.addRow(`l${k}`, cols, coefs, 0, 0);
  });

  const loadMax = (f: number): number => Math.min(flights[f]!.seats, flightLoadMax[f]!);
  flights.forEach((flight, f) => {
    if (flightCols[f]!.length > 0 && flightLoadMax[f]! > flight.seats) {
      b.addRow(`s${f}`, flightCols[f]!, flightSizes[f]!, Number.NEGATIVE_INFINITY, flight.seats);
    }
  });

  groups.forEach((group, g) => {
    const used = group.flights
      .map((f, i) => ({ f, cap: group.caps[i]! }))
      .filter((x) => flightCols[x.f]!.length > 0);
    if (used.length === 0) return;
    const cols = used.flatMap((x) => flightCols[x.f]!);
    const sizes = used.flatMap((x) => flightSizes[x.f]!);
    const total = used.reduce((s, x) => s + loadMax(x.f), 0);
    const top = Math.max(...used.map((x) => x.cap));
    if (top < total) b.addRow(`w${g}`, cols, sizes, Number.NEGATIVE_INFINITY, top);
    const bigM = Math.min(top, total);
    const levels = [...new Set(used.map((x) => x.cap))].filter((c) => c < bigM).sort((a, c) => a - c);
    levels.forEach((level, j) => {
      const at = used.filter((x) => x.cap === level);
      const atCols = at.flatMap((x) => flightCols[x.f]!);
      const atSizes = at.flatMap((x) => flightSizes[x.f]!);
      const atLoad = at.reduce((s, x) => s + loadMax(x.f), 0);
      const z = b.addColumn(`z${g}_${j}`, 0, 1, true);
      b.addRow(`u${g}_${j}`, [...atCols, z], [...atSizes, -atLoad], Number.NEGATIVE_INFINITY, 0);
      b.addRow(`v${g}_${j}`, [...cols, z], [...sizes, bigM - level], Number.NEGATIVE_INFINITY, bigM);
    });
  });

  const pricingGroups = new Int32Array(b.colNames.length).fill(-1);
  const cheapest = new Map<number, AssignColumn>();
  const weekOf = new Int32Array(flights.length);
  groups.forEach((g, gi) => {
    for (const f of g.flights) weekOf[f] = gi;
  });
  for (const c of assignColumns) {
    pricingGroups[c.col] = c.cohort;
    const key = c.cohort * (groups.length + 1) + weekOf[c.flight]!;
    const best = cheapest.get(key);
    if (best === undefined || b.colCost[c.col]! > b.colCost[best.col]!) cheapest.set(key, c);
  }
  const initialColumns = b.colNames.flatMap((_, j) => (pricingGroups[j]! < 0 ? [j] : []));
  for (const c of cheapest.values()) initialColumns.push(c.col);
  return { model: b, assignColumns, initialColumns, pricingGroups };
}
