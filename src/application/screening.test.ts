/** May this person take this flight: the decision, the flight-level checks, and the configured notice period. */
import { describe, expect, it } from 'vitest';
import { programView } from '../domain/context.js';
import { parseDay, parseInstant } from '../domain/dates.js';
import type { Person, PersonFact, ProgramFact } from '../domain/facts.js';
import type { FlightInfo } from '../domain/manifest/manifest.js';
import { operationsConfig, DEFAULT_NOTICE_DAYS } from './config.js';
import { screenPerson } from './screening.js';

const d = (text: string): number => parseDay(text)!;
const recordedAt = parseInstant('2025-01-01T00:00:00Z')!;
const knownAt = parseInstant('2025-06-30T12:00:00Z')!;
const FLIGHT: FlightInfo = {
  id: 'FL1',
  date: d('2025-07-01'),
  origin: 'IAH',
  destination: 'XAA',
  originCountry: 'US',
  destinationCountry: 'XA',
  seats: 10,
};
const PROGRAM: ProgramFact[] = [
  {
    id: 'ag',
    type: 'return_agreement',
    country: 'XA',
    from: d('2020-01-01'),
    through: null,
    requiresTravelDocument: false,
    transport: 'receiving',
    recordedAt,
  },
];

function person(extra: PersonFact[], nationality = 'XA'): Person {
  return {
    id: 'P1',
    facts: [
      { id: 'n', type: 'nationality', country: nationality, recordedAt },
      { id: 'fo', type: 'final_order', kind: 'removal', from: d('2024-01-01'), through: null, recordedAt },
      { id: 'c', type: 'custody', facility: 'F1', from: d('2024-01-01'), through: null, recordedAt },
      ...extra,
    ],
  };
}

const notice = (servedOn: string, counsel: boolean): PersonFact => ({
  id: `notice-${servedOn}`,
  type: 'notice',
  servedOn: d(servedOn),
  counsel,
  recordedAt,
});
const codes = (p: Person, noticeDays = 7): string[] =>
  screenPerson(p, programView(PROGRAM, knownAt), FLIGHT, knownAt, noticeDays).reasons.map((r) => r.code);

describe('screening a person for a flight', () => {
  it('clears a national in custody, with a final order and notice served on them and counsel in time', () => {
    expect(codes(person([notice('2025-06-20', true)]))).toEqual([]);
  });

  it('counts only a notice that reached counsel too, and only once the configured period has run', () => {
    expect(codes(person([notice('2025-06-01', false)]))).toEqual(['NOTICE_PERIOD']);
    expect(codes(person([notice('2025-06-28', true)]))).toEqual(['NOTICE_PERIOD']);
    expect(codes(person([notice('2025-06-28', true)]), 3)).toEqual([]);
    expect(
      screenPerson(person([notice('2025-06-28', true)]), programView(PROGRAM, knownAt), FLIGHT, knownAt, 7)
        .reasons,
    ).toEqual([{ code: 'NOTICE_PERIOD', facts: ['notice-2025-06-28'] }]);
  });

  it('never sends anyone to a country not theirs, and needs custody on the flight date', () => {
    // Decided for the flight's destination (XA), which has an agreement: only the nationality fails.
    expect(codes(person([notice('2025-06-01', true)], 'XB'))).toEqual(['NOT_A_NATIONAL']);
    const released: PersonFact = {
      id: 'c',
      type: 'custody',
      facility: 'F1',
      from: d('2024-01-01'),
      through: d('2025-06-30'),
      recordedAt,
    };
    const p = person([notice('2025-06-01', true)]);
    expect(codes({ ...p, facts: p.facts.map((f) => (f.id === 'c' ? released : f)) })).toEqual([
      'NOT_IN_CUSTODY',
    ]);
  });

  it('reports blockers with the facts behind them, as known at the instant', () => {
    const stay: PersonFact = {
      id: 's1',
      type: 'stay',
      from: d('2025-06-01'),
      through: null,
      recordedAt: knownAt + 1,
    };
    expect(codes(person([notice('2025-06-01', true), stay]))).toEqual([]);
    const known = { ...stay, recordedAt: knownAt };
    expect(
      screenPerson(
        person([notice('2025-06-01', true), known]),
        programView(PROGRAM, knownAt),
        FLIGHT,
        knownAt,
        7,
      ).reasons,
    ).toEqual([{ code: 'STAY_OF_REMOVAL', facts: ['s1'] }]);
  });
});

describe('operations configuration', () => {
  it('defaults the notice period to 7 days and reads REPATRIA_NOTICE_DAYS', () => {
    expect(operationsConfig({})).toEqual({ noticeDays: DEFAULT_NOTICE_DAYS });
    expect(DEFAULT_NOTICE_DAYS).toBe(7);
    expect(operationsConfig({ REPATRIA_NOTICE_DAYS: '10' })).toEqual({ noticeDays: 10 });
    expect(Object.isFrozen(operationsConfig({}))).toBe(true);
    expect(() => operationsConfig({ REPATRIA_NOTICE_DAYS: 'soon' })).toThrow(/REPATRIA_NOTICE_DAYS/);
    expect(() => operationsConfig({ REPATRIA_NOTICE_DAYS: '-1' })).toThrow(/must not be negative/);
  });
});
