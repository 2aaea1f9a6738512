/**
 * The SQLite import binds a person fact's text columns as UTF-8 bytes taken as text
 * (sqlite-writer.ts): the stored values must be text, and the same text, whether the file's
 * encoding is UTF-8 (SQLite's default) or UTF-16 (where the writer gives strings instead).
 * The ids differ in their first characters, so that bytes wrongly taken as UTF-16 could not
 * make two ids alike and send the batch down the checked path, which binds strings.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/cli/reference-seed.js';
import { importFile } from '../../src/ingest/import-file.js';
import { openStore } from '../../src/store/open-store.js';
import { AFTER_THE_FILE } from '../factories/import-file.js';

const dir = mkdtempSync(join(tmpdir(), 'repatria-text-bytes-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const WIDE = 'Núñez-東京-🙂';
const CSV = [
  'person_id,fact_id,type,recorded_at,retracted_at,from,through,country,kind,facility',
  `P-${WIDE},1-${WIDE},nationality,2024-01-02T10:00:00Z,,,,VE,,`,
  `P-${WIDE},2-${WIDE},custody,2024-03-01T00:00:00Z,2024-04-01T00:00:00Z,2024-03-01,,,,KRO ${WIDE}`,
  'P2,P2-1,final_order,2024-02-01T09:00:00Z,,2024-02-01,,,removal,',
].join('\n');

interface Row {
  id: string;
  /** The fact's retraction, as stored in fact_retractions. */
  retracted: string | null;
  person_id: string;
  type: string;
  body: string;
  types: string;
}

async function importInto(encoding: 'UTF-8' | 'UTF-16le'): Promise<Row[]> {
  const db = join(dir, `${encoding}.db`);
  const made = new BetterSqlite3(db);
  made.pragma(`encoding = '${encoding}'`);
  made.exec('create table made_before (x)');
  made.close();
  const input = join(dir, 'facts.csv');
  writeFileSync(input, CSV);
  const store = await openStore({ dbPath: db });
  try {
    const summary = await importFile(store, { file: input, format: 'csv', shape: 'facts', allOrNothing: false, batchFacts: 500, parallel: false, actor: CLI_ACTOR, clock: () => AFTER_THE_FILE });
    expect(summary).toMatchObject({ people: 2, facts: 3, rejectedRows: 0 });
  } finally {
    await store.close();
  }
  const read = new BetterSqlite3(db, { readonly: true });
  try {
    expect(read.pragma('encoding', { simple: true })).toBe(encoding);
    return read
      .prepare(
        `select id, (select fact_id from fact_retractions where fact_id = id) as retracted, person_id, type, body,
           typeof(id) || ',' || typeof(person_id) || ',' || typeof(type) || ',' || typeof(body) as types from person_facts order by id`,
      )
      .all() as Row[];
  } finally {
    read.close();
  }
}

describe('SQLite import of text columns', () => {
  it('stores text, the same in a UTF-8 and a UTF-16 file', async () => {
    const utf8 = await importInto('UTF-8');
    const utf16 = await importInto('UTF-16le');
    expect(utf8.map((r) => r.id)).toEqual([`1-${WIDE}`, `2-${WIDE}`, 'P2-1']);
    expect(utf8.map((r) => r.person_id)).toEqual([`P-${WIDE}`, `P-${WIDE}`, 'P2']);
    expect(utf8.map((r) => r.retracted)).toEqual([null, `2-${WIDE}`, null]);
    expect(utf8.map((r) => r.type)).toEqual(['nationality', 'custody', 'final_order']);
    expect(JSON.parse(utf8[1]!.body)).toMatchObject({ id: `2-${WIDE}`, facility: `KRO ${WIDE}` });
    for (const row of [...utf8, ...utf16]) expect(row.types).toBe('text,text,text,text');
    expect(utf16).toEqual(utf8);
  });
});
