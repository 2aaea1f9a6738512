/**
 * Hand-made instances, one rule at a time: who goes, who does not, and the reasons given.
 * Every plan here also passes the independent checker.
 */
import { describe, expect, it } from 'vitest';
import type { PlanInstanceJson } from '../../src/contract/plan-instance.js';
import { loadSolver } from '../../src/planner/highs-solver.js';
import type { Plan } from '../../src/planner/instance.js';
import { planFlights } from '../../src/planner/plan-flights.js';
import { verifyPlan } from '../../src/planner/verify.js';
import { agreement, instanceJson, parsed, RECORDED, type PersonSpec } from './instance-builder.js';
import { personLevelOptimum } from './person-level-mip.js';

async function plan(persons: readonly PersonSpec[], extra: Partial<PlanInstanceJson> = {}): Promise<Plan> {
  const instance = parsed(instanceJson(persons, extra));
  const result = planFlights(instance, await loadSolver());
  expect(verifyPlan(instance, result.plan).violations).toEqual([]);
  const reference = await personLevelOptimum(instance);
  expect(result.plan.objective).toBeCloseTo(reference.objective, 6);
  return result.plan;
}

const reasonsOf = (p: Plan): Record<string, readonly string[]> =>
  Object.fromEntries(p.unassigned.map((u) => [u.person, u.reasons]));
const flightOf = (p: Plan): Record<string, string> =>
  Object.fromEntries(p.assignments.map((a) => [a.person, a.flight]));

