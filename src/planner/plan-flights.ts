/**
 * The flight planner: eligibility, units, cohorts, the cohort-to-flight model, the solve, and
 * back to people (see README.md). Pure but for the solver, which is passed in; time, when
 * measured, comes from the caller's clock.
 */
import { programView } from '../domain/context.js';
import { lagrangianBound } from './bound.js';
import { weekGroups } from './caps.js';
import { buildCohorts, type Cohort } from './cohorts.js';
import { personOptions, type PersonOptions } from './eligibility.js';
import { buildFlightModel, type AssignColumn } from './flight-model.js';
import type { ModelSolver } from './solver.js';
import type { Plan, PlanInstance, Unassigned } from './instance.js';
import { Loading } from './loading.js';
import { buildNetwork } from './network.js';
import { buildWeekRelaxation } from './relaxed-model.js';
import { byBestGain, fillGreedily, placeFromColumns, repairCaps, repairSeats } from './rounding.js';
import { bestNet, buildUnits, unassignedReasons, type Unit } from './units.js';
import { greedyByValue } from './greedy.js';

export interface PlannerOptions {
  /** Largest model (in columns) whose LP relaxation is solved; beyond it, the heuristic. */
  readonly maxColumns?: number | undefined;
  /** Largest week relaxation (see relaxed-model.ts) solved for a bound when the full model is too large. */
  readonly maxRelaxationColumns?: number | undefined;
  /** Largest model solved as a MIP to proven optimality; larger ones are rounded from the LP. */
  readonly maxMipColumns?: number | undefined;
  /** Time allowed to the MIP solve; when it runs out, the best integer solution found is used. */
  readonly mipTimeLimitSeconds?: number | undefined;
  /** Milliseconds, for the phase timings of the report; phases are not timed without it. */
  readonly clock?: (() => number) | undefined;
}

export const DEFAULT_PLANNER_OPTIONS = {
  maxColumns: 2_500_000,
  maxMipColumns: 50_000,
  mipTimeLimitSeconds: 60,
} as const;

export type PlanMethod = 'mip' | 'lp-rounding' | 'heuristic' | 'empty';
export type BoundSource = 'lp-relaxation' | 'week-relaxation' | 'best-gain';

export interface PlanStats {
  readonly persons: number;
  readonly units: number;
  readonly cohorts: number;
  readonly columns: number;
  readonly rows: number;
  readonly method: PlanMethod;
  readonly boundSource: BoundSource;
  /** Solver status of each solve, in order. */
  readonly solves: readonly string[];
  /** Milliseconds per phase (when a clock was given). */
  readonly phases: Readonly<Record<string, number>>;
}

export interface PlanResult {
  readonly plan: Plan;
  readonly stats: PlanStats;
}

/** Everything the planner derives from an instance before optimising. */
export interface Prepared {
  readonly options: readonly PersonOptions[];
  readonly units: readonly Unit[];
  readonly loading: () => Loading;
}

export function prepare(instance: PlanInstance): Prepared {
  const network = buildNetwork(instance);
  const view = programView(instance.program, instance.knownAt);
  const groups = weekGroups(network, view, instance.committed);
  const ctx = { network, program: view, knownAt: instance.knownAt, noticeDays: instance.noticeDays };
  const options = instance.persons.map((p) => personOptions(p, ctx));
  const units = buildUnits(instance.persons, options);
  return { options, units, loading: () => new Loading(units, network.flights, groups) };
}

/** The plan of a filled loading: every person once, the assigned with their flight, the rest with reasons. */
export function planOf(instance: PlanInstance, prepared: Prepared, loading: Loading, bound: number): Plan {
  const flightOfPerson = new Int32Array(instance.persons.length).fill(-1);
  const reasons = new Map<number, readonly string[]>();
  prepared.units.forEach((unit, u) => {
    const f = loading.flightOf[u]!;
    if (f >= 0) for (const m of unit.members) flightOfPerson[m] = f;
    else for (const [m, r] of unassignedReasons(unit, prepared.options)) reasons.set(m, r);
  });
  const assignments: { person: string; flight: string }[] = [];
  const unassigned: Unassigned[] = [];
  let objective = 0;
  instance.persons.forEach((person, p) => {
    const f = flightOfPerson[p]!;
    if (f < 0) {
      unassigned.push({ person: person.id, reasons: reasons.get(p) ?? [] });
      return;
    }
    const own = prepared.options[p]!;
    objective += person.value - own.costs[own.flights.indexOf(f)]!;
    assignments.push({ person: person.id, flight: instance.flights[f]!.id });
  });
  return { assignments, unassigned, objective, bound };
}

/** A bound that needs no solve: every unit on its best flight, no seat or cap in the way. */
const bestGainBound = (units: readonly Unit[]): number =>
  units.reduce((s, u) => s + Math.max(0, bestNet(u)), 0);

