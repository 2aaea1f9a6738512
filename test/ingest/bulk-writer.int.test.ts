/**
 * The bulk import writes what the fact store writes, on SQLite and on PostgreSQL (COPY):
 * the same rows column by column, one event per batch with the fact store's details,
 * conflicts refused by id, nothing stored twice, and all-or-nothing leaving no trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, seedReference } from '../../src/cli/reference-seed.js';
import type { Person, PersonFact } from '../../src/domain/facts.js';
import { DEMO_KNOWN_BY, demoPeople } from '../../src/demo/population.js';
import { csvLine } from '../../src/ingest/csv-cells.js';
import { PERSON_CSV_COLUMNS, barePersonRow, personFactRow } from '../../src/ingest/csv-layout.js';
import { importFile, type ImportOptions } from '../../src/ingest/import-file.js';
import { interchangeFact } from '../../src/ingest/interchange.js';
import { canonicalJson, storeChecksum } from '../../src/store/checksum.js';
import type { OpenedStore } from '../../src/store/open-store.js';
import { verifyStore } from '../../src/store/verify.js';
import { everyPersonFact } from '../store/fact-factory.js';
import { DIALECTS, testStores } from './stores.js';

const stores = testStores('bulk');
afterAll(() => stores.close());

// After the demo's last record: an import refuses facts recorded after it began.
const CLOCK = (): number => DEMO_KNOWN_BY + 86_400_000;

function population(n: number): Person[] {
  const people: Person[] = [];
  for (const batch of demoPeople({ people: n, seed: 11 }, 500)) people.push(...batch);
  // Ids and text beyond ASCII (two- to four-byte UTF-8), which the batches carry as UTF-8 bytes.
  const wide = 'Núñez-東京-🙂';
  const custody = (f: PersonFact): PersonFact => (f.type === 'custody' ? { ...f, facility: `Centre de rétention — ${wide}` } : f);
  people.push({ id: 'EVERY', facts: everyPersonFact('EVERY') }, { id: wide, facts: everyPersonFact(wide).map(custody) }, { id: 'NOFACTS', facts: [] });
  return people;
}

function writePeopleJsonl(path: string, people: readonly Person[]): string {
  writeFileSync(path, people.map((p) => JSON.stringify({ id: p.id, facts: p.facts.map((f) => interchangeFact(f)) })).join('\n') + '\n');
  return path;
}

function writePeopleCsv(path: string, people: readonly Person[]): string {
  const rows = people.flatMap((p) => (p.facts.length === 0 ? [csvLine(barePersonRow(p.id))] : p.facts.map((f) => csvLine(personFactRow(p.id, f, true)))));
  writeFileSync(path, csvLine(PERSON_CSV_COLUMNS) + rows.join(''));
  return path;
}

const options = (file: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  file,
  format: file.endsWith('.csv') ? 'csv' : 'jsonl',
  shape: 'people',
  allOrNothing: false,
  batchFacts: 1_000,
  parallel: false,
  actor: CLI_ACTOR,
  clock: CLOCK,
  ...extra,
});

/** Every row of the fact tables and people, seq left out, bodies compared as JSON values. */
async function rowsOf(store: OpenedStore): Promise<unknown> {
  const facts = await store.kysely.selectFrom('person_facts').selectAll().orderBy('id').execute();
  const people = await store.kysely.selectFrom('people').select('id').orderBy('id').execute();
  const retractions = await store.kysely.selectFrom('fact_retractions').select(['fact_id', 'retracted_at', 'reason']).orderBy('fact_id').execute();
  return {
    people,
    retractions,
    facts: facts.map(({ seq: _seq, ord: _ord, body, packed, ...rest }) => ({
      ...rest,
      body: canonicalJson(JSON.parse(body)),
      packed: Buffer.from(packed).toString('hex'),
    })),
  };
}

/** Person facts in the order the domain reads them. */
async function readingOrder(store: OpenedStore): Promise<string[]> {
  const rows = await store.kysely.selectFrom('person_facts').select(['id', 'person_id']).orderBy('person_id').orderBy('seq').orderBy('ord').execute();
  return rows.map((r) => `${r.person_id}/${r.id}`);
}

