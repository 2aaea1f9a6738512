/**
 * The PostgreSQL import leaves out the per-row foreign key checks when its role may set
 * `session_replication_role`, and checks the batch's people as a set instead; any other role
 * imports with the per-row checks. Both refuse a fact whose person is not stored and store
 * the same rows, and `verify` finds an orphan fact however it got there.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CLI_ACTOR } from '../../src/cli/reference-seed.js';
import type { PersonFact } from '../../src/domain/facts.js';
import { ValueWriter, type PackedBatch } from '../../src/ingest/batch.js';
import { writePersonFactRow } from '../../src/ingest/fact-rows.js';
import { importFile } from '../../src/ingest/import-file.js';
import { PostgresBulkWriter } from '../../src/ingest/postgres-writer.js';
import { storeChecksum } from '../../src/store/checksum.js';
import { openStore, type OpenedStore } from '../../src/store/open-store.js';
import { verifyStore } from '../../src/store/verify.js';
import { inSchema, testStores } from './stores.js';

const stores = testStores('rowchecks');
const admin = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
const role = `repatria_plain_${process.pid}`;
const schema = `rowchecks_plain_${process.pid}`;
afterAll(async () => {
  await stores.close();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.query(`drop role if exists ${role}`);
  await admin.end();
});

const CLOCK = (): number => Date.UTC(2026, 0, 1);
const writerOptions = { actor: CLI_ACTOR, clock: CLOCK, single: false, rowsArePeople: false, idField: 'fact_id' };

/** A store opened as a role that is not a superuser and may not set session_replication_role. */
async function plainStore(): Promise<OpenedStore> {
  await admin.query(`create role ${role} login`);
  await admin.query(`create schema ${schema} authorization ${role}`);
  const url = new URL(inSchema(inject('databaseUrl'), schema));
  url.username = role;
  url.password = '';
  return openStore({ databaseUrl: url.toString(), dbPath: '', clock: CLOCK });
}

const nationality = (id: string): PersonFact => ({ id, type: 'nationality', country: 'VE', recordedAt: Date.UTC(2025, 0, 2) });

/** A batch whose one row names person `row` while its fact row names `named`: what a faulty writer would send. */
function mismatchedBatch(row: string, named: string): PackedBatch {
  const values = new ValueWriter();
  const fact = nationality(`${row}-1`);
  writePersonFactRow(values, named, fact);
  const people = new ValueWriter();
  people.push(row);
  return { kind: 'person', rowLine: Int32Array.of(2), rowPerson: people.finish(), factRow: Int32Array.of(0), retractedAt: Float64Array.of(NaN), values: values.finish() };
}

async function writeOne(store: OpenedStore, batch: PackedBatch): Promise<unknown> {
  const writer = await PostgresBulkWriter.open(store, writerOptions);
  try {
    await writer.write(batch);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await writer.close();
  }
}

const CSV = `person_id,fact_id,type,recorded_at,country,kind,from
P1,P1-1,nationality,2025-01-02T10:00:00Z,VE,,
P1,P1-2,final_order,2025-02-01T09:00:00Z,,removal,2025-02-01
P2,P2-1,nationality,2025-01-03T10:00:00Z,HT,,
`;

describe('PostgreSQL import: foreign key checks', () => {
  it('as a superuser, a fact naming a person not stored is refused by the set check, and nothing is stored', async () => {
    const { store } = await stores.open('postgres', CLOCK);
    try {
      const before = await storeChecksum(store.kysely);
      const error = await writeOne(store, mismatchedBatch('P1', 'GHOST'));
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe('fact rows name person "GHOST", who is not stored');
      expect(await storeChecksum(store.kysely)).toEqual(before);
      expect(await store.countPeople()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('as a role without the right, the per-row check refuses it, and the same file stores the same rows as a superuser stores', async () => {
    const plain = await plainStore();
    const { store: superuser } = await stores.open('postgres', CLOCK);
    try {
      const { rows } = await admin.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = $1', [role]);
      expect(rows[0]!.rolsuper).toBe(false);
      const refused = await writeOne(plain, mismatchedBatch('P1', 'GHOST'));
      expect((refused as { code?: string }).code).toBe('23503'); // foreign_key_violation
      expect(await plain.countPeople()).toBe(0);

      const file = join(stores.dir, 'small.csv');
      writeFileSync(file, CSV);
      const options = { file, format: 'csv', shape: 'facts', allOrNothing: false, batchFacts: 2, parallel: false, actor: CLI_ACTOR, clock: CLOCK } as const;
      for (const store of [plain, superuser]) {
        const summary = await importFile(store, options);
        expect(summary).toMatchObject({ people: 2, facts: 3, rejectedRows: 0, committed: true });
        expect((await verifyStore(store.kysely, 'postgres', { deep: true })).findings).toEqual([]);
      }
      const facts = (store: OpenedStore) =>
        store.kysely.selectFrom('person_facts').select(['id', 'person_id', 'body', 'ord']).orderBy('id').execute();
      expect(await facts(plain)).toEqual(await facts(superuser));
      expect(readFileSync(file, 'utf8')).toBe(CSV);
    } finally {
      await plain.close();
      await superuser.close();
    }
  });

  it('verify names a fact whose person is missing', async () => {
    const { store, location } = await stores.open('postgres', CLOCK);
    try {
      const client = new pg.Client({ connectionString: location.databaseUrl });
      await client.connect();
      try {
        await client.query('begin');
        await client.query('set local session_replication_role = replica');
        await client.query(
          `insert into person_facts (id, person_id, type, from_day, through_day, recorded_at, body, seq, ord, packed) values ('F1', 'NOBODY', 'nationality', null, null, 0, '{}', 1, 0, '\\x00')`,
        );
        await client.query('commit');
      } finally {
        await client.end();
      }
      const report = await verifyStore(store.kysely, 'postgres', { deep: false });
      expect(report.findings).toContain('person_facts row F1 refers to a missing people row (NOBODY)');
    } finally {
      await store.close();
    }
  });
});
