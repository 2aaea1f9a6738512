/**
 * From solver values to a plan that keeps every rule: round the cohort-to-flight values
 * down to whole units, give each cohort's places to its most valuable units, take people off
 * where a seat count or a week's cap would still be exceeded (the cap of a week falls when a
 * flight on a low-cap day is used, which a relaxed solution may do fractionally), then fill
 * what room is left, best gain first. Families stay whole throughout: units move, never
 * people.
 */
import type { Cohort } from './cohorts.js';
import type { AssignColumn } from './flight-model.js';
import type { Loading } from './loading.js';

/** Values this close below a whole number count as that number (solver tolerances). */
const INTEGRALITY_SLACK = 1e-6;

export function placeFromColumns(
  loading: Loading,
  cohorts: readonly Cohort[],
  columns: readonly AssignColumn[],
  values: ArrayLike<number>,
): void {
  const byCohort = new Map<number, { flight: number; count: number }[]>();
  for (const c of columns) {
    const count = Math.floor((values[c.col] ?? 0) + INTEGRALITY_SLACK);
    if (count <= 0) continue;
    const list = byCohort.get(c.cohort) ?? [];
    list.push({ flight: c.flight, count });
    byCohort.set(c.cohort, list);
  }
  for (const [k, places] of byCohort) {
    // Best tiers first: the cohort's places go to its most valuable units.
    const units = cohorts[k]!.tiers.flatMap((t) => t.units);
    let next = 0;
    for (const { flight, count } of places) {
      for (let n = 0; n < count && next < units.length; n++) loading.add(units[next++]!, flight);
    }
  }
}

/** Units on each flight, by flight index. */
function unitsByFlight(loading: Loading): number[][] {
  const out: number[][] = loading.flights.map(() => []);
  loading.flightOf.forEach((f, u) => {
    if (f >= 0) out[f]!.push(u);
  });
  return out;
}

/** Takes the least valuable units off until `fits` holds; returns what they gained. */
function trim(loading: Loading, candidates: number[], fits: () => boolean): number {
  candidates.sort((a, b) => loading.gain(a) - loading.gain(b));
  let lost = 0;
  for (const u of candidates) {
    if (fits()) break;
    lost += loading.gain(u);
    loading.remove(u);
  }
  return lost;
}

export function repairSeats(loading: Loading): void {
  unitsByFlight(loading).forEach((units, f) => {
    const seats = loading.flights[f]!.seats;
    if (loading.load[f]! > seats) trim(loading, units, () => loading.load[f]! <= seats);
  });
}

/**
 * Brings every week within its cap. For each cap level of the week's used flights, one way
 * is to empty the flights below that level and trim the rest to it; the way that loses the
 * least is taken.
 */
export function repairCaps(loading: Loading): void {
  const byFlight = unitsByFlight(loading);
  loading.groups.forEach((group, g) => {
    const total = (): number => loading.weekTotal(g);
    if (total() <= loading.capWith(g, -1)) return;
    const used = group.flights.filter((f) => loading.load[f]! > 0);
    const levels = [...new Set(used.map((f) => loading.capOfFlight(f)))].sort((a, b) => a - b);
    const snapshot = used.map((f) => [...byFlight[f]!]);
    const restore = (): void => {
      for (const f of used) for (const u of byFlight[f]!) loading.remove(u);
      used.forEach((f, i) => {
        snapshot[i]!.forEach((u) => {
          loading.add(u, f);
        });
      });
    };
    let best = { level: 0, lost: Number.POSITIVE_INFINITY };
    for (const level of levels) {
      const lost = applyLevel(loading, used, snapshot, level, total);
      if (lost < best.lost) best = { level, lost };
      restore();
    }
    applyLevel(loading, used, snapshot, best.level, total);
  });
}

function applyLevel(
  loading: Loading,
  used: readonly number[],
  units: readonly (readonly number[])[],
  level: number,
  total: () => number,
): number {
  let lost = 0;
  const rest: number[] = [];
  used.forEach((f, i) => {
    if (loading.capOfFlight(f) < level) {
      for (const u of units[i]!) {
        lost += loading.gain(u);
        loading.remove(u);
      }
    } else rest.push(...units[i]!);
  });
  return lost + trim(loading, rest, () => total() <= level);
}

/**
 * Adds units that gain something to the best flight that still has room, in order of
 * their best gain. `order` lists the candidate units; those already placed are skipped.
 */
export function fillGreedily(loading: Loading, order: readonly number[]): void {
  for (const u of order) {
    if (loading.flightOf[u]! >= 0) continue;
    const unit = loading.units[u]!;
    const choices = unit.flights
      .map((f, i) => ({ f, net: unit.value - unit.costs[i]! }))
      .filter((c) => c.net > 0);
    choices.sort((a, b) => b.net - a.net || a.f - b.f);
    for (const c of choices) {
      if (loading.canAdd(u, c.f)) {
        loading.add(u, c.f);
        break;
      }
    }
  }
}

/** Units that can gain something, best gain first (ties: instance order). */
export function byBestGain(loading: Loading): number[] {
  const gains = loading.units.map((unit) =>
    Math.max(Number.NEGATIVE_INFINITY, ...unit.costs.map((c) => unit.value - c)),
  );
  return loading.units
    .map((_, u) => u)
    .filter((u) => gains[u]! > 0)
    .sort((a, b) => gains[b]! - gains[a]! || a - b);
}
