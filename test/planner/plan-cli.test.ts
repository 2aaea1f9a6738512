/**
 * `repatria plan` and `repatria plan verify` end to end: the plan file of the spec, the seat
 * and cap summary, exit 1 with the violations of a broken plan, exit 2 for bad input naming
 * the record and the field.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanInstanceJson } from '../../src/contract/plan-instance.js';
import { generateInstance } from '../../src/planner/instance-generator.js';
import { cli } from '../helpers/cli.js';
import { instanceJson, RECORDED } from './instance-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'repatria-plan-'));
let files = 0;
function write(content: unknown): string {
  const file = join(dir, `f${++files}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

interface PlanFile {
  assignments: { person: string; flight: string }[];
  unassigned: { person: string; reasons: string[] }[];
  objective: number;
  bound: number;
}

describe('repatria plan', () => {
  const instance = write(
    generateInstance({ seed: 7, people: 400, flights: 12, days: 14, countries: 4, facilities: 8 }),
  );

  it('writes a plan in the format of the spec, and prints seats and caps used', async () => {
    const out = join(dir, 'plan.json');
    const r = await cli(['plan', '--instance', instance, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as PlanFile;
    expect(Object.keys(plan)).toEqual(['assignments', 'unassigned', 'objective', 'bound']);
    expect(plan.assignments.length + plan.unassigned.length).toBe(400);
    expect(plan.assignments.length).toBeGreaterThan(0);
    expect(plan.bound).toBeGreaterThanOrEqual(plan.objective);
    for (const u of plan.unassigned) expect(u.reasons.length).toBeGreaterThan(0);
    expect(r.stdout).toContain('Seats used per flight');
    expect(r.stdout).toMatch(/FL0001\s+\d{4}-\d{2}-\d{2}\s+[A-Z]{3}-[A-Z]{3}\s+[A-Z]{2}\s+\d+\s+\d+/);
    expect(r.stdout).toContain('Weekly cap used per country');
    expect(r.stdout).toContain('objective/bound');

    const verified = await cli(['plan', 'verify', '--instance', instance, '--plan', out]);
    expect(verified.stderr).toBe('');
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/^valid: /);
  });

  it('plan verify exits 1 and lists what a tampered plan breaks', async () => {
    const out = join(dir, 'plan-to-break.json');
    expect((await cli(['plan', '--instance', instance, '--out', out])).status).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as PlanFile;
    const blocked = plan.unassigned.find((u) => u.reasons.includes('TPS_PROTECTED'))!;
    const broken: PlanFile = {
      ...plan,
      assignments: [...plan.assignments, { person: blocked.person, flight: plan.assignments[0]!.flight }],
      unassigned: plan.unassigned.filter((u) => u.person !== blocked.person),
    };
    const r = await cli(['plan', 'verify', '--instance', instance, '--plan', write(broken)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`person "${blocked.person}"`);
    expect(r.stdout).toMatch(/NOT_REMOVABLE|NOT_A_NATIONAL/);
    expect(r.stdout).toContain('OBJECTIVE plan');
    expect(r.stderr).toMatch(/the plan breaks \d+ rules/);
  });

  it('needs --instance and --out', async () => {
    expect((await cli(['plan', '--out', join(dir, 'x.json')])).status).toBe(2);
    expect((await cli(['plan', '--instance', instance])).status).toBe(2);
  });
});

describe('invalid instances exit 2, naming the record and the field', () => {
  const good = instanceJson([{ id: 'P1' }, { id: 'P2' }]);
  const cases: [string, PlanInstanceJson | string, string][] = [
    ['malformed JSON', '{"knownAt": ', 'instance file: field "-": malformed JSON'],
    [
      'a missing knownAt',
      { ...good, knownAt: undefined } as unknown as PlanInstanceJson,
      'instance: field "knownAt"',
    ],
    [
      'a flight from an unknown airport',
      { ...good, flights: [{ id: 'FL1', date: '2025-03-10', origin: 'ZZZ', destination: 'XAA', seats: 10 }] },
      'flight "FL1": field "origin": unknown airport "ZZZ"',
    ],
    [
      'a flight to an unknown airport',
      { ...good, flights: [{ id: 'FL1', date: '2025-03-10', origin: 'AAA', destination: 'XZZ', seats: 10 }] },
      'flight "FL1": field "destination": unknown airport "XZZ"',
    ],
    [
      'no seats',
      { ...good, flights: [{ id: 'FL1', date: '2025-03-10', origin: 'AAA', destination: 'XAA', seats: 0 }] },
      'flight "FL1": field "seats": must be at least 1',
    ],
    [
      'seats not whole',
      {
        ...good,
        flights: [{ id: 'FL1', date: '2025-03-10', origin: 'AAA', destination: 'XAA', seats: 2.5 }],
      },
      'flight "FL1": field "seats"',
    ],
    [
      'an impossible flight date',
      { ...good, flights: [{ id: 'FL1', date: '2025-02-30', origin: 'AAA', destination: 'XAA', seats: 10 }] },
      'flight "FL1": field "date": "2025-02-30" is not a real calendar date',
    ],
    [
      'a flight id used twice',
      { ...good, flights: [good.flights[0]!, { ...good.flights[0]!, date: '2025-03-11' }] },
      'flight "FL1": field "id": is used by another flight',
    ],
    [
      'a transfer to an unknown airport',
      { ...good, transfers: [good.transfers[0]!, { facility: 'F2', airport: 'QQQ', cost: 5 }] },
      'transfer #2: field "airport": unknown airport "QQQ"',
    ],
    [
      'a negative transfer cost',
      { ...good, transfers: [{ facility: 'F1', airport: 'AAA', cost: -1 }] },
      'transfer #1: field "cost": must not be negative',
    ],
    [
      'a transfer listed twice',
      { ...good, transfers: [good.transfers[0]!, { ...good.transfers[0]!, cost: 7 }] },
      'transfer #2: field "airport": another transfer already links facility "F1" to "AAA"',
    ],
    [
      'an airport code that is not IATA-style',
      { ...good, airports: [...good.airports, { code: 'abc', country: 'XA' }] },
      'airport "abc": field "code": must be three upper-case letters',
    ],
    [
      'an airport listed twice',
      { ...good, airports: [...good.airports, { code: 'AAA', country: 'US' }] },
      'airport "AAA": field "code": is listed more than once',
    ],
    [
      'a person id used twice',
      { ...good, persons: [good.persons[0]!, good.persons[0]!] },
      'person "P1": field "id": is used by another person',
    ],
    [
      'a person without a value',
      { ...good, persons: [{ id: 'P9', facts: [] }] as unknown as PlanInstanceJson['persons'] },
      'person "P9": field "value"',
    ],
    [
      'a bad person fact',
      {
        ...good,
        persons: [
          {
            id: 'P3',
            value: 10,
            facts: [{ id: 'f2', type: 'hold', kind: 'medical', from: '2025-13-01', recordedAt: RECORDED }],
          },
        ],
      },
      'person "P3", fact "f2": field "from"',
    ],
    [
      'an unknown designation',
      {
        ...good,
        persons: [
          {
            id: 'P3',
            value: 10,
            facts: [
              { id: 'f1', type: 'tps', designation: 'XA-1999', from: '2020-01-01', recordedAt: RECORDED },
            ],
          },
        ],
      },
      'person "P3", fact "f1": field "designation": unknown designation "XA-1999"',
    ],
    [
      'a bad programme fact',
      {
        ...good,
        program: [
          {
            id: 'a1',
            type: 'return_agreement',
            country: 'XA',
            from: '2020-01-01',
            transport: 'sending',
            recordedAt: RECORDED,
          },
        ],
      },
      'program, fact "a1": field "requiresTravelDocument"',
    ],
    [
      'a negative notice period',
      { ...good, noticeDays: -1 },
      'instance: field "noticeDays": must not be negative',
    ],
  ];
  for (const [what, content, message] of cases) {
    it(what, async () => {
      const out = join(dir, 'never.json');
      const r = await cli(['plan', '--instance', write(content), '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('error: invalid input');
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    });
  }

  it('plan verify also exits 2 for an invalid instance or plan file', async () => {
    const instance = write(good);
    const badPlan = write({ assignments: [{ person: 'P1' }], unassigned: [], objective: 0, bound: 0 });
    const r = await cli(['plan', 'verify', '--instance', instance, '--plan', badPlan]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('plan, assignment #1: field "flight"');
    expect(
      (await cli(['plan', 'verify', '--instance', instance, '--plan', join(dir, 'missing.json')])).status,
    ).toBe(2);
    expect((await cli(['plan', 'verify', '--instance', write('[]'), '--plan', badPlan])).status).toBe(2);
  });
});
