/** The independent checker finds every kind of broken rule in hand-made plans. */
import { describe, expect, it } from 'vitest';
import type { PlanInstanceJson } from '../../src/contract/plan-instance.js';
import type { Plan } from '../../src/planner/instance.js';
import { verifyPlan, type ViolationRule } from '../../src/planner/verify.js';
import { agreement, instanceJson, parsed, RECORDED, type PersonSpec } from './instance-builder.js';

const people: PersonSpec[] = [
  { id: 'OK1', value: 1000 },
  { id: 'OK2', value: 700 },
  { id: 'XB', nationality: 'XB' },
  { id: 'TPS', facts: [{ type: 'tps', designation: 'XA-2020', from: '2020-06-01', recordedAt: RECORDED }] },
  { id: 'FREE', custody: null },
  { id: 'FAR', custody: 'F2' },
  { id: 'LATE', notice: '2025-03-06' },
  { id: 'FAM1', family: 'G1' },
  { id: 'FAM2', family: 'G1' },
  { id: 'POOR', value: 20 },
];
const extra: Partial<PlanInstanceJson> = {
  program: [
    agreement('XA'),
    agreement('XB'),
    {
      id: 'tps',
      type: 'tps_designation',
      designation: 'XA-2020',
      country: 'XA',
      from: '2020-01-01',
      citation: 'test',
      recordedAt: RECORDED,
    },
  ],
  flights: [
    { id: 'FL1', date: '2025-03-10', origin: 'AAA', destination: 'XAA', seats: 10 },
    { id: 'FL2', date: '2025-03-11', origin: 'AAA', destination: 'XAA', seats: 1 },
  ],
};
const instance = parsed(instanceJson(people, extra));

const unassigned = (
  ids: readonly string[],
  reasons: Record<string, readonly string[]> = {},
): Plan['unassigned'] =>
  ids.map((person) => ({
    person,
    reasons: reasons[person] ??
      (
        {
          XB: ['NO_FLIGHT'],
          TPS: ['TPS_PROTECTED'],
          FREE: ['NOT_IN_CUSTODY'],
          FAR: ['NO_FLIGHT'],
          LATE: ['NOTICE_PERIOD'],
          POOR: ['NOT_WORTH'],
        } as Record<string, string[]>
      )[person] ?? ['CAPACITY'],
  }));

/** A lawful plan: everyone who may go is on FL1. */
const lawful: Plan = {
  assignments: ['OK1', 'OK2', 'FAM1', 'FAM2'].map((person) => ({ person, flight: 'FL1' })),
  unassigned: unassigned(['XB', 'TPS', 'FREE', 'FAR', 'LATE', 'POOR']),
  objective: 1000 + 700 + 1000 + 1000 - 400,
  bound: 5000,
};

const rules = (plan: Plan): ViolationRule[] =>
  [...new Set(verifyPlan(instance, plan).violations.map((v) => v.rule))].sort();

function moved(plan: Plan, person: string, flight: string): Plan {
  const value = instance.persons.find((p) => p.id === person)!.value;
  return {
    ...plan,
    assignments: [...plan.assignments, { person, flight }],
    unassigned: plan.unassigned.filter((u) => u.person !== person),
    objective: plan.objective + value - 100,
  };
}

