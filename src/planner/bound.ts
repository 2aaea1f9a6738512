/**
 * A proven upper bound from row prices (duals), by weak duality. For the model
 * max c·x subject to L ≤ Ax ≤ U, 0 ≤ x ≤ u, and any prices y,
 *
 *   c·x = y·(Ax) + (c − Aᵀy)·x ≤ Σᵢ max(yᵢLᵢ, yᵢUᵢ) + Σⱼ uⱼ·max(0, cⱼ − (Aᵀy)ⱼ)
 *
 * for every feasible x, integer or not. The bound holds for whatever prices are given, so
 * it does not rest on the solver having converged: inexact duals only make it looser.
 * A price that would need an infinite row side is taken as zero.
 */
import type { LinearModel } from './linear-model.js';

export function lagrangianBound(model: LinearModel, rowDuals: ArrayLike<number>): number {
  const rows = model.rowNames.length;
  const reduced = Float64Array.from(model.colCost);
  let bound = 0;
  for (let i = 0; i < rows; i++) {
    let y = rowDuals[i] ?? 0;
    if (
      !Number.isFinite(y) ||
      (y > 0 && !Number.isFinite(model.rowUpper[i]!)) ||
      (y < 0 && !Number.isFinite(model.rowLower[i]!))
    )
      y = 0;
    if (y === 0) continue;
    bound += y > 0 ? y * model.rowUpper[i]! : y * model.rowLower[i]!;
    for (let k = model.rowStart[i]!; k < model.rowStart[i + 1]!; k++) {
      const j = model.rowCols[k]!;
      reduced[j] = reduced[j]! - y * model.rowCoefs[k]!;
    }
  }
  for (let j = 0; j < reduced.length; j++) if (reduced[j]! > 0) bound += reduced[j]! * model.colUpper[j]!;
  return bound;
}
