import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lagrangianBound } from './bound.js';
import { loadSolver } from './highs-solver.js';
import { ModelBuilder, columnMatrix, reducedCost, toCplexLp } from './linear-model.js';

/** max 3x + 2y  s.t.  x + y ≤ 4,  x − t = 0,  0 ≤ x ≤ 3, 0 ≤ y ≤ 10, 0 ≤ t ≤ 5 (t costs 1). */
function small(): ModelBuilder {
  const b = new ModelBuilder();
  const x = b.addColumn('x', 3, 3, true);
  const y = b.addColumn('y', 2, 10, true);
  const t = b.addColumn('t', -1, 5, false);
  b.addRow('cap', [x, y], [1, 1], Number.NEGATIVE_INFINITY, 4);
  b.addRow('link', [x, t], [1, -1], 0, 0);
  return b;
}

describe('linear models', () => {
  it('are written in CPLEX LP format', () => {
    expect(toCplexLp(small(), { integer: true })).toBe(
      [
        '\\ Repatria flight plan',
        'Maximize',
        ' obj: + 3 x + 2 y - t',
        'Subject To',
        ' cap: + x + y <= 4',
        ' link: + x - t = 0',
        'Bounds',
        ' 0 <= x <= 3',
        ' 0 <= y <= 10',
        ' 0 <= t <= 5',
        'General',
        ' x y',
        'End',
        '',
      ].join('\n'),
    );
    expect(toCplexLp(small(), { integer: false })).not.toContain('General');
  });

  it('refuse rows with two finite, different sides', () => {
    expect(() => new ModelBuilder().addRow('r', [], [], 1, 2)).toThrow(RangeError);
  });

  it('are solved by HiGHS, as a MIP and as an LP with row prices', async () => {
    const solver = await loadSolver();
    const model = small();
    const mip = solver.solveInteger(model);
    expect(mip.status).toBe('Optimal');
    expect(mip.objective).toBeCloseTo(8, 9);
    const lp = solver.solveRelaxation(model);
    expect(lp.objective).toBeCloseTo(8, 9);
    expect(lagrangianBound(model, lp.rowDuals!)).toBeCloseTo(8, 9);
  });

  it('column generation reaches the same LP optimum from a subset of columns', async () => {
    const solver = await loadSolver();
    const model = small();
    const lp = solver.solveRelaxation(model, {
      initialColumns: [2],
      pricingGroups: Int32Array.from([0, 0, -1]),
      perGroup: 1,
    });
    expect(lp.objective).toBeCloseTo(8, 9);
    expect(lp.rounds).toBeGreaterThan(1);
    const matrix = columnMatrix(model);
    for (let j = 0; j < 3; j++)
      if (lp.colValues[j] === 0)
        expect(reducedCost(model, matrix, lp.rowDuals!, j)).toBeLessThanOrEqual(1e-7);
  });
});

describe('the Lagrangian bound', () => {
  it('bounds the optimum whatever prices it is given', async () => {
    const solver = await loadSolver();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cost: fc.integer({ min: -5, max: 20 }),
            upper: fc.integer({ min: 0, max: 6 }),
            a: fc.integer({ min: 0, max: 3 }),
            b: fc.integer({ min: 0, max: 3 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.tuple(
          fc.double({ min: -10, max: 10, noNaN: true }),
          fc.double({ min: -10, max: 10, noNaN: true }),
        ),
        (cols, capA, capB, prices) => {
          const b = new ModelBuilder();
          cols.forEach((c, j) => b.addColumn(`c${j}`, c.cost, c.upper, true));
          b.addRow(
            'ra',
            cols.map((_, j) => j),
            cols.map((c) => c.a),
            Number.NEGATIVE_INFINITY,
            capA,
          );
          b.addRow(
            'rb',
            cols.map((_, j) => j),
            cols.map((c) => c.b),
            Number.NEGATIVE_INFINITY,
            capB,
          );
          const optimum = solver.solveInteger(b).objective;
          expect(lagrangianBound(b, prices)).toBeGreaterThanOrEqual(optimum - 1e-9);
          expect(lagrangianBound(b, solver.solveRelaxation(b).rowDuals!)).toBeGreaterThanOrEqual(
            optimum - 1e-6,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
