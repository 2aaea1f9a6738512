/**
 * A linear (or mixed-integer) maximisation model in plain arrays, and its text in CPLEX LP
 * format, which is what the solver reads. Every column has lower bound 0 and a finite upper
 * bound, which is what makes the Lagrangian bound of `bound.ts` finite.
 */

export interface LinearModel {
  readonly colNames: readonly string[];
  /** Objective coefficient of each column (maximised). */
  readonly colCost: readonly number[];
  readonly colUpper: readonly number[];
  readonly colInteger: readonly boolean[];
  readonly rowNames: readonly string[];
  /** `-Infinity` when the row has no lower bound. */
  readonly rowLower: readonly number[];
  /** `Infinity` when the row has no upper bound. */
  readonly rowUpper: readonly number[];
  /** Row `i` holds entries `rowStart[i]` up to `rowStart[i + 1]` of `rowCols`/`rowCoefs`. */
  readonly rowStart: readonly number[];
  readonly rowCols: readonly number[];
  readonly rowCoefs: readonly number[];
}

/** Builds a {@link LinearModel} column by column and row by row. */
export class ModelBuilder implements LinearModel {
  readonly colNames: string[] = [];
  readonly colCost: number[] = [];
  readonly colUpper: number[] = [];
  readonly colInteger: boolean[] = [];
  readonly rowNames: string[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly rowStart: number[] = [0];
  readonly rowCols: number[] = [];
  readonly rowCoefs: number[] = [];

  addColumn(name: string, cost: number, upper: number, integer: boolean): number {
    if (!(upper >= 0) || !Number.isFinite(upper))
      throw new RangeError(`column ${name}: upper bound ${upper} must be finite and non-negative`);
    this.colNames.push(name);
    this.colCost.push(cost);
    this.colUpper.push(upper);
    this.colInteger.push(integer);
    return this.colNames.length - 1;
  }

  /** A row `lower <= a·x <= upper` with one side infinite, or an equation (`lower === upper`). */
  addRow(
    name: string,
    cols: readonly number[],
    coefs: readonly number[],
    lower: number,
    upper: number,
  ): number {
    if (lower !== upper && Number.isFinite(lower) === Number.isFinite(upper)) {
      throw new RangeError(`row ${name}: give one finite side, or equal sides`);
    }
    this.rowNames.push(name);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    for (let i = 0; i < cols.length; i++) {
      this.rowCols.push(cols[i]!);
      this.rowCoefs.push(coefs[i]!);
    }
    this.rowStart.push(this.rowCols.length);
    return this.rowNames.length - 1;
  }
}

/** Terms per line: LP readers accept long lines, but people reading the file do not. */
const TERMS_PER_LINE = 8;

const term = (coef: number, name: string): string => {
  if (coef === 1) return `+ ${name}`;
  if (coef === -1) return `- ${name}`;
  return coef < 0 ? `- ${-coef} ${name}` : `+ ${coef} ${name}`;
};

function pushExpression(out: string[], head: string, terms: readonly string[]): void {
  if (terms.length === 0) {
    out.push(`${head} 0`);
    return;
  }
  for (let i = 0; i < terms.length; i += TERMS_PER_LINE) {
    out.push(`${i === 0 ? head : '   '} ${terms.slice(i, i + TERMS_PER_LINE).join(' ')}`);
  }
}

/**
 * The model in CPLEX LP format. With `integer: false` the integrality of columns is left
 * out: the text is then the model's LP relaxation.
 */
export function toCplexLp(model: LinearModel, options: { integer: boolean }): string {
  const out: string[] = ['\\ Repatria flight plan', 'Maximize'];
  const objective: string[] = [];
  model.colNames.forEach((name, j) => {
    if (model.colCost[j] !== 0) objective.push(term(model.colCost[j]!, name));
  });
  pushExpression(out, ' obj:', objective);
  out.push('Subject To');
  model.rowNames.forEach((name, i) => {
    const terms: string[] = [];
    for (let k = model.rowStart[i]!; k < model.rowStart[i + 1]!; k++)
      terms.push(term(model.rowCoefs[k]!, model.colNames[model.rowCols[k]!]!));
    const lower = model.rowLower[i]!;
    const upper = model.rowUpper[i]!;
    if (lower === upper) pushExpression(out, ` ${name}:`, [...terms, `= ${upper}`]);
    else if (Number.isFinite(upper)) pushExpression(out, ` ${name}:`, [...terms, `<= ${upper}`]);
    else pushExpression(out, ` ${name}:`, [...terms, `>= ${lower}`]);
  });
  out.push('Bounds');
  model.colNames.forEach((name, j) => out.push(` 0 <= ${name} <= ${model.colUpper[j]!}`));
  const integers = model.colNames.filter((_, j) => model.colInteger[j]);
  if (options.integer && integers.length > 0) {
    out.push('General');
    for (let i = 0; i < integers.length; i += TERMS_PER_LINE)
      out.push(` ${integers.slice(i, i + TERMS_PER_LINE).join(' ')}`);
  }
  out.push('End', '');
  return out.join('\n');
}

/** The model's matrix by column (compressed sparse columns), for pricing and for the solver. */
export interface ColumnMatrix {
  readonly start: Int32Array;
  readonly rows: Int32Array;
  readonly coefs: Float64Array;
}

export function columnMatrix(model: LinearModel): ColumnMatrix {
  const n = model.colNames.length;
  const start = new Int32Array(n + 1);
  for (const j of model.rowCols) start[j + 1] = start[j + 1]! + 1;
  for (let j = 0; j < n; j++) start[j + 1] = start[j + 1]! + start[j]!;
  const next = start.slice(0, n);
  const rows = new Int32Array(model.rowCols.length);
  const coefs = new Float64Array(model.rowCols.length);
  for (let i = 0; i < model.rowNames.length; i++) {
    for (let k = model.rowStart[i]!; k < model.rowStart[i + 1]!; k++) {
      const j = model.rowCols[k]!;
      const at = next[j]!;
      rows[at] = i;
      coefs[at] = model.rowCoefs[k]!;
      next[j] = at + 1;
    }
  }
  return { start, rows, coefs };
}

/** A column's reduced cost under row prices: its objective less what its rows charge. */
export function reducedCost(
  model: LinearModel,
  matrix: ColumnMatrix,
  rowDuals: ArrayLike<number>,
  j: number,
): number {
  let d = model.colCost[j]!;
  for (let k = matrix.start[j]!; k < matrix.start[j + 1]!; k++)
    d -= matrix.coefs[k]! * (rowDuals[matrix.rows[k]!] ?? 0);
  return d;
}
