/**
 * Pricing for column generation. The LP relaxation is solved over a restricted set of
 * columns first (each cohort's cheapest flight in each week); then every column left out is
 * priced with the row prices of that solution, and those that would improve it are added,
 * the best few of each cohort per round, until none would. The final prices are then
 * optimal for the whole model, so the bound they give is the full LP relaxation's.
 */
import { reducedCost, type ColumnMatrix, type LinearModel } from './linear-model.js';

/** Reduced costs at or below this count as zero (solver tolerances). */
const IMPROVING = 1e-7;

/**
 * Columns not yet `present` with a positive reduced cost, at most `perGroup` per group
 * (the ones with the largest reduced cost); columns of group -1 are never candidates.
 */
export function improvingColumns(
  model: LinearModel,
  matrix: ColumnMatrix,
  rowDuals: ArrayLike<number>,
  present: Uint8Array,
  groupOf: Int32Array,
  perGroup: number,
): number[] {
  const byGroup = new Map<number, { col: number; gain: number }[]>();
  for (let j = 0; j < present.length; j++) {
    const g = groupOf[j]!;
    if (present[j] === 1 || g < 0) continue;
    const gain = reducedCost(model, matrix, rowDuals, j);
    if (gain <= IMPROVING) continue;
    const list = byGroup.get(g);
    if (list === undefined) byGroup.set(g, [{ col: j, gain }]);
    else list.push({ col: j, gain });
  }
  const out: number[] = [];
  for (const list of byGroup.values()) {
    list.sort((a, b) => b.gain - a.gain || a.col - b.col);
    for (const c of list.slice(0, perGroup)) out.push(c.col);
  }
  return out.sort((a, b) => a - b);
}
