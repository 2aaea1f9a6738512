import { describe, expect, it } from 'vitest';
import { builtinProgram } from '../reference/builtin-program.js';
import { parsePersonFact, parseProgramFact } from './fact-schema.js';
import { parseScenario } from './scenario.js';

const AT = '2024-01-01T00:00:00Z';

describe('unknown fields in a fact', () => {
  it('refuses a misspelt through and retractedAt rather than reading an open-ended hold never withdrawn', () => {
    const parsed = parsePersonFact({
      id: 'h1',
      type: 'hold',
      kind: 'medical',
      from: '2024-01-01',
      thru: '2024-02-01',
      retracted_at: '2024-01-02T00:00:00Z',
      recordedAt: AT,
    });
    expect(parsed).toEqual({
      ok: false,
      issues: [
        { record: 'fact "h1"', field: 'thru', reason: 'unknown field (did you mean "through"?)' },
        { record: 'fact "h1"', field: 'retracted_at', reason: 'unknown field (did you mean "retractedAt"?)' },
      ],
    });
  });

  it('refuses an appeal whose stay is spelt Stay rather than storing it with no stay', () => {
    const parsed = parsePersonFact(
      { id: 'a1', type: 'appeal', Stay: true, from: '2024-01-01', recordedAt: AT },
      'scenario "s", ',
    );
    expect(parsed).toEqual({
      ok: false,
      issues: [
        { record: 'scenario "s", fact "a1"', field: 'Stay', reason: 'unknown field (did you mean "stay"?)' },
      ],
    });
  });

  it('lists the fields a fact has when the unknown one resembles none of them', () => {
    const parsed = parsePersonFact({
      id: 'n1',
      type: 'nationality',
      country: 'XA',
      note: 'from the interview',
      recordedAt: AT,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      {
        record: 'fact "n1"',
        field: 'note',
        reason: 'unknown field (the fields here are id, recordedAt, retractedAt, type, country)',
      },
    ]);
  });

  it('names an unknown key inside a class order’s criteria by its path', () => {
    const parsed = parseProgramFact({
      id: 'c1',
      type: 'class_order',
      criteria: { nationalities: ['VE'] },
      from: '2025-01-01',
      citation: 'Doe v. Test',
      recordedAt: AT,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      {
        record: 'fact "c1"',
        field: 'criteria.nationalities',
        reason: 'unknown field (did you mean "nationality"?)',
      },
    ]);
  });

  it('still reads every field the contract defines, and a class order with no criterion (the contract: it covers everyone)', () => {
    const person = [
      {
        id: 'f1',
        type: 'appeal',
        stay: true,
        from: '2024-01-01',
        through: '2024-06-30',
        recordedAt: AT,
        retractedAt: '2024-02-01T00:00:00Z',
      },
      {
        id: 'f2',
        type: 'citizenship_claim',
        country: 'US',
        from: '2024-01-01',
        resolution: 'rejected',
        resolvedOn: '2024-03-01',
        recordedAt: AT,
      },
      { id: 'f3', type: 'notice', servedOn: '2024-01-05', counsel: false, recordedAt: AT },
      {
        id: 'f4',
        type: 'travel_document',
        country: 'XA',
        from: '2024-01-01',
        through: '2030-01-01',
        recordedAt: AT,
      },
    ];
    for (const f of person) expect(parsePersonFact(f).ok, f.id).toBe(true);
    const program = [
      {
        id: 'p1',
        type: 'return_agreement',
        country: 'XA',
        from: '2020-01-01',
        weeklyCap: 10,
        requiresTravelDocument: true,
        transport: 'sending',
        recordedAt: AT,
      },
      {
        id: 'p2',
        type: 'class_order',
        criteria: {},
        from: '2025-01-01',
        citation: 'Doe v. Test',
        recordedAt: AT,
      },
      {
        id: 'p3',
        type: 'class_order',
        criteria: { nationality: ['XA'], facility: ['F1'] },
        from: '2025-01-01',
        citation: 'Doe v. Test',
        recordedAt: AT,
      },
    ];
    for (const f of program) expect(parseProgramFact(f).ok, f.id).toBe(true);
  });

  it('still loads the shipped reference data, whose records carry their act, source, certainty and note beside the fact', () => {
    expect(builtinProgram().length).toBeGreaterThan(10);
    for (const f of builtinProgram()) expect(Object.keys(f)).not.toContain('sourceUrl');
  });
});

describe('unknown fields in a scenario', () => {
  const scenario = (
    extra: Record<string, unknown>,
    query: Record<string, unknown> = {},
  ): Record<string, unknown> => ({
    id: 's1',
    person: { id: 'P1', facts: [] },
    query: { on: '2024-06-01', knownAt: AT, ...query },
    ...extra,
  });

  it('refuses a misspelt destination, which would otherwise decide for the nationality’s country', () => {
    const parsed = parseScenario(scenario({}, { destinaton: 'XB' }), 0, []);
    expect(parsed).toEqual({
      ok: false,
      issues: [
        {
          record: 'scenario "s1"',
          field: 'query.destinaton',
          reason: 'unknown field (did you mean "destination"?)',
        },
      ],
    });
  });

  it('refuses an unknown key of the scenario’s person', () => {
    const parsed = parseScenario(scenario({ person: { id: 'P1', facts: [], name: 'x' } }), 0, []);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => [i.field, i.reason.split(' (')[0]])).toEqual([['person.name', 'unknown field']]);
  });

  it('accepts the keys of the contract, and leaves other top-level keys (annotations for test runners) to them', () => {
    const parsed = parseScenario(
      scenario(
        {
          description: 'd',
          reference: 'none',
          program: [],
          expect: { removable: false, blockers: [] },
          expectDetail: { basis: [] },
        },
        { destination: 'XA' },
      ),
      0,
      [],
    );
    expect(parsed.ok).toBe(true);
  });
});
