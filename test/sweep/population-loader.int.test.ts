/**
 * Loading a population from a real store (SQLite, and the PostgreSQL of the global setup):
 * a full load gives exactly the columns of the store's people as the port returns them;
 * the snapshot is reused as it is while the store does not change, and extended with only
 * what was recorded since (new people, new facts of old people, retractions of old and new
 * facts, new programme facts) to exactly what a full load gives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Person, PersonFact, ProgramFact } from '../../src/domain/facts.js';
import { columnsFromPeople } from '../../src/domain/sweep/assemble.js';
import type { PersonColumns } from '../../src/domain/sweep/columns.js';
import { demoPeople, demoProgram } from '../../src/demo/population.js';
import { builtinProgram } from '../../src/reference/builtin-program.js';
import { openStore, type OpenedStore } from '../../src/store/open-store.js';
import { verifyStore } from '../../src/store/verify.js';
import { loadPopulation, type PopulationSource } from '../../src/sweep/load-population.js';
import { factSource } from '../../src/sweep/sqlite-fact-reader.js';
import { loadFromSqlite } from '../../src/sweep/sqlite-source.js';
import { ACTOR, at, d } from '../store/fact-factory.js';
import { asBeforeMigration } from '../helpers/older-store.js';

const tmp = mkdtempSync(join(tmpdir(), 'repatria-sweep-'));
const databaseUrl = inject('databaseUrl');
const admin = new pg.Pool({ connectionString: databaseUrl, max: 1 });
let opened = 0;

afterAll(async () => {
  await admin.end();
  rmSync(tmp, { recursive: true, force: true });
});

interface Dialect {
  readonly name: string;
  /** A fresh store, and where the loader finds it. */
  open(): Promise<{ store: OpenedStore; source: Omit<PopulationSource, 'snapshotPath'> }>;
}

const DIALECTS: readonly Dialect[] = [
  {
    name: 'sqlite',
    open: async () => {
      const dbPath = join(tmp, `store-${++opened}.db`);
      return { store: await openStore({ dbPath }), source: { dbPath } };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const schema = `sweep_${process.pid}_${++opened}`;
      await admin.query(`create schema ${schema}`);
      const url = new URL(databaseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return { store: await openStore({ databaseUrl: url.toString(), dbPath: '' }), source: { dbPath: '', databaseUrl: url.toString() } };
    },
  },
];

const PROGRAM: ProgramFact[] = [...builtinProgram(), ...demoProgram()];

/** What the loader must give: the store's people as the port reads them, in columns. */
async function expected(store: OpenedStore): Promise<{ columns: PersonColumns; program: ProgramFact[] }> {
  const people: Person[] = [];
  for await (const page of store.people(500)) people.push(...page);
  return { columns: columnsFromPeople(people), program: await store.programFacts() };
}

const demo = (count: number, seed: number): Person[] => [...demoPeople({ people: count, seed })].flat();

for (const dialect of DIALECTS) {
  describe(`population loader (${dialect.name})`, () => {
    it('loads every fact, reuses the snapshot while nothing changes, and extends it with what was recorded since', async () => {
      const { store, source } = await dialect.open();
      const snapshotPath = join(tmp, `snapshot-${++opened}.sweep`);
      try {
        const people = demo(1_200, 3);
        await store.recordProgramFacts(PROGRAM, ACTOR);
        await store.addPeople(people.slice(0, 800), ACTOR);
        const loaded = people.slice(0, 800).flatMap((p) => p.facts).find((f) => f.retractedAt === undefined && f.type === 'final_order')!;

        const first = await loadPopulation({ ...source, snapshotPath });
        expect(first).toMatchObject({ kind: 'full', fromSnapshot: false, snapshotWritten: true });
        expect(first.population.columns).toEqual((await expected(store)).columns);
        expect(first.population.program).toEqual((await expected(store)).program);

        const again = await loadPopulation({ ...source, snapshotPath });
        expect(again).toMatchObject({ kind: 'unchanged', fromSnapshot: true, snapshotWritten: false, factsRead: 0 });
        expect(again.population.columns).toEqual(first.population.columns);

        // Growth of every kind: people after and between the old ids, facts of an old person,
        // retractions of a fact loaded before and of a new one, a new programme fact.
        await store.addPeople(people.slice(800), ACTOR);
        const between: Person = {
          id: 'P0000005-b',
          facts: [
            { id: 'between-1', type: 'nationality', country: 'VE', recordedAt: at('2025-03-01T10:00:00Z') },
            { id: 'between-2', type: 'final_order', kind: 'removal', from: d('2025-02-01'), through: null, recordedAt: at('2025-03-01T10:00:00Z') },
          ],
        };
        await store.addPeople([between], ACTOR);
        const later: PersonFact = { id: 'late-stay', type: 'stay', from: d('2025-06-01'), through: d('2025-07-31'), recordedAt: at('2025-06-02T09:00:00Z') };
        await store.recordPersonFacts(people[3]!.id, [later], ACTOR);
        await store.retract({ factId: loaded.id, retractedAt: loaded.recordedAt + 86_400_000, reason: 'entered in error' }, ACTOR);
        await store.retract({ factId: 'between-2', retractedAt: at('2025-03-02T10:00:00Z'), reason: 'entered in error' }, ACTOR);
        await store.recordProgramFacts(
          [{ id: 'agreement/IR/2025-09-01', type: 'return_agreement', country: 'IR', from: d('2025-09-01'), through: null, requiresTravelDocument: true, transport: 'receiving', recordedAt: at('2025-09-01T12:00:00Z') }],
          ACTOR,
        );

        const grown = await loadPopulation({ ...source, snapshotPath });
        const want = await expected(store);
        expect(grown).toMatchObject({ kind: 'extended', fromSnapshot: true, snapshotWritten: true });
        expect(grown.factsRead).toBe(people.slice(800).reduce((n, p) => n + p.facts.length, 0) + between.facts.length + 1);
        expect(grown.population.columns).toEqual(want.columns);
        expect(grown.population.program).toEqual(want.program);

        const fresh = await loadPopulation({ ...source, snapshotPath: null });
        expect(fresh.kind).toBe('full');
        expect(fresh.population.columns).toEqual(grown.population.columns);

        const reread = await loadPopulation({ ...source, snapshotPath });
        expect(reread.kind).toBe('unchanged');
        expect(reread.population.columns).toEqual(want.columns);
      } finally {
        await store.close();
      }
    });
  });
}

/** Where a load of the SQLite store at `dbPath` reads the packed records from. */
function sourceOf(dbPath: string): string {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    return factSource(db);
  } finally {
    db.close();
  }
}

