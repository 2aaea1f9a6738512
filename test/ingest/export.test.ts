/**
 * Exports through the CLI: lossless round trips (CSV and JSON lines), the store as known at an
 * instant, formula injection neutralised, SQL metacharacters kept verbatim, and statistics that
 * agree with `repatria status`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, seedReference } from '../../src/cli/reference-seed.js';
import { demoPeople, demoProgram } from '../../src/demo/population.js';
import { BLOCKER_CODES } from '../../src/domain/blockers.js';
import { storeChecksum } from '../../src/store/checksum.js';
import { openStore } from '../../src/store/open-store.js';
import { cli } from '../helpers/cli.js';
import { testStores } from './stores.js';

const stores = testStores('export');
afterAll(() => stores.close());
const file = (name: string): string => join(stores.dir, name);
const CORPUS = join(import.meta.dirname, '../fixtures/bad');

async function contentOf(dbPath: string): Promise<string> {
  const store = await openStore({ dbPath });
  try {
    return (await storeChecksum(store.kysely)).content;
  } finally {
    await store.close();
  }
}

describe('repatria export', () => {
  let source: string;

  beforeAll(async () => {
    const { store, location } = await stores.open('sqlite');
    source = location.dbPath;
    await seedReference(store);
    await store.recordProgramFacts(demoProgram(), CLI_ACTOR);
    for (const batch of demoPeople({ people: 2_000, seed: 3 }, 1_000)) await store.addPeople(batch, CLI_ACTOR);
    await store.addPeople([{ id: 'ZZ-NOFACTS', facts: [] }], CLI_ACTOR);
    await store.close();
  });

  for (const [what, format] of [
    ['people', 'csv'],
    ['people', 'jsonl'],
    ['facts', 'jsonl'],
  ] as const) {
    it(`--${what} as ${format}, imported into an empty store, gives the same content`, async () => {
      const out = file(`all-${what}.${format}`);
      const program = file(`program-${what}-${format}.csv`);
      expect((await cli(['export', `--${what}`, out, '--db', source])).status).toBe(0);
      expect((await cli(['export', '--program', program, '--db', source])).status).toBe(0);
      const copy = file(`copy-${what}-${format}.db`);
      expect((await cli(['import', '--program', program, '--db', copy])).status).toBe(0);
      const imported = await cli(['import', `--${what}`, out, '--db', copy]);
      expect(imported.stderr).toBe('');
      expect(imported.status).toBe(0);
      if (what === 'facts') {
        // People without facts are not facts: the roster differs by them alone.
        const store = await openStore({ dbPath: copy });
        await store.addPeople([{ id: 'ZZ-NOFACTS', facts: [] }], CLI_ACTOR);
        await store.close();
      }
      expect(await contentOf(copy)).toBe(await contentOf(source));
    });
  }

  it('--known-at writes the store as it was known then: later facts out, retractions not yet made', async () => {
    const db = file('known.db');
    const facts = file('known.csv');
    writeFileSync(
      facts,
      [
        'person_id,fact_id,type,recorded_at,retracted_at,country',
        'K1,K1-1,nationality,2024-01-01T00:00:00Z,,XA',
        'K1,K1-2,nationality,2024-03-01T00:00:00Z,,XB',
        'K2,K2-1,nationality,2024-01-01T00:00:00Z,2024-01-15T00:00:00Z,XC',
        'K2,K2-2,nationality,2024-01-01T00:00:00Z,2024-06-01T00:00:00Z,XD',
        '',
      ].join('\n'),
    );
    expect((await cli(['import', '--facts', facts, '--db', db])).status).toBe(0);
    const out = await cli(['export', '--facts', '-', '--format', 'jsonl', '--known-at', '2024-02-01T00:00:00Z', '--db', db]);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['K1-1', 'K2-2']);
    expect(lines[1]).not.toHaveProperty('retractedAt');
    const whole = await cli(['export', '--facts', '-', '--format', 'jsonl', '--db', db]);
    expect(whole.stdout).toContain('"retractedAt":"2024-01-15T00:00:00Z"');
  });

  it('neutralises formula injection in every CSV it writes, and reads it back exactly', async () => {
    const db = file('formula.db');
    const quarantine = file('formula.quarantine.csv');
    const imported = await cli(['import', '--facts', join(CORPUS, 'formula-injection.csv'), '--db', db, '--quarantine', quarantine]);
    expect(imported.status).toBe(3);
    expect(imported.stdout).toContain('imported 1 people and 4 facts');
    const out = file('formula-export.csv');
    expect((await cli(['export', '--facts', out, '--db', db])).status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(text).toContain(`,"'+SUM(1,1)",`);
    expect(text).toContain(`,"'@HYPERLINK(""http://example.invalid"")",`);
    expect(text).toContain(`,'-2+3,`);
    for (const line of text.split('\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@]/);
    // The quarantine file is CSV too: the refused cell is neutralised there as well.
    expect(readFileSync(quarantine, 'utf8')).toContain("'=1+1");

    const copy = file('formula-copy.db');
    expect((await cli(['import', '--facts', out, '--db', copy])).status).toBe(0);
    expect(await contentOf(copy)).toBe(await contentOf(db));
  });

  it('stores SQL metacharacters verbatim and leaves every table whole', async () => {
    const db = file('sql.db');
    const imported = await cli(['import', '--facts', join(CORPUS, 'sql-metacharacters.csv'), '--db', db, '--quarantine', file('sql.q.csv')]);
    expect(imported.status).toBe(3);
    const store = await openStore({ dbPath: db });
    try {
      expect(await store.getPerson("B14'); DROP TABLE people;--")).toMatchObject({ facts: [{ id: "B14'); DROP TABLE people;---1" }] });
      expect((await store.getPerson('B14'))?.facts.map((f) => f.id)).toEqual(['B14-2', 'B14-3" OR "1"="1']);
      expect(await store.countPeople()).toBe(2);
    } finally {
      await store.close();
    }
    expect((await cli(['verify', '--db', db])).status).toBe(0);
  });

  it('--stats writes the counts `repatria status` prints', async () => {
    const on = '2025-04-20';
    const knownAt = '2025-06-01T00:00:00Z';
    const stats = await cli(['export', '--stats', '-', '--on', on, '--known-at', knownAt, '--db', source]);
    expect(stats.status).toBe(0);
    const [header, ...rows] = stats.stdout.trim().split('\n').map((l) => l.split(','));
    expect(header).toEqual(['on', 'known_at', 'country', 'people', 'returned', 'removable', ...BLOCKER_CODES]);
    const status = await cli(['status', '--on', on, '--known-at', knownAt, '--db', source]);
    const table = status.stdout.split('\n').filter((l) => /^(ALL|[A-Z?]{2})\s/.test(l)).map((l) => l.trim().split(/\s+/));
    const columns = status.stdout.split('\n').find((l) => l.startsWith('country'))!.trim().split(/\s+/);
    for (const printed of table) {
      const csv = rows.find((r) => r[2] === printed[0]);
      expect(csv, printed[0]).toBeDefined();
      columns.slice(1).forEach((column, i) => {
        const at = header!.indexOf(column);
        expect(`${printed[0]} ${column} ${csv![at]}`).toBe(`${printed[0]} ${column} ${printed[i + 1]!.replace(/,/g, '')}`);
      });
    }
    expect(rows.at(-1)![2]).toBe('ALL');
  });
});
