/**
 * Realistic facts for the store tests: every type, every optional shape, and a typical
 * six-fact person for volume tests.
 */
import { parseDay, parseInstant, type Day, type Instant } from '../../src/domain/dates.js';
import type { Person, PersonFact, ProgramFact } from '../../src/domain/facts.js';

export const d = (text: string): Day => {
  const day = parseDay(text);
  if (day === undefined) throw new Error(`bad date ${text}`);
  return day;
};

export const at = (text: string): Instant => {
  const instant = parseInstant(text);
  if (instant === undefined) throw new Error(`bad instant ${text}`);
  return instant;
};

export const ACTOR = { id: 'officer-17', role: 'case_officer' } as const;

const RECORDED = at('2025-01-06T14:30:00Z');

/** One fact of every person type, with open and closed periods and every optional field shape. */
export function everyPersonFact(prefix: string): PersonFact[] {
  const recordedAt = RECORDED;
  return [
    { id: `${prefix}-nat1`, type: 'nationality', country: 'VE', recordedAt },
    { id: `${prefix}-nat2`, type: 'nationality', country: 'CO', recordedAt },
    {
      id: `${prefix}-fo`,
      type: 'final_order',
      kind: 'removal',
      from: d('2024-03-01'),
      through: null,
      recordedAt,
    },
    {
      id: `${prefix}-fo2`,
      type: 'final_order',
      kind: 'reinstatement',
      from: d('2023-01-01'),
      through: d('2023-12-31'),
      recordedAt,
    },
    {
      id: `${prefix}-ap1`,
      type: 'appeal',
      stay: true,
      from: d('2024-04-01'),
      through: d('2024-09-30'),
      recordedAt,
    },
    { id: `${prefix}-ap2`, type: 'appeal', stay: false, from: d('2024-10-01'), through: null, recordedAt },
    { id: `${prefix}-st`, type: 'stay', from: d('2024-05-01'), through: d('2024-05-31'), recordedAt },
    {
      id: `${prefix}-tps`,
      type: 'tps',
      designation: 'VE-2023',
      from: d('2023-10-03'),
      through: d('2025-04-02'),
      recordedAt,
    },
    {
      id: `${prefix}-pr`,
      type: 'protection',
      kind: 'cat_deferral',
      country: 'VE',
      from: d('2022-06-01'),
      through: null,
      recordedAt,
    },
    {
      id: `${prefix}-ls`,
      type: 'lawful_status',
      kind: 'parole',
      from: d('2023-02-01'),
      through: d('2025-02-01'),
      recordedAt,
    },
    { id: `${prefix}-cc1`, type: 'citizenship_claim', country: 'US', from: d('2024-01-15'), recordedAt },
    {
      id: `${prefix}-cc2`,
      type: 'citizenship_claim',
      country: 'US',
      from: d('2024-01-15'),
      resolution: 'rejected',
      resolvedOn: d('2024-06-01'),
      recordedAt,
    },
    {
      id: `${prefix}-td`,
      type: 'travel_document',
      country: 'VE',
      from: d('2024-01-01'),
      through: d('2029-12-31'),
      recordedAt,
    },
    {
      id: `${prefix}-ho`,
      type: 'hold',
      kind: 'medical',
      from: d('2025-01-10'),
      through: d('2025-02-10'),
      recordedAt,
    },
    {
      id: `${prefix}-cu`,
      type: 'custody',
      facility: 'Krome SPC',
      from: d('2024-11-02'),
      through: null,
      recordedAt,
    },
    { id: `${prefix}-no`, type: 'notice', servedOn: d('2025-01-03'), counsel: true, recordedAt },
    { id: `${prefix}-fa`, type: 'family', group: 'FG-0042', recordedAt },
  ];
}

/** One fact of every programme type, including class-order criteria arrays and an open designation. */
export function everyProgramFact(prefix: string): ProgramFact[] {
  return [
    {
      id: `${prefix}-ve23a`,
      type: 'tps_designation',
      designation: 'VE-2023',
      country: 'VE',
      from: d('2023-10-03'),
      through: d('2025-04-02'),
      citation: '88 FR 68130',
      recordedAt: at('2023-10-03T00:00:00Z'),
    },
    {
      id: `${prefix}-ve23b`,
      type: 'tps_designation',
      designation: 'VE-2023',
      country: 'VE',
      from: d('2023-10-03'),
      through: null,
      citation: 'court order (postponement)',
      recordedAt: at('2025-03-31T00:00:00Z'),
    },
    {
      id: `${prefix}-co1`,
      type: 'class_order',
      criteria: { nationality: ['VE', 'NI', 'HT'] },
      from: d('2025-03-15'),
      through: null,
      citation: 'J.G.G. v. Trump, TRO',
      recordedAt: at('2025-03-15T21:00:00Z'),
    },
    {
      id: `${prefix}-co2`,
      type: 'class_order',
      criteria: { nationality: ['VE'], facility: ['Bluebonnet', 'Prairieland'] },
      from: d('2025-04-19'),
      through: d('2025-05-16'),
      citation: 'A.A.R.P. v. Trump',
      recordedAt: at('2025-04-19T05:00:00Z'),
    },
    {
      id: `${prefix}-ra1`,
      type: 'return_agreement',
      country: 'VE',
      from: d('2025-01-31'),
      through: null,
      weeklyCap: 400,
      requiresTravelDocument: false,
      transport: 'receiving',
      recordedAt: at('2025-02-01T00:00:00Z'),
    },
    {
      id: `${prefix}-ra2`,
      type: 'return_agreement',
      country: 'CO',
      from: d('2024-01-01'),
      through: d('2026-12-31'),
      requiresTravelDocument: true,
      transport: 'sending',
      recordedAt: at('2024-01-02T00:00:00Z'),
    },
  ];
}

const COUNTRIES = ['VE', 'CO', 'HN', 'GT', 'SV', 'MX', 'HT', 'NI'] as const;
const FACILITIES = ['Krome SPC', 'Port Isabel', 'El Paso SPC', 'Otay Mesa', 'Adelanto'] as const;

/** A typical person with six facts, deterministic in `index`. */
export function typicalPerson(id: string, index: number): Person {
  const country = COUNTRIES[index % COUNTRIES.length]!;
  const base = d('2023-01-01') + (index % 700);
  const recordedAt = RECORDED + (index % 1000) * 60_000;
  return {
    id,
    facts: [
      { id: `${id}-n`, type: 'nationality', country, recordedAt },
      {
        id: `${id}-o`,
        type: 'final_order',
        kind: index % 5 === 0 ? 'expedited_removal' : 'removal',
        from: base,
        through: null,
        recordedAt,
      },
      {
        id: `${id}-c`,
        type: 'custody',
        facility: FACILITIES[index % FACILITIES.length]!,
        from: base + 3,
        through: null,
        recordedAt,
      },
      { id: `${id}-d`, type: 'travel_document', country, from: base - 400, through: base + 1400, recordedAt },
      index % 3 === 0
        ? {
            id: `${id}-t`,
            type: 'tps',
            designation: `${country}-2023`,
            from: base - 100,
            through: base + 500,
            recordedAt,
          }
        : {
            id: `${id}-t`,
            type: 'appeal',
            stay: index % 2 === 0,
            from: base + 10,
            through: index % 4 === 0 ? null : base + 200,
            recordedAt,
          },
      { id: `${id}-f`, type: 'notice', servedOn: base + 20, counsel: index % 2 === 1, recordedAt },
    ],
  };
}