describe('population loader (sqlite specifics)', () => {
  it('reads on two threads exactly what it reads on one', async () => {
    const { store, source } = await DIALECTS[0]!.open();
    try {
      await store.recordProgramFacts(PROGRAM, ACTOR);
      await store.addPeople(demo(3_000, 5), ACTOR);
      const one = await loadFromSqlite(source.dbPath, undefined, undefined, { threads: 1 });
      const two = await loadFromSqlite(source.dbPath, undefined, undefined, { threads: 2 });
      expect(two.threads).toBe(2);
      expect(two.population.columns).toEqual(one.population.columns);
      expect(one.population.columns).toEqual((await expected(store)).columns);
    } finally {
      await store.close();
    }
  });

  it('reads rowids with gaps, and their retractions, by position', async () => {
    const { store, source } = await DIALECTS[0]!.open();
    const people = demo(300, 9);
    await store.recordProgramFacts(PROGRAM, ACTOR);
    await store.addPeople(people, ACTOR);
    const snapshotPath = join(tmp, `snapshot-${++opened}.sweep`);
    await loadPopulation({ ...source, snapshotPath });
    await store.close();
    // The store never leaves a gap; a database restored by other tools might.
    const raw = new BetterSqlite3(source.dbPath);
    raw.exec(`insert into person_facts (rowid, id, person_id, type, from_day, through_day, recorded_at, body, seq, ord, packed)
              select rowid + 10, id || '-copy', person_id, type, from_day, through_day, recorded_at,
                     json_set(body, '$.id', json_extract(body, '$.id') || '-copy'), seq, ord + 1000, packed
              from person_facts where rowid = (select max(rowid) from person_facts)`);
    raw.exec(`insert into fact_retractions (fact_id, retracted_at, reason, seq)
              select id, recorded_at + 1, 'test', (select max(seq) from events) from person_facts where id like '%-copy'`);
    raw.exec(`insert into events (at, actor, role, kind, subject_type, subject_id, details) values (1, 'test', 'test', 'fact_recorded', 'fact', 'x', '{}')`);
    raw.close();
    // The narrow table does not hold the row added by hand: the load reads person_facts.
    expect(sourceOf(source.dbPath)).toBe('person_facts');
    const reopened = await openStore({ dbPath: source.dbPath });
    try {
      const want = (await expected(reopened)).columns;
      const extended = await loadPopulation({ ...source, snapshotPath });
      expect(extended.kind).toBe('extended');
      expect(extended.population.columns).toEqual(want);
      const full = await loadPopulation({ ...source, snapshotPath: null });
      expect(full.population.columns).toEqual(want);
    } finally {
      await reopened.close();
    }
  });

  it('keeps the narrow table of packed records equal to person_facts, and fills it for a store made before it', async () => {
    const { store, source } = await DIALECTS[0]!.open();
    await store.recordProgramFacts(PROGRAM, ACTOR);
    await store.addPeople(demo(200, 3), ACTOR);
    await store.close();
    // The store as it was before migration 0006 (so without the later ones too), with facts
    // recorded after that point.
    const raw = new BetterSqlite3(source.dbPath);
    asBeforeMigration(raw, '0006-fact-packs');
    raw.exec(`insert into person_facts (id, person_id, type, from_day, through_day, recorded_at, body, seq, ord, packed)
              select id || '-late', person_id, type, from_day, through_day, recorded_at,
                     json_set(body, '$.id', json_extract(body, '$.id') || '-late'), seq, ord + 1000, packed
              from person_facts where rowid % 7 = 0`);
    const before = raw.prepare('select count(*) from person_facts').pluck().get() as number;
    raw.close();
    const reopened = await openStore({ dbPath: source.dbPath });
    try {
      await reopened.addPeople(
        demo(50, 5).map((p) => ({ ...p, id: `${p.id}-new`, facts: p.facts.map((f) => ({ ...f, id: `${f.id}-new` })) })),
        ACTOR,
      );
      const check = new BetterSqlite3(source.dbPath, { readonly: true });
      const facts = check.prepare('select rowid, packed from person_facts order by rowid').raw().all();
      const packs = check.prepare('select fact, packed from person_fact_packs order by fact').raw().all();
      check.close();
      expect(facts.length).toBeGreaterThan(before);
      expect(packs).toEqual(facts);
      expect(sourceOf(source.dbPath)).toBe('person_fact_packs');
      expect((await loadPopulation({ ...source, snapshotPath: null })).population.columns).toEqual((await expected(reopened)).columns);
      // (The copies made above by hand carry no event of their own: verify's other finding.)
      const packFindings = async (): Promise<string[]> =>
        (await verifyStore(reopened.kysely, 'sqlite', { deep: false, auditChain: false })).findings.filter((f) => f.startsWith('person_fact_packs'));
      expect(await packFindings()).toEqual([]);
      // A copy lost or changed by other tools is a finding of `repatria verify`.
      const broken = new BetterSqlite3(source.dbPath);
      broken.exec('delete from person_fact_packs where fact = 5');
      broken.exec("update person_fact_packs set packed = x'00' where fact = 6");
      broken.close();
      expect(await packFindings()).toEqual([
        'person_fact_packs disagrees with person_facts: 1 facts have no packed copy, 1 copies differ, 0 copies have no fact',
      ]);
    } finally {
      await reopened.close();
    }
  });

  it('reads a new store at the same path afresh', async () => {
    const { store, source } = await DIALECTS[0]!.open();
    const snapshotPath = join(tmp, `snapshot-${++opened}.sweep`);
    await store.addPeople(demo(50, 1), ACTOR);
    await store.close();
    await loadPopulation({ ...source, snapshotPath });
    for (const suffix of ['', '-wal', '-shm']) rmSync(source.dbPath + suffix, { force: true });
    const replaced = await openStore({ dbPath: source.dbPath });
    try {
      await replaced.addPeople(demo(70, 2), ACTOR);
      const loaded = await loadPopulation({ ...source, snapshotPath });
      expect(loaded.kind).toBe('full');
      expect(loaded.population.columns).toEqual((await expected(replaced)).columns);
    } finally {
      await replaced.close();
    }
  });
});
