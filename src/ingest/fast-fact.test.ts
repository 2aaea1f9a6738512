import { describe, expect, it } from 'vitest';
import { parsePersonFact } from '../contract/fact-schema.js';
import { CsvHeader, PERSON_CSV_COLUMNS, rowToFact } from './csv-layout.js';
import { FastPersonFacts } from './fast-fact.js';

const read = CsvHeader.read('person', [...PERSON_CSV_COLUMNS]);
if (!read.ok) throw new Error(read.reason);
const header = read.header;
const fast = new FastPersonFacts(header);

const row = (cells: Partial<Record<(typeof PERSON_CSV_COLUMNS)[number], string>>): string[] => PERSON_CSV_COLUMNS.map((c) => cells[c] ?? '');

const BASE = [
  row({ person_id: 'P1', fact_id: 'P1-1', type: 'nationality', recorded_at: '2024-01-02T10:00:00Z', country: 'VE' }),
  row({ person_id: 'P1', fact_id: 'P1-2', type: 'final_order', recorded_at: '2024-02-01T09:00:00Z', retracted_at: '2024-03-01T09:00:00Z', from: '2024-02-01', kind: 'removal' }),
  row({ person_id: 'P1', fact_id: 'P1-3', type: 'appeal', recorded_at: '2024-03-01T00:00:00Z', from: '2024-03-01', through: '2024-06-30' }),
  row({ person_id: 'P1', fact_id: 'P1-4', type: 'stay', recorded_at: '2024-03-01T00:00:00Z', from: '2024-03-01' }),
  row({ person_id: 'P1', fact_id: 'P1-5', type: 'tps', recorded_at: '2024-03-01T00:00:00Z', from: '2024-03-01', designation: 'VE-2023' }),
  row({ person_id: 'P1', fact_id: 'P1-6', type: 'protection', recorded_at: '2024-03-01T00:00:00Z', from: '2024-03-01', kind: 'cat_deferral', country: 'HT' }),
  row({ person_id: 'P1', fact_id: 'P1-7', type: 'lawful_status', recorded_at: '2024-03-01T00:00:00Z', from: '2024-03-01', kind: 'lpr' }),
  row({ person_id: 'P1', fact_id: 'P1-8', type: 'travel_document', recorded_at: '2024-03-01T00:00:00Z', from: '2024-03-01', through: '2034-03-01', country: 'VE' }),
  row({ person_id: 'P1', fact_id: 'P1-9', type: 'hold', recorded_at: '2024-03-01T00:00:00Z', from: '2024-03-01', kind: 'medical' }),
  row({ person_id: 'P1', fact_id: 'P1-10', type: 'custody', recorded_at: '2024-03-01T00:00:00Z', from: '2024-03-01', facility: 'K"R\\O' }),
  row({ person_id: 'P1', fact_id: 'P1-11', type: 'notice', recorded_at: '2024-03-01T00:00:00Z', served_on: '2024-03-05', counsel: 'true' }),
  row({ person_id: 'P1', fact_id: 'P1-12', type: 'family', recorded_at: '2024-03-01T00:00:00+02:00', group: 'G\u00e91' }),
  row({ person_id: 'P1', fact_id: 'P1-13', type: 'citizenship_claim', recorded_at: '2024-03-01T00:00:00Z', from: '2024-03-01', country: 'VE' }),
];

const TRICKY = ['', 'true', 'false', 'TRUE', '1', 'VE', 've', 'VEN', 'VE-2023', 'VE-23', 'removal', 'reinstatement', 'legal', 'withholding', 'lpr', 'a', 'L', '2024-02-29', '2023-02-29', '2024-13-01', '2024-1-01', '2024-02-01', '2024-01-02T10:00:00Z', '2024-01-02T24:00:00Z', '2024-01-02T23:59:60Z', '2023-02-29T10:00:00Z', '2024-01-02T10:00:00+01:00', '2024-01-02T10:00Z', '2024-01-02T10:00:00.5Z', '2100-02-29T00:00:00Z', '2000-02-29T12:34:56Z', '0000-01-01', '9999-12-31', '2024-00-10', '2024-04-31', '2024-04-30', '1900-02-29', '2000-02-29', '2024-02-3a', '\uff12024-01-01', '2024/02/01', '1969-12-31', '0000-02-29T00:00:00Z', '1969-12-31T23:59:59Z', '2024-01-02T1a:00:00Z', 'x"y', '\u0001', '\ud800', 'x'.repeat(1000), 'x'.repeat(1001), ' ', 'appeal', 'family'];

/** The full path's verdict on a row: the fact, or undefined when refused. */
function slowPath(fields: string[]): ReturnType<typeof parsePersonFact> | undefined {
  const type = fields[2]!;
  const plan = header.plan(type);
  if (plan === undefined) return undefined;
  const raw = rowToFact(header, plan, type, fields);
  return raw.ok ? parsePersonFact(raw.fact) : undefined;
}

describe('the fast path of CSV person facts', () => {
  it('builds what the zod path builds, body and key order included, for every type it knows', () => {
    let taken = 0;
    for (const fields of BASE) {
      const got = fast.read(fields[2]!, fields[1]!, fields);
      const slow = slowPath(fields);
      expect(slow?.ok).toBe(true);
      if (got === undefined || slow?.ok !== true) continue;
      taken += 1;
      // The same keys in the same order: the same stored body.
      expect(JSON.stringify(got)).toBe(JSON.stringify(slow.value));
    }
    expect(taken).toBeGreaterThanOrEqual(11);
  });

  it('never accepts a row the zod path refuses, nor accepts one differently', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      seed ^= seed >>> 13;
      return seed % n;
    };
    for (let i = 0; i < 30_000; i += 1) {
      const fields = [...BASE[next(BASE.length)]!];
      for (let m = 1 + next(3); m > 0; m -= 1) fields[1 + next(16)] = TRICKY[next(TRICKY.length)]!;
      const got = fast.read(fields[2]!, fields[1]!, fields);
      if (got === undefined) continue;
      const slow = slowPath(fields);
      expect(slow?.ok, JSON.stringify(fields)).toBe(true);
      if (slow?.ok !== true) continue;
      expect(JSON.stringify(got)).toBe(JSON.stringify(slow.value));
    }
  });
});