describe('plan verify', () => {
  it('finds nothing wrong with a lawful plan, and counts seats and caps', () => {
    const report = verifyPlan(instance, lawful);
    expect(report.violations).toEqual([]);
    expect(report.objective).toBe(3300);
    expect(report.flights.find((f) => f.flight === 'FL1')).toMatchObject({
      used: 4,
      seats: 10,
      country: 'XA',
    });
    expect(report.weeks).toEqual([
      { country: 'XA', week: report.weeks[0]!.week, used: 4, cap: Number.POSITIVE_INFINITY },
    ]);
  });

  it('every person exactly once', () => {
    expect(rules({ ...lawful, unassigned: lawful.unassigned.slice(1) })).toEqual(['PERSON_MISSING']);
    expect(
      rules({ ...lawful, unassigned: [...lawful.unassigned, { person: 'OK1', reasons: ['CAPACITY'] }] }),
    ).toEqual(['PERSON_TWICE']);
    expect(
      rules({ ...lawful, unassigned: [...lawful.unassigned, { person: 'NOBODY', reasons: ['CAPACITY'] }] }),
    ).toEqual(['PERSON_UNKNOWN']);
    expect(
      rules({
        ...lawful,
        assignments: [...lawful.assignments.slice(1), { person: 'OK1', flight: 'FL9' }],
        objective: 2400,
      }),
    ).toEqual(['FLIGHT_UNKNOWN']);
  });

  it('rules 1 to 3: nationality, removability, custody and transfer, notice', () => {
    expect(rules(moved(lawful, 'XB', 'FL1'))).toEqual(['NOT_A_NATIONAL']);
    expect(rules(moved(lawful, 'TPS', 'FL1'))).toEqual(['NOT_REMOVABLE']);
    expect(rules({ ...moved(lawful, 'FREE', 'FL1'), objective: lawful.objective + 1000 })).toEqual([
      'NOT_IN_CUSTODY',
    ]);
    expect(rules({ ...moved(lawful, 'FAR', 'FL1'), objective: lawful.objective + 1000 })).toEqual([
      'NO_TRANSFER',
    ]);
    expect(rules(moved(lawful, 'LATE', 'FL1'))).toEqual(['NOTICE_PERIOD']);
  });

  it('rule 4: families whole', () => {
    const split: Plan = {
      ...lawful,
      assignments: lawful.assignments.filter((a) => a.person !== 'FAM2'),
      unassigned: [...lawful.unassigned, { person: 'FAM2', reasons: ['CAPACITY'] }],
      objective: lawful.objective - 900,
    };
    expect(rules(split)).toContain('FAMILY_SPLIT');
  });

  it('rules 5 and 6: seats and weekly caps (the smallest cap of the used days)', () => {
    const twoOnOneSeat = moved(
      moved(
        {
          ...lawful,
          assignments: lawful.assignments.filter((a) => a.person !== 'OK1' && a.person !== 'OK2'),
          objective: lawful.objective - 1500,
          unassigned: lawful.unassigned,
        },
        'OK1',
        'FL2',
      ),
      'OK2',
      'FL2',
    );
    expect(rules(twoOnOneSeat)).toEqual(['SEATS']);
    const capped = parsed(
      instanceJson(people, {
        ...extra,
        program: [
          agreement('XA', { through: '2025-03-10', weeklyCap: 5 }),
          agreement('XA', { from: '2025-03-11', weeklyCap: 1 }),
          agreement('XB'),
          ...extra.program!.slice(2),
        ],
      }),
    );
    const oneOnTuesday: Plan = {
      ...lawful,
      assignments: [
        ...lawful.assignments.filter((a) => a.person !== 'OK2'),
        { person: 'OK2', flight: 'FL2' },
      ],
    };
    const violations = verifyPlan(capped, oneOnTuesday).violations;
    expect(violations.map((v) => v.rule)).toEqual(['WEEKLY_CAP']);
    expect(violations[0]!.message).toBe('4 persons flown against a cap of 1');
  });

  it('the objective and the bound', () => {
    expect(rules({ ...lawful, objective: 3301 })).toEqual(['OBJECTIVE']);
    expect(rules({ ...lawful, bound: 3000 })).toEqual(['BOUND']);
  });

  it('reasons that are not true of the person', () => {
    const withReasons = (reasons: Record<string, readonly string[]>): Plan => ({
      ...lawful,
      unassigned: unassigned(
        lawful.unassigned.map((u) => u.person),
        reasons,
      ),
    });
    expect(rules(withReasons({ TPS: ['BANANA'] }))).toEqual(['REASONS']);
    expect(rules(withReasons({ TPS: [] }))).toEqual(['REASONS']);
    expect(rules(withReasons({ TPS: ['HOLD'] }))).toEqual(['REASONS']);
    expect(rules(withReasons({ LATE: ['NOTICE_PERIOD', 'NOTICE_PERIOD'] }))).toEqual(['REASONS']);
    expect(rules(withReasons({ TPS: ['CAPACITY'] }))).toEqual(['REASONS']);
    expect(rules(withReasons({ POOR: ['CAPACITY'] }))).toEqual(['REASONS']);
    const leftOut: Plan = {
      ...lawful,
      assignments: lawful.assignments.filter((a) => a.person !== 'OK2'),
      unassigned: [...lawful.unassigned, { person: 'OK2', reasons: ['CAPACITY'] }],
      objective: lawful.objective - 600,
    };
    // FL1 has room for OK2: CAPACITY is not true.
    expect(verifyPlan(instance, leftOut).violations.map((v) => v.message)).toEqual([
      'CAPACITY, yet flight "FL1" has seats and cap room for the family',
    ]);
    expect(
      rules({ ...leftOut, unassigned: [...lawful.unassigned, { person: 'OK2', reasons: ['NOT_WORTH'] }] }),
    ).toEqual(['REASONS']);
    expect(
      rules({
        ...leftOut,
        unassigned: [...lawful.unassigned, { person: 'OK2', reasons: ['FAMILY_BLOCKED'] }],
      }),
    ).toEqual(['REASONS']);
  });
});
