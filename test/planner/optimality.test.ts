/**
 * On small instances the plan is optimal: its objective equals the optimum HiGHS proves for
 * the person-level MIP (built separately, in person-level-mip.ts). Every plan also passes
 * the independent checker, splits no family, and boards nobody blocked on the flight's date.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanInstanceValue } from '../../src/contract/plan-instance.js';
import { programView } from '../../src/domain/context.js';
import { decideWith } from '../../src/domain/decision.js';
import { isKnownAt } from '../../src/domain/knowledge.js';
import { loadSolver } from '../../src/planner/highs-solver.js';
import type { PlanInstance } from '../../src/planner/instance.js';
import { generateInstance, type GeneratorOptions } from '../../src/planner/instance-generator.js';
import { planFlights } from '../../src/planner/plan-flights.js';
import { verifyPlan } from '../../src/planner/verify.js';
import { personLevelOptimum } from './person-level-mip.js';

/** Twenty seeded instances of 40 to 200 people, with seats and caps tight enough to bind. */
export const SMALL_INSTANCES: readonly GeneratorOptions[] = Array.from({ length: 20 }, (_, i) => ({
  seed: 1000 + i,
  people: 40 + ((i * 37) % 161),
  flights: 4 + (i % 5),
  days: 14,
  countries: 3 + (i % 3),
  facilities: 4 + (i % 4),
  seats: [4, 6, 10, 16, 24],
}));

function instanceOf(options: GeneratorOptions): PlanInstance {
  const parsed = parsePlanInstanceValue(generateInstance(options), []);
  if (!parsed.ok)
    throw new Error(parsed.issues.map((i) => `${i.record}: ${i.field}: ${i.reason}`).join('\n'));
  return parsed.value;
}

describe('plans of small instances', () => {
  for (const options of SMALL_INSTANCES) {
    it(`seed ${options.seed}, ${options.people} people, ${options.flights} flights: optimal, lawful, families whole`, async () => {
      const instance = instanceOf(options);
      const { plan } = planFlights(instance, await loadSolver());
      const reference = await personLevelOptimum(instance);
      expect(['Optimal', 'Empty']).toContain(reference.status);
      expect(plan.objective).toBeCloseTo(reference.objective, 6);
      expect(plan.bound).toBeGreaterThanOrEqual(reference.objective - 1e-6);

      expect(verifyPlan(instance, plan).violations).toEqual([]);

      // The same promises, checked directly here as well.
      const flightById = new Map(instance.flights.map((f) => [f.id, f]));
      const countryOf = new Map(instance.airports.map((a) => [a.code, a.country]));
      const view = programView(instance.program, instance.knownAt);
      const personById = new Map(instance.persons.map((p) => [p.id, p]));
      const flightOfPerson = new Map(plan.assignments.map((a) => [a.person, a.flight]));
      for (const a of plan.assignments) {
        const flight = flightById.get(a.flight)!;
        const decision = decideWith(personById.get(a.person)!, view, {
          on: flight.date,
          knownAt: instance.knownAt,
          destination: countryOf.get(flight.destination)!,
        });
        expect(decision.blockers).toEqual([]);
      }
      const groups = new Map<string, Set<string>>();
      for (const p of instance.persons) {
        const family = p.facts.find((f) => f.type === 'family' && isKnownAt(f, instance.knownAt));
        if (family?.type !== 'family') continue;
        const set = groups.get(family.group) ?? new Set<string>();
        set.add(flightOfPerson.get(p.id) ?? 'none');
        groups.set(family.group, set);
      }
      for (const flights of groups.values()) expect(flights.size).toBe(1);
      expect(plan.assignments.length + plan.unassigned.length).toBe(instance.persons.length);
    });
  }

  it('exercises families, capacity and caps across the set', async () => {
    let families = 0;
    let capacity = 0;
    let assigned = 0;
    for (const options of SMALL_INSTANCES.slice(0, 6)) {
      const instance = instanceOf(options);
      const { plan } = planFlights(instance, await loadSolver());
      assigned += plan.assignments.length;
      capacity += plan.unassigned.filter((u) => u.reasons.includes('CAPACITY')).length;
      families += instance.persons.filter((p) => p.facts.some((f) => f.type === 'family')).length;
    }
    expect(assigned).toBeGreaterThan(50);
    expect(capacity).toBeGreaterThan(10);
    expect(families).toBeGreaterThan(10);
  });
});