describe('planner reason codes', () => {
  it('boards an eligible person, at value less transfer cost', async () => {
    const p = await plan([{ id: 'P1', value: 1000 }]);
    expect(flightOf(p)).toEqual({ P1: 'FL1' });
    expect(p.objective).toBe(900);
    expect(p.bound).toBeCloseTo(900, 6);
  });

  it('NOTICE_PERIOD: notice served too late, or none', async () => {
    const p = await plan([
      { id: 'P1', notice: '2025-03-05' },
      { id: 'P2', notice: null },
      { id: 'P3', notice: '2025-03-03' },
    ]);
    expect(reasonsOf(p)).toEqual({ P1: ['NOTICE_PERIOD'], P2: ['NOTICE_PERIOD'] });
    expect(flightOf(p)).toEqual({ P3: 'FL1' });
  });

  it('NOTICE_PERIOD: a notice recorded after knownAt does not count', async () => {
    const p = await plan([
      {
        id: 'P1',
        notice: null,
        facts: [
          { type: 'notice', servedOn: '2025-02-01', counsel: true, recordedAt: '2025-03-02T00:00:00Z' },
        ],
      },
    ]);
    expect(reasonsOf(p)).toEqual({ P1: ['NOTICE_PERIOD'] });
  });

  it('NOT_IN_CUSTODY: no custody, or released before the flight', async () => {
    const p = await plan([
      { id: 'P1', custody: null },
      {
        id: 'P2',
        custody: null,
        facts: [
          {
            type: 'custody',
            facility: 'F1',
            from: '2025-01-01',
            through: '2025-03-09',
            recordedAt: RECORDED,
          },
        ],
      },
    ]);
    expect(reasonsOf(p)).toEqual({ P1: ['NOT_IN_CUSTODY'], P2: ['NOT_IN_CUSTODY'] });
  });

  it('NO_FLIGHT: no flight to a country of the person, or none from an airport their facility reaches', async () => {
    const p = await plan([
      { id: 'P1', nationality: 'XB' },
      { id: 'P2', custody: 'F2' },
      { id: 'P3', custody: 'F9' },
    ]);
    expect(reasonsOf(p)).toEqual({ P1: ['NO_FLIGHT'], P2: ['NO_FLIGHT'], P3: ['NO_FLIGHT'] });
  });

  it('FAMILY_BLOCKED: the family stays when one member may not go, and the member keeps their own reason', async () => {
    const p = await plan([
      { id: 'P1', family: 'G1' },
      { id: 'P2', family: 'G1', facts: [{ type: 'stay', from: '2025-01-15', recordedAt: RECORDED }] },
      { id: 'P3', family: 'G2' },
      { id: 'P4', family: 'G2' },
    ]);
    expect(reasonsOf(p)).toEqual({ P1: ['FAMILY_BLOCKED'], P2: ['STAY_OF_REMOVAL'] });
    expect(flightOf(p)).toEqual({ P3: 'FL1', P4: 'FL1' });
  });

  it('FAMILY_BLOCKED: members who may board only different flights', async () => {
    const p = await plan(
      [
        { id: 'P1', family: 'G1', notice: '2025-03-05' },
        {
          id: 'P2',
          family: 'G1',
          facts: [
            {
              type: 'hold',
              kind: 'medical',
              from: '2025-03-01',
              through: '2025-03-15',
              recordedAt: RECORDED,
            },
          ],
        },
      ],
      {
        flights: [
          { id: 'FL1', date: '2025-03-10', origin: 'AAA', destination: 'XAA', seats: 10 },
          { id: 'FL2', date: '2025-03-11', origin: 'AAA', destination: 'XAA', seats: 10 },
        ],
      },
    );
    expect(reasonsOf(p)).toEqual({ P1: ['NOTICE_PERIOD'], P2: ['HOLD'] });
    const p2 = await plan(
      [
        { id: 'P1', family: 'G1', custody: 'F1' },
        { id: 'P2', family: 'G1', custody: 'F2' },
      ],
      {
        flights: [
          { id: 'FL1', date: '2025-03-10', origin: 'AAA', destination: 'XAA', seats: 10 },
          { id: 'FL2', date: '2025-03-11', origin: 'BBB', destination: 'XAA', seats: 10 },
        ],
      },
    );
    // P1 may take FL1 only (F1 reaches AAA), P2 only FL2 (F2 reaches BBB): no common flight.
    expect(reasonsOf(p2)).toEqual({ P1: ['FAMILY_BLOCKED'], P2: ['FAMILY_BLOCKED'] });
  });

  it('a family too big for any flight is left out for capacity', async () => {
    const p = await plan(
      [
        { id: 'P1', family: 'G1' },
        { id: 'P2', family: 'G1' },
        { id: 'P3', family: 'G1' },
      ],
      {
        flights: [{ id: 'FL1', date: '2025-03-10', origin: 'AAA', destination: 'XAA', seats: 2 }],
      },
    );
    expect(reasonsOf(p)).toEqual({ P1: ['CAPACITY'], P2: ['CAPACITY'], P3: ['CAPACITY'] });
  });

  it('CAPACITY: seats go to the most valuable; the rest have no seat left', async () => {
    const p = await plan(
      [
        { id: 'P1', value: 500 },
        { id: 'P2', value: 3000 },
        { id: 'P3', value: 800 },
      ],
      { flights: [{ id: 'FL1', date: '2025-03-10', origin: 'AAA', destination: 'XAA', seats: 2 }] },
    );
    expect(flightOf(p)).toEqual({ P2: 'FL1', P3: 'FL1' });
    expect(reasonsOf(p)).toEqual({ P1: ['CAPACITY'] });
  });

  it('CAPACITY: the weekly cap, not the seats, is what runs out', async () => {
    const p = await plan(
      [
        { id: 'P1', value: 500 },
        { id: 'P2', value: 3000 },
      ],
      { program: [agreement('XA', { weeklyCap: 1 })] },
    );
    expect(flightOf(p)).toEqual({ P2: 'FL1' });
    expect(reasonsOf(p)).toEqual({ P1: ['CAPACITY'] });
  });

  it('NOT_WORTH: the value does not cover the transfer', async () => {
    const p = await plan([
      { id: 'P1', value: 60 },
      { id: 'P2', value: 100 },
    ]);
    expect(reasonsOf(p)).toEqual({ P1: ['NOT_WORTH'], P2: ['NOT_WORTH'] });
  });

  it('a family whose joint value covers its costs goes, even when one member alone would not', async () => {
    const p = await plan([
      { id: 'P1', family: 'G1', value: 50 },
      { id: 'P2', family: 'G1', value: 400 },
    ]);
    expect(flightOf(p)).toEqual({ P1: 'FL1', P2: 'FL1' });
    expect(p.objective).toBe(250);
  });

  it('blocker codes of the decision, each on its own', async () => {
    const p = await plan(
      [
        {
          id: 'TPS',
          facts: [{ type: 'tps', designation: 'XA-2020', from: '2020-06-01', recordedAt: RECORDED }],
        },
        { id: 'ORDER', order: false },
        {
          id: 'PROTECTED',
          facts: [
            {
              type: 'protection',
              kind: 'withholding',
              country: 'XA',
              from: '2024-06-01',
              recordedAt: RECORDED,
            },
          ],
        },
        { id: 'HOLD', facts: [{ type: 'hold', kind: 'legal', from: '2025-02-01', recordedAt: RECORDED }] },
        { id: 'STAY', facts: [{ type: 'stay', from: '2025-02-01', recordedAt: RECORDED }] },
        { id: 'APPEAL', facts: [{ type: 'appeal', stay: true, from: '2025-02-01', recordedAt: RECORDED }] },
        {
          id: 'LAWFUL',
          facts: [{ type: 'lawful_status', kind: 'parole', from: '2025-02-01', recordedAt: RECORDED }],
        },
        {
          id: 'CLAIM',
          facts: [{ type: 'citizenship_claim', country: 'US', from: '2025-02-01', recordedAt: RECORDED }],
        },
        { id: 'CLASS', custody: 'F3', facts: [] },
        { id: 'NOAGREEMENT', nationality: 'XC' },
        { id: 'DOCUMENT', nationality: 'XD' },
      ],
      {
        program: [
          agreement('XA'),
          agreement('XD', { requiresTravelDocument: true }),
          {
            id: 'tps-XA',
            type: 'tps_designation',
            designation: 'XA-2020',
            country: 'XA',
            from: '2020-01-01',
            citation: 'test',
            recordedAt: RECORDED,
          },
          {
            id: 'co',
            type: 'class_order',
            criteria: { facility: ['F3'] },
            from: '2025-01-01',
            citation: 'test',
            recordedAt: RECORDED,
          },
        ],
        airports: [
          { code: 'AAA', country: 'US' },
          { code: 'XAA', country: 'XA' },
          { code: 'XCC', country: 'XC' },
          { code: 'XDD', country: 'XD' },
        ],
        transfers: [
          { facility: 'F1', airport: 'AAA', cost: 100 },
          { facility: 'F3', airport: 'AAA', cost: 100 },
        ],
        flights: [
          { id: 'FL1', date: '2025-03-10', origin: 'AAA', destination: 'XAA', seats: 10 },
          { id: 'FL2', date: '2025-03-10', origin: 'AAA', destination: 'XCC', seats: 10 },
          { id: 'FL3', date: '2025-03-10', origin: 'AAA', destination: 'XDD', seats: 10 },
        ],
      },
    );
    expect(reasonsOf(p)).toEqual({
      TPS: ['TPS_PROTECTED'],
      ORDER: ['NO_FINAL_ORDER'],
      PROTECTED: ['PROTECTED_FROM_COUNTRY'],
      HOLD: ['HOLD'],
      STAY: ['STAY_OF_REMOVAL'],
      APPEAL: ['APPEAL_PENDING'],
      LAWFUL: ['LAWFUL_STATUS'],
      CLAIM: ['CITIZENSHIP_CLAIM'],
      CLASS: ['CLASS_ORDER'],
      NOAGREEMENT: ['NO_RETURN_AGREEMENT'],
      DOCUMENT: ['NO_TRAVEL_DOCUMENT'],
    });
  });

  it('reports what stands between the person and the nearest flight', async () => {
    const flights = [
      { id: 'FL1', date: '2025-03-10', origin: 'AAA', destination: 'XAA', seats: 10 },
      { id: 'FL2', date: '2025-03-17', origin: 'BBB', destination: 'XAA', seats: 10 },
    ];
    const p = await plan(
      [
        // Held on the 10th; the flight of the 17th leaves from an airport F1 has no transfer to.
        {
          id: 'P1',
          facts: [
            {
              type: 'hold',
              kind: 'medical',
              from: '2025-03-01',
              through: '2025-03-12',
              recordedAt: RECORDED,
            },
          ],
        },
        // TPS on both flights; notice runs only by the 17th: TPS alone stands in the way then.
        {
          id: 'P2',
          custody: 'F2',
          notice: '2025-03-05',
          facts: [{ type: 'tps', designation: 'XA-2020', from: '2020-06-01', recordedAt: RECORDED }],
        },
      ],
      {
        flights,
        transfers: [
          { facility: 'F1', airport: 'AAA', cost: 100 },
          { facility: 'F2', airport: 'AAA', cost: 100 },
          { facility: 'F2', airport: 'BBB', cost: 100 },
        ],
        program: [
          agreement('XA'),
          {
            id: 'tps-XA',
            type: 'tps_designation',
            designation: 'XA-2020',
            country: 'XA',
            from: '2020-01-01',
            citation: 'test',
            recordedAt: RECORDED,
          },
        ],
      },
    );
    expect(reasonsOf(p)).toEqual({ P1: ['HOLD', 'NO_FLIGHT'], P2: ['TPS_PROTECTED'] });
  });

  it('facts recorded after knownAt, or retracted before it, do not count', async () => {
    const p = await plan([
      { id: 'P1', facts: [{ type: 'stay', from: '2025-02-01', recordedAt: '2025-03-02T00:00:00Z' }] },
      {
        id: 'P2',
        facts: [
          {
            type: 'hold',
            kind: 'legal',
            from: '2025-02-01',
            recordedAt: RECORDED,
            retractedAt: '2025-02-15T00:00:00Z',
          },
        ],
      },
    ]);
    expect(flightOf(p)).toEqual({ P1: 'FL1', P2: 'FL1' });
  });

  it('a person of two nationalities may go to either country, never to a third', async () => {
    const p = await plan(
      [
        { id: 'P1', facts: [{ type: 'nationality', country: 'XB', recordedAt: RECORDED }] },
        { id: 'P2', nationality: 'XB' },
      ],
      {
        flights: [
          { id: 'FL1', date: '2025-03-10', origin: 'AAA', destination: 'XAA', seats: 1 },
          { id: 'FL2', date: '2025-03-10', origin: 'AAA', destination: 'XBB', seats: 1 },
        ],
      },
    );
    expect(flightOf(p)).toEqual({ P1: 'FL1', P2: 'FL2' });
  });

  it('a person moved between facilities pays the transfer from where they are that day', async () => {
    const p = await plan(
      [
        {
          id: 'P1',
          custody: null,
          facts: [
            {
              type: 'custody',
              facility: 'F1',
              from: '2025-01-01',
              through: '2025-03-09',
              recordedAt: RECORDED,
            },
            { type: 'custody', facility: 'F2', from: '2025-03-10', recordedAt: RECORDED },
          ],
        },
      ],
      { flights: [{ id: 'FL1', date: '2025-03-10', origin: 'BBB', destination: 'XAA', seats: 10 }] },
    );
    expect(flightOf(p)).toEqual({ P1: 'FL1' });
    expect(p.objective).toBe(950);
  });
});

