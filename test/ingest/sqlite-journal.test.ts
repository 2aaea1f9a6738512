/**
 * An all-or-nothing import into a SQLite store that no other connection has open writes with a
 * rollback journal, and puts the store back in WAL mode when it ends (ingest/sqlite-writer.ts
 * says why); with another connection open it stays in WAL mode. Either way the store ends
 * with the same content, and a refused file leaves it as it was. A process that opens the
 * store meanwhile is told, in words, that the store is busy.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, seedReference } from '../../src/cli/reference-seed.js';
import { importFile, type ImportSummary } from '../../src/ingest/import-file.js';
import { storeChecksum } from '../../src/store/checksum.js';
import { openStore } from '../../src/store/open-store.js';
import { openSqlite } from '../../src/store/sqlite/dialect.js';
import { STORE_BUSY } from '../../src/store/store-busy.js';
import { verifyStore } from '../../src/store/verify.js';
import { AFTER_THE_FILE, writeImportCsv } from '../factories/import-file.js';

const dir = mkdtempSync(join(tmpdir(), 'repatria-journal-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Watched {
  readonly summary: ImportSummary;
  /** The journal modes seen after each batch. */
  readonly during: ReadonlySet<unknown>;
  readonly after: unknown;
  readonly checksum: string;
}

/** Imports `file` all-or-nothing into a new store `name`; `beside`: another connection that has read the store stays open meanwhile. */
async function importWatching(
  file: string,
  name: string,
  options: { beside?: boolean; duringBatch?: (db: string) => void } = {},
): Promise<Watched> {
  const db = join(dir, name);
  const store = await openStore({ dbPath: db });
  // As the CLI does first: the file's TPS facts name these designations.
  await seedReference(store);
  const other = options.beside === true ? new BetterSqlite3(db) : undefined;
  other?.prepare('select count(*) from people').get();
  try {
    const during = new Set<unknown>();
    const native = store.native.dialect === 'sqlite' ? store.native.database : undefined;
    const summary = await importFile(store, {
      file,
      format: 'csv',
      shape: 'facts',
      allOrNothing: true,
      batchFacts: 300,
      parallel: false,
      actor: CLI_ACTOR,
      clock: () => AFTER_THE_FILE,
      onProgress: () => {
        during.add(native?.pragma('journal_mode', { simple: true }));
        options.duringBatch?.(db);
      },
    });
    const after = native?.pragma('journal_mode', { simple: true });
    const report = await verifyStore(store.kysely, 'sqlite', { deep: true });
    expect(report.findings).toEqual([]);
    return { summary, during, after, checksum: (await storeChecksum(store.kysely)).content };
  } finally {
    await store.close();
    other?.close();
  }
}

describe('an all-or-nothing SQLite import', () => {
  it('writes with a rollback journal when the store is not open elsewhere, in WAL mode when it is, and stores the same either way', async () => {
    const file = join(dir, 'people.csv');
    await writeImportCsv(file, 400, 5);
    const alone = await importWatching(file, 'alone.db');
    const beside = await importWatching(file, 'beside.db', { beside: true });
    expect(alone.summary).toMatchObject({ facts: 2_400, committed: true, rejectedRows: 0 });
    expect(beside.summary).toMatchObject({ facts: 2_400, committed: true, rejectedRows: 0 });
    expect(alone.summary.batches).toBeGreaterThan(3);
    expect([...alone.during]).toEqual(['delete']);
    expect([...beside.during]).toEqual(['wal']);
    expect(alone.after).toBe('wal');
    expect(beside.after).toBe('wal');
    expect(alone.checksum).toBe(beside.checksum);
    // The file itself is back in WAL mode, as another process opening it finds it.
    const read = new BetterSqlite3(join(dir, 'alone.db'), { readonly: true });
    expect(read.pragma('journal_mode', { simple: true })).toBe('wal');
    read.close();
  });

  it('refused, leaves the store as it was, in WAL mode', async () => {
    const file = join(dir, 'refused.csv');
    await writeImportCsv(file, 400, 6);
    // The last row is refused: everything before it was written, and must be undone.
    writeFileSync(file, 'P-last,F-last,nationality,not a time,,,,VE,,,,,,,,,\n', { flag: 'a' });
    const empty = join(dir, 'header.csv');
    writeFileSync(
      empty,
      'person_id,fact_id,type,recorded_at,retracted_at,from,through,country,kind,stay,designation,facility,served_on,counsel,group,resolution,resolved_on\n',
    );
    const before = await importWatching(empty, 'refused.db');
    const refused = await importWatching(file, 'refused.db');
    expect(refused.summary).toMatchObject({ committed: false, rejectedRows: 1 });
    expect(refused.during).toContain('delete');
    expect(refused.after).toBe('wal');
    expect(refused.checksum).toBe(before.checksum);
  });

  it('tells a process opening the store meanwhile that it is busy', async () => {
    const file = join(dir, 'busy.csv');
    await writeImportCsv(file, 100, 7);
    let refusal: unknown;
    const watched = await importWatching(file, 'busy.db', {
      duringBatch: (db) => {
        if (refusal !== undefined) return;
        try {
          const opened = openSqlite(db);
          refusal = 'opened';
          void opened.kysely.destroy();
        } catch (error) {
          refusal = error;
        }
      },
    });
    expect(watched.summary.committed).toBe(true);
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).message).toBe(`${join(dir, 'busy.db')}: ${STORE_BUSY}`);
  }, 30_000);
});