for (const dialect of DIALECTS) {
  describe(`bulk import (${dialect})`, () => {
    const people = population(1_500);

    it('stores exactly the rows and event details that addPeople stores', async () => {
      const direct = await stores.open(dialect, CLOCK);
      const bulk = await stores.open(dialect, CLOCK);
      try {
        await seedReference(direct.store);
        await seedReference(bulk.store);
        await direct.store.addPeople(people, CLI_ACTOR);
        const file = writePeopleJsonl(join(stores.dir, `people-${dialect}.jsonl`), people);
        const summary = await importFile(bulk.store, options(file, { batchFacts: 1_000_000 }));
        expect(summary).toMatchObject({ people: people.length, unchanged: 0, rejectedRows: 0, batches: 1, committed: true });

        expect(await rowsOf(bulk.store)).toEqual(await rowsOf(direct.store));
        expect(await readingOrder(bulk.store)).toEqual(await readingOrder(direct.store));
        const events = async (s: OpenedStore): Promise<unknown[]> => (await s.events()).map(({ seq: _s, at: _a, ...rest }) => ({ ...rest, details: JSON.parse(rest.details) as unknown }));
        expect(await events(bulk.store)).toEqual(await events(direct.store));
        expect((await storeChecksum(bulk.store.kysely)).content).toBe((await storeChecksum(direct.store.kysely)).content);
      } finally {
        await direct.store.close();
        await bulk.store.close();
      }
    });

    it('writes one event per batch, gives CSV and JSON lines the same content, and verifies', async () => {
      const { store } = await stores.open(dialect, CLOCK);
      const other = await stores.open(dialect, CLOCK);
      try {
        await seedReference(store);
        await seedReference(other.store);
        const csv = writePeopleCsv(join(stores.dir, `people-${dialect}.csv`), people);
        const summary = await importFile(store, options(csv, { batchFacts: 700 }));
        const facts = people.reduce((n, p) => n + p.facts.length, 0);
        expect(summary).toMatchObject({ people: people.length, facts, rejectedRows: 0 });
        expect(summary.batches).toBeGreaterThan(5);
        const events = await store.events();
        expect(events.filter((e) => e.kind === 'person_added')).toHaveLength(summary.batches);
        expect((await verifyStore(store.kysely, dialect, { deep: true })).findings).toEqual([]);

        await importFile(other.store, options(writePeopleJsonl(join(stores.dir, `again-${dialect}.jsonl`), people)));
        expect((await storeChecksum(store.kysely)).content).toBe((await storeChecksum(other.store.kysely)).content);
      } finally {
        await store.close();
        await other.store.close();
      }
    });

    it('stores nothing twice: a second run is unchanged and writes no event', async () => {
      const { store } = await stores.open(dialect, CLOCK);
      try {
        await seedReference(store);
        const file = writePeopleCsv(join(stores.dir, `twice-${dialect}.csv`), people);
        await importFile(store, options(file));
        const before = await storeChecksum(store.kysely);
        const again = await importFile(store, options(file));
        expect(again).toMatchObject({ people: 0, facts: 0, rejectedRows: 0 });
        expect(again.unchanged).toBe(people.reduce((n, p) => n + p.facts.length, 0));
        expect(await storeChecksum(store.kysely)).toEqual(before);
      } finally {
        await store.close();
      }
    });

    it('resumes: a prefix imported first, then the whole file, ends as one straight import', async () => {
      const straight = await stores.open(dialect, CLOCK);
      const resumed = await stores.open(dialect, CLOCK);
      try {
        await seedReference(straight.store);
        await seedReference(resumed.store);
        const file = writePeopleCsv(join(stores.dir, `resume-${dialect}.csv`), people);
        const lines = readFileSync(file, 'utf8').split('\n');
        const prefix = join(stores.dir, `prefix-${dialect}.csv`);
        writeFileSync(prefix, lines.slice(0, Math.floor(lines.length / 3)).join('\n') + '\n');
        await importFile(straight.store, options(file));
        await importFile(resumed.store, options(prefix, { batchFacts: 333 }));
        await importFile(resumed.store, options(file, { batchFacts: 333 }));
        expect((await storeChecksum(resumed.store.kysely)).content).toBe((await storeChecksum(straight.store.kysely)).content);
        expect(await readingOrder(resumed.store)).toEqual(await readingOrder(straight.store));
        expect((await verifyStore(resumed.store.kysely, dialect, { deep: false })).findings).toEqual([]);
      } finally {
        await straight.store.close();
        await resumed.store.close();
      }
    });

    it('refuses rows whose ids are taken and commits the rest', async () => {
      const { store } = await stores.open(dialect, CLOCK);
      try {
        await seedReference(store);
        const stored: Person = { id: 'A', facts: [{ id: 'A-1', type: 'nationality', country: 'XA', recordedAt: 0 }] };
        await store.addPeople([stored], CLI_ACTOR);
        const programId = (await store.programFacts())[0]!.id;
        const file = join(stores.dir, `conflict-${dialect}.csv`);
        writeFileSync(
          file,
          [
            'person_id,fact_id,type,recorded_at,country',
            'B,B-1,nationality,2024-01-01T00:00:00Z,XB',
            'B,A-1,nationality,1970-01-01T00:00:00Z,XA', // A-1 is A's
            'C,C-1,nationality,2024-01-01T00:00:00Z,XC',
            'C,B-1,nationality,2024-01-01T00:00:00Z,XB', // repeats line 2's id
            `D,${programId},nationality,2024-01-01T00:00:00Z,XD`, // a programme fact's id
            'A,A-2,nationality,2024-01-01T00:00:00Z,XA',
            '',
          ].join('\n'),
        );
        const quarantine = join(stores.dir, `conflict-${dialect}.quarantine.csv`);
        const summary = await importFile(store, options(file, { shape: 'facts', quarantine }));
        expect(summary).toMatchObject({ people: 2, facts: 3, unchanged: 0, rejectedRows: 3, committed: true });
        expect(summary.firstRejections.map((r) => [r.line, r.field, r.reason])).toEqual([
          [3, 'fact_id', 'is already recorded for another person'],
          [5, 'fact_id', 'is used by another row of this file (line 2)'],
          [6, 'fact_id', 'is already recorded as a programme fact'],
        ]);

        const again = join(stores.dir, `conflict-again-${dialect}.csv`);
        writeFileSync(
          again,
          [
            'person_id,fact_id,type,recorded_at,country',
            'A,A-1,nationality,1970-01-01T00:00:00Z,XC', // other content
            'E,E-1,nationality,2024-01-01T00:00:00Z,XE',
            'A,A-2,nationality,2024-01-01T00:00:00Z,XA', // the same as stored: unchanged
            '',
          ].join('\n'),
        );
        const second = await importFile(store, options(again, { shape: 'facts', quarantine }));
        expect(second).toMatchObject({ people: 1, facts: 1, unchanged: 1, rejectedRows: 1 });
        expect(second.firstRejections.map((r) => [r.line, r.record, r.reason])).toEqual([
          [2, 'line 2, person "A", fact "A-1"', 'is already recorded with different content'],
        ]);
        expect(readFileSync(quarantine, 'utf8').split('\n')[0]).toBe('line,record,field,reason,row');
        expect((await store.getPerson('B'))?.facts.map((f) => f.id)).toEqual(['B-1']);
        expect((await verifyStore(store.kysely, dialect, { deep: true })).findings).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('all-or-nothing: a refused row in a late batch leaves the store exactly as it was', async () => {
      const { store } = await stores.open(dialect, CLOCK);
      try {
        await seedReference(store);
        const file = writePeopleCsv(join(stores.dir, `aon-${dialect}.csv`), people);
        writeFileSync(file, `${readFileSync(file, 'utf8')}LAST,LAST-1,nationality,2024-01-01T00:00:00Z,,,,ve,,,,,,,,,\n`);
        const before = await storeChecksum(store.kysely);
        const summary = await importFile(store, options(file, { allOrNothing: true, batchFacts: 500 }));
        expect(summary).toMatchObject({ committed: false, rejectedRows: 1, people: 0, facts: 0 });
        expect(summary.batches).toBeGreaterThan(3);
        expect(await storeChecksum(store.kysely)).toEqual(before);
        const { rows } = await sql<{ n: number }>`select count(*) as n from people`.execute(store.kysely);
        expect(rows[0]!.n).toBe(0);
      } finally {
        await store.close();
      }
    });
  });
}
