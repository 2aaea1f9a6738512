/**
 * The FactStore contract against both real databases: SQLite (a temp file per store) and
 * PostgreSQL (a fresh schema per store in the database the global setup provides).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openStore, type OpenedStore } from '../../src/store/open-store.js';
import type { MakeStore } from './fact-store.contract.js';
import { describeFactStoreContract } from './fact-store.contract.js';
import { ACTOR, typicalPerson } from './fact-factory.js';

const tmp = mkdtempSync(join(tmpdir(), 'repatria-store-'));
const databaseUrl = inject('databaseUrl');
const admin = new pg.Pool({ connectionString: databaseUrl, max: 1 });
const schemas: string[] = [];
let opened = 0;

/** The URL with every connection's search_path set to one schema. */
function inSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

const openSqliteStore: MakeStore = (clock) => openStore({ dbPath: join(tmp, `store-${++opened}.db`), clock });

const openPostgresStore: MakeStore = async (clock) => {
  const schema = `t_${process.pid}_${++opened}`;
  await admin.query(`create schema ${schema}`);
  schemas.push(schema);
  return openStore({ databaseUrl: inSchema(databaseUrl, schema), dbPath: '', clock });
};

const DIALECTS = [
  { name: 'sqlite', makeStore: openSqliteStore },
  { name: 'postgres', makeStore: openPostgresStore },
] as const;

afterAll(async () => {
  for (const schema of schemas) await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
  rmSync(tmp, { recursive: true, force: true });
});

for (const { name, makeStore } of DIALECTS) {
  describeFactStoreContract(name, makeStore);

  describe(`opening a store (${name})`, () => {
    it('migrates on open, again without harm, and reports its dialect', async () => {
      const store = await makeStore(() => 0);
      try {
        expect(store).toMatchObject({ dialect: name });
        const opened = store as OpenedStore;
        await opened.migrate();
        await opened.addPeople([typicalPerson('A', 1)], ACTOR);
        await opened.migrate();
        expect(await opened.countPeople()).toBe(1);
      } finally {
        await store.close();
      }
    });
  });
}

describe('SQLite file', () => {
  it('keeps its data across reopening', async () => {
    const dbPath = join(tmp, 'nested', 'dir', 'reopen.db');
    const first = await openStore({ dbPath });
    await first.addPeople([typicalPerson('A', 1), typicalPerson('B', 2)], ACTOR);
    await first.close();
    const second = await openStore({ dbPath });
    try {
      expect(await second.countPeople()).toBe(2);
      expect(await second.getPerson('B')).toStrictEqual(typicalPerson('B', 2));
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(second.kysely);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
    } finally {
      await second.close();
    }
  });

  it('refuses a database URL that is not PostgreSQL', async () => {
    await expect(openStore({ databaseUrl: 'mysql://x', dbPath: join(tmp, 'x.db') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
