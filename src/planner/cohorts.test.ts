import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortUnits } from './cohorts.js';
import type { PersonOptions } from './eligibility.js';
import type { PlanPerson } from './instance.js';
import { bestNet, buildUnits, unassignedReasons, type Unit } from './units.js';

const unit = (members: number[], value: number, flights: number[], costs: number[]): Unit => ({
  members,
  value,
  flights,
  costs,
});

describe('cohorts', () => {
  it('merge units of one size with the same flights at the same costs, in value tiers, best first', () => {
    const cohorts = buildCohorts([
      unit([0], 500, [1, 2], [100, 120]),
      unit([1], 900, [1, 2], [100, 120]),
      unit([2], 500, [1, 2], [100, 120]),
      unit([3], 500, [1, 2], [100, 130]),
      unit([4, 5], 1000, [1, 2], [200, 240]),
    ]);
    expect(cohorts).toHaveLength(3);
    expect(cohorts[0]).toEqual({
      size: 1,
      flights: [1, 2],
      costs: [100, 120],
      tiers: [
        { value: 900, units: [1] },
        { value: 500, units: [0, 2] },
      ],
    });
    expect(cohortUnits(cohorts[0]!)).toBe(3);
    expect(cohorts[2]!.size).toBe(2);
  });

  it('keep only flights and tiers that can gain', () => {
    const cohorts = buildCohorts([
      unit([0], 150, [1, 2], [100, 200]),
      unit([1], 90, [1, 2], [100, 200]),
      unit([2], 50, [3], [80]),
      unit([3], 10, [], []),
    ]);
    expect(cohorts).toEqual([{ size: 1, flights: [1], costs: [100], tiers: [{ value: 150, units: [0] }] }]);
  });
});

describe('units', () => {
  const person = (id: string, value: number): PlanPerson => ({ id, value, facts: [] });
  const options = (
    flights: number[],
    costs: number[],
    family?: string,
    reasons: PersonOptions['reasons'] = [],
  ): PersonOptions => ({
    readings: { nationalities: ['XA'], familyGroup: family, noticeRunsFrom: 0, custody: [] },
    flights,
    costs,
    reasons,
  });

  it('join a family on the flights every member may board, adding costs and values', () => {
    const units = buildUnits(
      [person('A', 100), person('B', 200), person('C', 300)],
      [options([1, 2, 3], [10, 20, 30], 'G'), options([5], [1]), options([2, 3, 4], [5, 6, 7], 'G')],
    );
    expect(units).toEqual([
      { members: [0, 2], value: 400, flights: [2, 3], costs: [25, 36] },
      { members: [1], value: 200, flights: [5], costs: [1] },
    ]);
    expect(bestNet(units[0]!)).toBe(375);
  });

  it('give reasons to members left out', () => {
    const opts = [options([1], [10], 'G'), options([], [], 'G', ['HOLD']), options([2], [500])];
    const units = buildUnits([person('A', 100), person('B', 100), person('C', 100)], opts);
    expect(unassignedReasons(units[0]!, opts)).toEqual(
      new Map([
        [0, ['FAMILY_BLOCKED']],
        [1, ['HOLD']],
      ]),
    );
    expect(unassignedReasons(units[1]!, opts)).toEqual(new Map([[2, ['NOT_WORTH']]]));
    const fine = buildUnits([person('D', 1000)], [options([2], [10])]);
    expect(unassignedReasons(fine[0]!, [options([2], [10])])).toEqual(new Map([[0, ['CAPACITY']]]));
  });
});