export function planFlights(
  instance: PlanInstance,
  solver: ModelSolver,
  options: PlannerOptions = {},
): PlanResult {
  const maxColumns = options.maxColumns ?? DEFAULT_PLANNER_OPTIONS.maxColumns;
  const maxMipColumns = options.maxMipColumns ?? DEFAULT_PLANNER_OPTIONS.maxMipColumns;
  const phases: Record<string, number> = {};
  let last = options.clock?.() ?? 0;
  const lap = (name: string): void => {
    if (options.clock === undefined) return;
    const now = options.clock();
    phases[name] = (phases[name] ?? 0) + now - last;
    last = now;
  };

  const prepared = prepare(instance);
  lap('eligibility');
  const cohorts = buildCohorts(prepared.units);
  const base = prepared.loading();
  const flightModel = buildFlightModel(cohorts, base.flights, base.groups);
  const { model } = flightModel;
  lap('model');
  const solves: string[] = [];
  let method: PlanMethod = model.colNames.length === 0 ? 'empty' : 'heuristic';
  // Every bound found is a true one; the least is reported.
  const bounds: { value: number; source: BoundSource }[] = [
    { value: bestGainBound(prepared.units), source: 'best-gain' },
  ];
  // Candidate plans (as loadings), the best of which is kept.
  const candidates: { loading: Loading; method: PlanMethod }[] = [];

  if (model.colNames.length === 0) {
    bounds.push({ value: 0, source: 'lp-relaxation' });
  } else if (model.colNames.length <= maxColumns) {
    const lp = solver.solveRelaxation(model, {
      initialColumns: flightModel.initialColumns,
      pricingGroups: flightModel.pricingGroups,
    });
    solves.push(`lp: ${lp.status} after ${lp.rounds} rounds`);
    lap('lp');
    if (lp.rowDuals !== undefined)
      bounds.push({ value: lagrangianBound(model, lp.rowDuals), source: 'lp-relaxation' });
    if (lp.feasible)
      candidates.push({
        loading: completed(prepared, cohorts, flightModel.assignColumns, lp.colValues),
        method: 'lp-rounding',
      });
    if (model.colNames.length <= maxMipColumns) {
      const mip = solver.solveInteger(model, {
        mipRelativeGap: 0,
        timeLimitSeconds: options.mipTimeLimitSeconds ?? DEFAULT_PLANNER_OPTIONS.mipTimeLimitSeconds,
      });
      solves.push(`mip: ${mip.status}`);
      lap('mip');
      if (mip.feasible)
        candidates.push({
          loading: completed(prepared, cohorts, flightModel.assignColumns, mip.colValues),
          method: 'mip',
        });
    }
  }

  if (bounds.length === 1) {
    const relaxed = buildWeekRelaxation(cohorts, base.flights, base.groups);
    if (relaxed.colNames.length <= (options.maxRelaxationColumns ?? DEFAULT_PLANNER_OPTIONS.maxColumns)) {
      const lp = solver.solveRelaxation(relaxed);
      solves.push(`week relaxation: ${lp.status}`);
      if (lp.rowDuals !== undefined)
        bounds.push({ value: lagrangianBound(relaxed, lp.rowDuals), source: 'week-relaxation' });
    }
    lap('bound');
  }
  const { value: bound, source: boundSource } = bounds.reduce((a, b) => (b.value < a.value ? b : a));

  if (candidates.length === 0)
    candidates.push({ loading: completed(prepared, cohorts, [], new Float64Array(0)), method });
  // The MIP's plan wins ties: it is the one proven optimal.
  const better = (a: (typeof candidates)[number], b: (typeof candidates)[number]): boolean =>
    totalGain(b.loading) > totalGain(a.loading) + 1e-9 ||
    (b.method === 'mip' && totalGain(b.loading) >= totalGain(a.loading) - 1e-9);
  const best = candidates.reduce((a, b) => (better(a, b) ? b : a));
  method = best.method;
  lap('repair');
  const plan = planOf(instance, prepared, best.loading, bound);
  lap('plan');
  return {
    plan,
    stats: {
      persons: instance.persons.length,
      units: prepared.units.length,
      cohorts: cohorts.length,
      columns: model.colNames.length,
      rows: model.rowNames.length,
      method,
      boundSource,
      solves,
      phases,
    },
  };
}

/** Solver values made into a plan that keeps every rule, then filled where room is left. */
function completed(
  prepared: Prepared,
  cohorts: readonly Cohort[],
  columns: readonly AssignColumn[],
  values: ArrayLike<number>,
): Loading {
  const loading = prepared.loading();
  placeFromColumns(loading, cohorts, columns, values);
  repairSeats(loading);
  repairCaps(loading);
  fillGreedily(loading, byBestGain(loading));
  return loading;
}

const totalGain = (loading: Loading): number => loading.units.reduce((s, _, u) => s + loading.gain(u), 0);

/** The greedy baseline's plan for the same instance (highest value first, cheapest feasible flight). */
export function planGreedy(instance: PlanInstance): Plan {
  const prepared = prepare(instance);
  const loading = prepared.loading();
  greedyByValue(loading);
  return planOf(instance, prepared, loading, bestGainBound(prepared.units));
}
