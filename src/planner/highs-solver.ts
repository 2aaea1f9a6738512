/**
 * The solver adapter, the only module that knows HiGHS (WebAssembly).
 *
 * MIP solves go to HiGHS as CPLEX LP text (`toCplexLp`), the same text `--write-lp` shows.
 * LP relaxations go as sparse arrays into a persistent HiGHS model, because they are solved
 * by column generation (columns are added between solves) and because parsing LP text is
 * slow at scale: for the 100,000-person benchmark the text is 28 MB and HiGHS takes 8 s to
 * read it, a quarter of the time allowed for the whole plan.
 */
import highsPackage from 'highs';
import { improvingColumns } from './column-generation.js';
import { columnMatrix, toCplexLp, type ColumnMatrix, type LinearModel } from './linear-model.js';
import type { IntegerOptions, ModelSolver, RelaxationOptions, Solution } from './solver.js';

type Loader = (typeof highsPackage)['default'];
/**
 * The package's types describe its CommonJS build (the loader under `default`), while Node
 * loads its ES module build, whose default export is the loader itself: accept either.
 */
const loadHighs: Loader =
  (highsPackage as unknown as { default?: Loader }).default ?? (highsPackage as unknown as Loader);
type Highs = Awaited<ReturnType<Loader>>;

const FEASIBLE = new Set([
  'Optimal',
  'Time limit reached',
  'Iteration limit reached',
  'Target for objective reached',
  'Bound on objective reached',
]);
const MAX_ROUNDS = 60;

let loaded: Promise<Highs> | undefined;

/** HiGHS, loaded once per process (instantiating the WebAssembly module takes a while). */
export async function loadSolver(): Promise<ModelSolver> {
  loaded ??= loadHighs();
  const highs = await loaded;
  return {
    solveRelaxation: (m, o) => relaxation(highs, m, o ?? {}),
    solveInteger: (m, o) => integer(highs, m, o ?? {}),
  };
}

function columnsData(model: LinearModel, matrix: ColumnMatrix, cols: readonly number[]) {
  const starts = new Int32Array(cols.length + 1);
  cols.forEach((j, q) => (starts[q + 1] = starts[q]! + matrix.start[j + 1]! - matrix.start[j]!));
  const indices = new Int32Array(starts[cols.length]!);
  const values = new Float64Array(indices.length);
  cols.forEach((j, q) => {
    indices.set(matrix.rows.subarray(matrix.start[j], matrix.start[j + 1]), starts[q]);
    values.set(matrix.coefs.subarray(matrix.start[j], matrix.start[j + 1]), starts[q]);
  });
  return {
    cost: Float64Array.from(cols, (j) => model.colCost[j]!),
    lower: new Float64Array(cols.length),
    upper: Float64Array.from(cols, (j) => model.colUpper[j]!),
    matrix: {
      format: 'csc' as const,
      numRows: model.rowNames.length,
      numCols: cols.length,
      starts,
      indices,
      values,
    },
  };
}

function relaxation(highs: Highs, model: LinearModel, options: RelaxationOptions): Solution {
  const n = model.colNames.length;
  const m = model.rowNames.length;
  const colValues = new Float64Array(n);
  if (n === 0)
    return {
      status: 'Empty',
      feasible: true,
      objective: 0,
      colValues,
      rowDuals: new Float64Array(m),
      rounds: 0,
    };
  const matrix = columnMatrix(model);
  const order =
    options.initialColumns === undefined
      ? Array.from({ length: n }, (_, j) => j)
      : [...options.initialColumns];
  const present = new Uint8Array(n);
  for (const j of order) present[j] = 1;
  const groups = options.pricingGroups ?? new Int32Array(n).fill(-1);
  const first = columnsData(model, matrix, order);
  const solver = highs.createModel({
    numCols: order.length,
    numRows: m,
    sense: highs.constants.objectiveSense.maximize,
    colCost: first.cost,
    colLower: first.lower,
    colUpper: first.upper,
    rowLower: Float64Array.from(model.rowLower),
    rowUpper: Float64Array.from(model.rowUpper),
    matrix: first.matrix,
  });
  try {
    solver.options.set({ output_flag: false });
    let rounds = 0;
    let status = 'Not Set';
    let rowDuals: Float64Array | undefined;
    let values: Float64Array | undefined;
    let objective = Number.NaN;
    for (;;) {
      solver.run();
      rounds++;
      const code = solver.getModelStatus();
      status = code === highs.constants.modelStatus.optimal ? 'Optimal' : `HiGHS model status ${code}`;
      if (code !== highs.constants.modelStatus.optimal) break;
      const solution = solver.getSolution();
      rowDuals = solution.rowDual;
      values = solution.colValue;
      objective = solver.getObjectiveValue();
      if (rounds >= MAX_ROUNDS) break;
      const add = improvingColumns(model, matrix, rowDuals, present, groups, options.perGroup ?? 3);
      if (add.length === 0) break;
      for (const j of add) {
        present[j] = 1;
        order.push(j);
      }
      solver.addCols(columnsData(model, matrix, add));
      // Re-solve from the last basis rather than presolving the grown model afresh.
      solver.options.set({ presolve: 'off' });
    }
    if (values !== undefined) order.forEach((j, q) => (colValues[j] = values[q] ?? 0));
    return { status, feasible: values !== undefined, objective, colValues, rowDuals, rounds };
  } finally {
    solver.dispose();
  }
}

function integer(highs: Highs, model: LinearModel, options: IntegerOptions): Solution {
  const colValues = new Float64Array(model.colNames.length);
  if (model.colNames.length === 0)
    return { status: 'Empty', feasible: true, objective: 0, colValues, rounds: 0 };
  const result = highs.solve(toCplexLp(model, { integer: true }), {
    output_flag: false,
    mip_rel_gap: options.mipRelativeGap ?? 0,
    ...(options.timeLimitSeconds === undefined ? {} : { time_limit: options.timeLimitSeconds }),
  });
  const columns = result.Columns as Record<string, { Primal?: number } | undefined>;
  const feasible = FEASIBLE.has(result.Status) && Object.keys(columns).length > 0;
  if (feasible) model.colNames.forEach((name, j) => (colValues[j] = columns[name]?.Primal ?? 0));
  return {
    status: result.Status,
    feasible,
    objective: feasible ? result.ObjectiveValue : Number.NaN,
    colValues,
    rounds: 1,
  };
}
