import { describe, expect, it } from 'vitest';
import type { ProgramFact } from '../domain/facts.js';
import { generateInstance } from '../planner/instance-generator.js';
import { parsePlanInstanceValue, planInstanceJson } from './plan-instance.js';

const minimal = {
  knownAt: '2025-03-01T00:00:00Z',
  noticeDays: 7,
  airports: [
    { code: 'AAA', country: 'US' },
    { code: 'XAA', country: 'XA' },
  ],
  transfers: [{ facility: 'F1', airport: 'AAA', cost: 12.5 }],
  flights: [{ id: 'FL1', date: '2025-03-05', origin: 'AAA', destination: 'XAA', seats: 135 }],
  persons: [
    {
      id: 'P1',
      value: 100,
      facts: [
        {
          id: 'f1',
          type: 'tps',
          designation: 'XA-2020',
          from: '2020-01-01',
          recordedAt: '2020-01-01T00:00:00Z',
        },
      ],
    },
  ],
};
const designation: ProgramFact = {
  id: 'd1',
  type: 'tps_designation',
  designation: 'XA-2020',
  country: 'XA',
  from: 0,
  through: null,
  citation: 'test',
  recordedAt: 0,
};

describe('plan instances', () => {
  it('read dates as day numbers and instants as epoch milliseconds', () => {
    const parsed = parsePlanInstanceValue({ ...minimal, reference: 'builtin' }, [designation]);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.knownAt).toBe(Date.UTC(2025, 2, 1));
    expect(parsed.value.flights[0]!.date).toBe(Date.UTC(2025, 2, 5) / 86_400_000);
    expect(parsed.value.transfers[0]!.cost).toBe(12.5);
  });

  it('add the built-in programme for reference: builtin, and only then', () => {
    const builtin = parsePlanInstanceValue({ ...minimal, reference: 'builtin' }, [designation]);
    expect(builtin.ok && builtin.value.program).toEqual([designation]);
    const none = parsePlanInstanceValue(minimal, [designation]);
    expect(none.ok ? [] : none.issues).toEqual([
      {
        record: 'person "P1", fact "f1"',
        field: 'designation',
        reason:
          'unknown designation "XA-2020": no tps_designation record in the instance (reference is "none")',
      },
    ]);
  });

  it('report every problem at once, numbering records without ids from 1', () => {
    const parsed = parsePlanInstanceValue(
      {
        ...minimal,
        persons: [],
        flights: [
          { date: '2025-03-05', origin: 'AAA', destination: 'XAA', seats: 1 },
          { id: 'FL2', date: '2025-03-05', origin: 'AAA', destination: 'AAA', seats: 1 },
        ],
      },
      [],
    );
    expect(parsed.ok ? [] : parsed.issues.map((i) => `${i.record}: ${i.field}`)).toEqual([
      'flight #1: id',
      'flight "FL2": destination',
    ]);
  });

  it('refuse what is not an object', () => {
    expect(parsePlanInstanceValue([], []).ok).toBe(false);
  });
});

describe('instances written back', () => {
  it('read back as the same instance', () => {
    const first = parsePlanInstanceValue(
      generateInstance({ seed: 9, people: 300, flights: 10, countries: 5, facilities: 8 }),
      [],
    );
    if (!first.ok) throw new Error('invalid');
    const again = parsePlanInstanceValue(JSON.parse(JSON.stringify(planInstanceJson(first.value))), []);
    expect(again).toEqual(first);
  });

  it('leave the built-in programme out of the file', () => {
    const parsed = parsePlanInstanceValue({ ...minimal, reference: 'builtin' }, [designation]);
    if (!parsed.ok) throw new Error('invalid');
    expect(planInstanceJson(parsed.value, [designation]).program).toEqual([]);
  });
});
