/**
 * When the model is too large to solve, the planner falls back to its heuristic (best gain
 * first) and still reports a true bound, from the week relaxation or, failing that, from
 * every unit's best gain. The plans still keep every rule.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanInstanceValue } from '../../src/contract/plan-instance.js';
import { loadSolver } from '../../src/planner/highs-solver.js';
import { generateInstance } from '../../src/planner/instance-generator.js';
import { planFlights, planGreedy } from '../../src/planner/plan-flights.js';
import { verifyPlan } from '../../src/planner/verify.js';
import { personLevelOptimum } from './person-level-mip.js';

const instances = [1, 2, 3, 4, 5].map((seed) => {
  const parsed = parsePlanInstanceValue(
    generateInstance({
      seed: 2000 + seed,
      people: 150,
      flights: 6,
      days: 14,
      countries: 3,
      facilities: 5,
      seats: [6, 10, 16],
    }),
    [],
  );
  if (!parsed.ok) throw new Error('generator made an invalid instance');
  return parsed.value;
});

describe('fallback for models too large to solve', () => {
  it('plans by heuristic and bounds by the week relaxation', async () => {
    const solver = await loadSolver();
    for (const instance of instances) {
      const optimum = (await personLevelOptimum(instance)).objective;
      const { plan, stats } = planFlights(instance, solver, { maxColumns: 0 });
      expect(stats.method).toBe('heuristic');
      expect(stats.boundSource).not.toBe('lp-relaxation');
      expect(verifyPlan(instance, plan).violations).toEqual([]);
      expect(plan.objective).toBeLessThanOrEqual(optimum + 1e-6);
      expect(plan.bound).toBeGreaterThanOrEqual(optimum - 1e-6);
    }
  });

  it('falls back to the best-gain bound when even the relaxation is too large', async () => {
    const solver = await loadSolver();
    for (const instance of instances) {
      const optimum = (await personLevelOptimum(instance)).objective;
      const { plan, stats } = planFlights(instance, solver, { maxColumns: 0, maxRelaxationColumns: 0 });
      expect(stats.boundSource).toBe('best-gain');
      expect(plan.bound).toBeGreaterThanOrEqual(optimum - 1e-6);
    }
  });

  it('rounds the LP relaxation when the model is too large for the MIP', async () => {
    const solver = await loadSolver();
    for (const instance of instances) {
      const optimum = (await personLevelOptimum(instance)).objective;
      const { plan, stats } = planFlights(instance, solver, { maxMipColumns: 0 });
      expect(stats.method).toBe('lp-rounding');
      expect(verifyPlan(instance, plan).violations).toEqual([]);
      expect(plan.objective).toBeLessThanOrEqual(optimum + 1e-6);
      expect(plan.objective).toBeGreaterThanOrEqual(0.97 * optimum);
      expect(plan.bound).toBeGreaterThanOrEqual(optimum - 1e-6);
    }
  });

  it('the greedy baseline keeps every rule and never beats the optimum', async () => {
    for (const instance of instances) {
      const optimum = (await personLevelOptimum(instance)).objective;
      const greedy = planGreedy(instance);
      expect(verifyPlan(instance, greedy).violations).toEqual([]);
      expect(greedy.objective).toBeLessThanOrEqual(optimum + 1e-6);
    }
  });
});
