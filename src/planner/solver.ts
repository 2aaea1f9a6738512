/**
 * What the planner needs from an LP/MIP solver, as a port: `highs-solver.ts` is the adapter.
 * The planner's own code never loads a solver; it is handed one.
 */
import type { LinearModel } from './linear-model.js';

export interface Solution {
  /** HiGHS's own words: `Optimal`, `Time limit reached`, `Infeasible`, … */
  readonly status: string;
  /** Whether `colValues` holds a feasible point (optimal or the best found within the limits). */
  readonly feasible: boolean;
  readonly objective: number;
  /** One value per column of the model. */
  readonly colValues: Float64Array;
  /** Row prices of an LP solve; absent for a MIP. */
  readonly rowDuals?: Float64Array | undefined;
  /** LP solves made (column generation rounds). */
  readonly rounds: number;
}

export interface RelaxationOptions {
  /** Columns to start from; the others are priced in as they improve the LP. Default: all. */
  readonly initialColumns?: readonly number[] | undefined;
  /** Pricing group of each column (-1: none); each round adds at most `perGroup` columns of a group. */
  readonly pricingGroups?: Int32Array | undefined;
  readonly perGroup?: number | undefined;
}

export interface IntegerOptions {
  readonly timeLimitSeconds?: number | undefined;
  /** Relative MIP gap at which to stop; 0 proves optimality. */
  readonly mipRelativeGap?: number | undefined;
}

export interface ModelSolver {
  /** The LP relaxation (integrality dropped), with row prices. */
  solveRelaxation(model: LinearModel, options?: RelaxationOptions): Solution;
  /** The model with integrality, to the gap or time limit given. */
  solveInteger(model: LinearModel, options?: IntegerOptions): Solution;
}
