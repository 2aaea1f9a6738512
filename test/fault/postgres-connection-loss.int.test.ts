/**
 * An import into PostgreSQL whose connection the server cuts mid-import (as a restart does:
 * `pg_terminate_backend`, SQLSTATE 57P01), twice: in batch mode the writer says so, retries
 * the batch on a new connection, and ends with the store an uninterrupted import gives; in
 * all-or-nothing mode it fails with a clear message and nothing of the file is stored.
 */
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CLI_ACTOR, seedReference } from '../../src/cli/reference-seed.js';
import { importFile, type ImportOptions } from '../../src/ingest/import-file.js';
import { storeChecksum } from '../../src/store/checksum.js';
import { openStore, type OpenedStore } from '../../src/store/open-store.js';
import { verifyStore } from '../../src/store/verify.js';
import { AFTER_THE_FILE, writeImportCsv } from '../factories/import-file.js';
import { testStores } from '../ingest/stores.js';

const stores = testStores('pgloss');
const admin = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
afterAll(async () => {
  await admin.end();
  await stores.close();
});

const APP = `repatria-import-loss-${process.pid}`;

/** A PostgreSQL store whose connections carry an application name of their own, to be cut. */
async function namedStore(): Promise<OpenedStore & { readonly url: string }> {
  const { store, location } = await stores.open('postgres');
  await store.close();
  const url = new URL(location.databaseUrl!);
  url.searchParams.set('application_name', APP);
  const opened = await openStore({ databaseUrl: url.toString(), dbPath: '' });
  return Object.assign(opened, { url: url.toString() });
}

/** Cuts the import's connection: the one of ours that is not idle in the pool. */
async function cutImportConnection(): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>("select pg_terminate_backend(pid) as ok, pid from pg_stat_activity where application_name = $1 and state <> 'idle'", [APP]);
  return rows.length;
}

const options = (file: string, extra: Partial<ImportOptions>): ImportOptions => ({
  file,
  format: 'csv',
  shape: 'facts',
  allOrNothing: false,
  batchFacts: 600,
  parallel: false,
  actor: CLI_ACTOR,
  clock: () => AFTER_THE_FILE,
  ...extra,
});

describe('PostgreSQL connection lost during an import', () => {
  it('retries the batch on a new connection and loses nothing', async () => {
    const file = join(stores.dir, 'people.csv');
    await writeImportCsv(file, 2_000, 3);

    const reference = (await stores.open('postgres')).store;
    await seedReference(reference);
    await importFile(reference, options(file, {}));
    const expected = (await storeChecksum(reference.kysely)).content;
    await reference.close();

    const store = await namedStore();
    try {
      await seedReference(store);
      const notices: string[] = [];
      let batches = 0;
      let cuts = 0;
      const summary = await importFile(
        store,
        options(file, {
          onNotice: (text) => notices.push(text),
          onProgress: () => {
            batches += 1;
            if (batches === 4 || batches === 11) {
              void cutImportConnection().then((n) => (cuts += n));
            }
          },
        }),
      );
      expect(summary).toMatchObject({ people: 2_000, facts: 12_000, rejectedRows: 0, committed: true });
      expect(cuts).toBeGreaterThanOrEqual(1);
      expect(notices.join('')).toMatch(/PostgreSQL connection lost \(.*\); retrying the batch/);
      expect((await verifyStore(store.kysely, 'postgres', { deep: true })).findings).toEqual([]);
      expect((await storeChecksum(store.kysely)).content).toBe(expected);
    } finally {
      await store.close();
    }
  });

  it('all-or-nothing: fails with a clear message, and nothing is stored', async () => {
    const file = join(stores.dir, 'aon.csv');
    await writeImportCsv(file, 1_000, 4);
    const store = await namedStore();
    try {
      await seedReference(store);
      const before = await storeChecksum(store.kysely);
      let batches = 0;
      const run = importFile(
        store,
        options(file, {
          allOrNothing: true,
          onProgress: () => {
            batches += 1;
            if (batches === 3) void cutImportConnection();
          },
        }),
      );
      await expect(run).rejects.toThrow(/connection to PostgreSQL was lost; the import was all-or-nothing, so nothing of it is committed/);
      // Read back on new connections: the cut may also have hit one idle in the import's pool.
      const fresh = await openStore({ databaseUrl: store.url, dbPath: '' });
      try {
        expect(await storeChecksum(fresh.kysely)).toEqual(before);
      } finally {
        await fresh.close();
      }
    } finally {
      await store.close();
    }
  });
});
