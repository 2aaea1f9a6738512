/** The shipped TPS reference data follows the spec's `builtin` rules and the shared sources. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { winningDesignations } from '../../src/domain/context.js';
import { formatDay, parseInstant } from '../../src/domain/dates.js';
import { referenceRecords } from '../../src/reference/builtin-program.js';

const SHARED = join(import.meta.dirname, '../../../shared/reference');
const records = referenceRecords();
const facts = records.map((r) => r.fact);

function throughKnownAt(designation: string, instant: string): string | null {
  const w = winningDesignations(facts, parseInstant(instant)!).get(designation);
  if (w === undefined) throw new Error(`no record for ${designation}`);
  return w.through === null ? null : formatDay(w.through);
}

describe('TPS reference data', () => {
  it('has unique ids, a citation and a source for every record', () => {
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    for (const r of records) {
      expect(r.fact.citation.length, r.fact.id).toBeGreaterThan(5);
      expect(r.sourceUrl, r.fact.id).toMatch(/^https:\/\//);
      expect(r.fact.id.startsWith(`${r.fact.designation}/`), r.fact.id).toBe(true);
    }
  });

  it('records each act at its publication or decision date', () => {
    for (const f of facts) expect(new Date(f.recordedAt).toISOString().slice(0, 10)).toBe(f.id.split('/')[1]);
  });

  it('holds the whole Venezuela 2023 legal timeline', () => {
    const ve = facts.filter((f) => f.designation === 'VE-2023').map((f) => f.id.split('/')[1]);
    expect(ve).toEqual(['2023-10-03', '2025-01-17', '2025-02-03', '2025-02-05', '2025-03-31', '2025-05-19', '2025-09-05', '2025-10-03']);
    expect(throughKnownAt('VE-2023', '2025-02-04T00:00:00Z')).toBe('2025-04-02'); // vacatur
    expect(throughKnownAt('VE-2023', '2025-03-01T00:00:00Z')).toBe('2025-04-07'); // termination
    expect(throughKnownAt('VE-2023', '2025-04-15T00:00:00Z')).toBe('2026-10-02'); // N.D. Cal. postponement
    expect(throughKnownAt('VE-2023', '2025-06-01T00:00:00Z')).toBe('2025-04-07'); // Supreme Court stay
    expect(throughKnownAt('VE-2023', '2025-09-06T00:00:00Z')).toBe('2026-10-02'); // final judgment
    expect(throughKnownAt('VE-2023', '2025-10-04T00:00:00Z')).toBe('2025-04-07'); // Supreme Court stay
    expect(throughKnownAt('VE-2021', '2025-12-01T00:00:00Z')).toBe('2025-11-07');
  });

  it('covers every country of the shared TPS country list, keeping its uncertainty', () => {
    const rows = readFileSync(join(SHARED, 'tps_countries.csv'), 'utf8').trim().split('\n').slice(1);
    const shipped = new Set(facts.map((f) => f.country));
    for (const row of rows) {
      const country = row.slice(0, 2);
      expect(shipped.has(country), country).toBe(true);
      if (row.endsWith(',true')) {
        expect(records.filter((r) => r.fact.country === country).every((r) => r.uncertain), country).toBe(true);
      }
    }
  });

  it('ships the Federal Register history with its attribution', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../data/README.md'), 'utf8');
    expect(readme).toContain('MigrantUSA, US Immigration Data (CC BY 4.0)');
    const shipped = readFileSync(join(import.meta.dirname, '../../data/tps-designation-history.csv'), 'utf8');
    expect(shipped).toBe(readFileSync(join(SHARED, 'federal-register/tps_designation_history.csv'), 'utf8'));
  });
});