describe('weekly caps', () => {
  const week = [
    { id: 'MON', date: '2025-03-10', origin: 'AAA', destination: 'XAA', seats: 10 },
    { id: 'FRI', date: '2025-03-14', origin: 'AAA', destination: 'XAA', seats: 10 },
  ];
  // The cap falls from 5 to 2 on Thursday 13 March.
  const falling = [
    agreement('XA', { through: '2025-03-12', weeklyCap: 5 }),
    agreement('XA', { from: '2025-03-13', weeklyCap: 2 }),
  ];

  it('using a flight after the cap falls lowers the cap for the whole week', async () => {
    // Five people may take only Monday's flight (notice runs on the 10th), three only Friday's.
    const monday = Array.from({ length: 5 }, (_, i) => ({
      id: `M${i}`,
      value: 1000,
      notice: '2025-03-03',
      facts: [{ type: 'hold' as const, kind: 'medical' as const, from: '2025-03-11', recordedAt: RECORDED }],
    }));
    const friday = Array.from({ length: 3 }, (_, i) => ({ id: `F${i}`, value: 5000, notice: '2025-03-06' }));
    const p = await plan([...monday, ...friday], { flights: week, program: falling });
    // Monday alone: 5 × 900 = 4,500. Friday used: the week's cap is 2, so 2 × 4,900 = 9,800.
    expect(p.assignments).toHaveLength(2);
    expect(new Set(p.assignments.map((a) => a.flight))).toEqual(new Set(['FRI']));
    expect(p.objective).toBe(9_800);
  });

  it('keeps to the higher cap by leaving the low-cap day unused when that is better', async () => {
    const people = Array.from({ length: 8 }, (_, i) => ({ id: `P${i}`, value: 1000 }));
    const p = await plan(people, { flights: week, program: falling });
    expect(p.assignments).toHaveLength(5);
    expect(new Set(p.assignments.map((a) => a.flight))).toEqual(new Set(['MON']));
  });

  it('with several agreements in effect, the least restrictive cap applies', async () => {
    const people = Array.from({ length: 8 }, (_, i) => ({ id: `P${i}`, value: 1000 }));
    const p = await plan(people, {
      flights: week,
      program: [agreement('XA', { weeklyCap: 1 }), agreement('XA', { from: '2025-03-01', weeklyCap: 3 })],
    });
    expect(p.assignments).toHaveLength(3);
    const uncapped = await plan(people, {
      flights: week,
      program: [agreement('XA', { weeklyCap: 1 }), agreement('XA', { from: '2025-03-01' })],
    });
    expect(uncapped.assignments).toHaveLength(8);
  });

  it('weeks are ISO weeks, Monday to Sunday', async () => {
    const people = Array.from({ length: 4 }, (_, i) => ({ id: `P${i}`, value: 1000 }));
    const p = await plan(people, {
      flights: [
        { id: 'SUN', date: '2025-03-16', origin: 'AAA', destination: 'XAA', seats: 10 },
        { id: 'MON', date: '2025-03-17', origin: 'AAA', destination: 'XAA', seats: 10 },
      ],
      program: [agreement('XA', { weeklyCap: 2 })],
    });
    expect(p.assignments.filter((a) => a.flight === 'SUN')).toHaveLength(2);
    expect(p.assignments.filter((a) => a.flight === 'MON')).toHaveLength(2);
  });
});
