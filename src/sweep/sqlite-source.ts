/**
 * Loads a population from the SQLite store, whole or as an extension of an earlier load.
 *
 * Speed comes from crossing from SQLite into JavaScript once per chunk, not once per row:
 * better-sqlite3 costs about a microsecond per row returned, so each statement returns one
 * blob, the `group_concat` of the `packed` records of 65,536 consecutive rowids, decoded in
 * place (packed-reader.ts). Fact rows are appended in rowid order, which is the order they
 * were recorded in (the store never deletes a row, so rowids only grow): an extension reads
 * only the rowids above the last one it read. Everything is read in one read transaction,
 * so the columns match exactly the store's state at the seq they are marked with.
 */
import { availableParallelism, loadavg } from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import type { ProgramFact } from '../domain/facts.js';
import { extendColumns, groupRows, retractRows, type RowRetraction } from '../domain/sweep/assemble.js';
import { CodeTable } from '../domain/sweep/code-table.js';
import { findIdString, idTableFromRanges, mergeIdTables, type IdTable } from '../domain/sweep/id-table.js';
import { programFactFromRow } from '../store/fact-codec.js';
import type { LoadProgress, LoadResult, Population, StoreMark } from './population.js';
import { READ_MMAP_BYTES } from './sqlite-fact-reader.js';
import { readFactsInParallel, startFactReaders, type FactReaderThread } from './sqlite-parallel.js';
import { parseNumberList, sameStore, storeIdentity } from './store-marks.js';

type EventRow = [at: number, kind: string, subject: string, details: string];

type Db = BetterSqlite3.Database;

/** People per statement when reading ids. */
const PEOPLE_CHUNK = 500_000;

function readMark(db: Db): Omit<StoreMark, 'factCursor' | 'peopleCursor'> {
  const first = db.prepare('select at, kind, subject_id, details from events order by seq limit 1').raw().get() as EventRow | undefined;
  const last = db.prepare('select seq, at from events order by seq desc limit 1').raw().get() as [number, number] | undefined;
  return {
    dialect: 'sqlite',
    identity: first === undefined ? '' : storeIdentity(...first),
    lastSeq: last?.[0] ?? 0,
    lastEventAt: last?.[1] ?? 0,
  };
}

function readProgram(db: Db): ProgramFact[] {
  const rows = db
    .prepare('select f.body, r.retracted_at from program_facts f left join fact_retractions r on r.fact_id = f.id order by f.seq, f.ord')
    .raw()
    .all() as [string, number | null][];
  return rows.map(([body, retractedAt]) => programFactFromRow(body, retractedAt));
}

/** Ids in byte order, from blobs of ids separated by a 0 byte (one blob per chunk). */
function idsFromBlobs(blobs: readonly { bytes: Buffer; count: number }[]): IdTable {
  const count = blobs.reduce((n, b) => n + b.count, 0);
  const bytes = new Uint8Array(blobs.reduce((n, b) => n + b.bytes.length, 0));
  const offsets = new Int32Array(count + 1);
  let at = 0;
  let k = 0;
  for (const blob of blobs) {
    if (blob.count === 0) continue;
    let seen = 1;
    offsets[k++] = at;
    const source = blob.bytes;
    for (let i = 0; i < source.length; i++) {
      const byte = source[i]!;
      if (byte === 0) {
        seen++;
        offsets[k++] = at;
      } else bytes[at++] = byte;
    }
    if (seen !== blob.count) throw new Error('A person id holds a NUL character, which the sweep loader cannot read');
  }
  offsets[count] = at;
  return idTableFromRanges(bytes.subarray(0, at), offsets);
}

/** Every person id in byte order (the people table's `id` order). */
function readAllIds(db: Db): IdTable {
  const statement = db
    .prepare(
      `select cast(group_concat(id, char(0)) as blob), count(*), max(id)
       from (select id from people where id > ? order by id limit ${PEOPLE_CHUNK})`,
    )
    .raw();
  const blobs: { bytes: Buffer; count: number }[] = [];
  let after = '';
  for (;;) {
    const [bytes, count, last] = statement.get(after) as [Buffer | null, number, string | null];
    if (bytes === null || last === null || count === 0) break;
    blobs.push({ bytes, count });
    if (count < PEOPLE_CHUNK) break;
    after = last;
  }
  return idsFromBlobs(blobs);
}

/** Ids of people added after a rowid, in byte order. */
function readIdsAfter(db: Db, rowid: number): IdTable {
  const [bytes, count] = db
    .prepare('select cast(group_concat(id, char(0)) as blob), count(*) from (select id from people where rowid > ? order by id)')
    .raw()
    .get(rowid) as [Buffer | null, number];
  return idsFromBlobs(bytes === null ? [] : [{ bytes, count }]);
}

/** Retractions of facts with rowids above `after`: rowid and instant of each. */
function retractionsByRowid(db: Db, after: number): { rowids: number[]; at: number[] } {
  const [rowids, at] = db
    .prepare(
      `select group_concat(f.rowid), group_concat(r.retracted_at)
       from fact_retractions r cross join person_facts f on f.id = r.fact_id where f.rowid > ?`,
    )
    .raw()
    .get(after) as [string | null, string | null];
  return { rowids: parseNumberList(rowids), at: parseNumberList(at) };
}

/**
 * Retractions as (person id, position among the person's facts, instant), of facts with
 * rowids in `(above, upTo]` retracted by events after `afterSeq`. Meant for few rows (an
 * index count each): retractions of facts read earlier, or any when rowids have gaps.
 */
function retractionsByPosition(
  db: Db,
  where: { afterSeq: number; above: number; upTo: number },
): { personId: string; ordinal: number; at: number }[] {
  const rows = db
    .prepare(
      `select f.person_id,
              (select count(*) from person_facts g where g.person_id = f.person_id and g.rowid < f.rowid),
              r.retracted_at
       from fact_retractions r cross join person_facts f on f.id = r.fact_id
       where r.seq > ? and f.rowid > ? and f.rowid <= ?`,
    )
    .raw()
    .all(where.afterSeq, where.above, where.upTo) as [string, number, number][];
  return rows.map(([personId, ordinal, at]) => ({ personId, ordinal, at }));
}

const positions = (ids: IdTable, list: readonly { personId: string; ordinal: number; at: number }[]): RowRetraction[] =>
  list.map(({ personId, ordinal, at }) => {
    const person = findIdString(ids, personId);
    if (person < 0) throw new Error(`A retraction names person ${personId}, who is not in the people table`);
    return { person, ordinal, retractedAt: at };
  });

const maxRowid = (db: Db, table: 'people' | 'person_facts'): number =>
  (db.prepare(`select coalesce(max(rowid), 0) from ${table}`).pluck().get() as number);

/** Fewer facts than this are read on one thread: starting another costs more than it saves. */
const PARALLEL_FROM = 1_000_000;

export interface SqliteLoadOptions {
  /** Threads reading facts; by default two for a million facts or more when a core is free. */
  readonly threads?: number | undefined;
}

interface Reading {
  readonly db: Db;
  /** For helper threads, which open their own connections. */
  readonly dbPath: string;
  readonly mark: Omit<StoreMark, 'factCursor' | 'peopleCursor'>;
  readonly threads: number | undefined;
  readonly progress: LoadProgress | undefined;
}

/**
 * Two threads for a large load when a core is free (measured on two cores: 1.8 s instead of
 * 2.4 s for six million facts on an idle machine, but slower when other work already keeps
 * both cores busy, as the helper's start-up then competes with the reading).
 */
function threadsFor(reading: Reading, facts: number): number {
  if (reading.threads !== undefined) return reading.threads;
  const cores = availableParallelism();
  const [load = 0] = loadavg();
  return facts >= PARALLEL_FROM && cores > 1 && load <= cores - 1 ? 2 : 1;
}

/** Reads with helper threads when there are enough facts, always stopping them afterwards. */
async function withReaders<T>(reading: Reading, facts: number, work: (helpers: readonly FactReaderThread[]) => Promise<T>): Promise<T> {
  const helpers = startFactReaders(reading.dbPath, threadsFor(reading, facts));
  try {
    return await work(helpers);
  } finally {
    await Promise.all(helpers.map((h) => h.stop()));
  }
}

async function loadAll(reading: Reading): Promise<LoadResult> {
  const { db, progress } = reading;
  const lastFact = maxRowid(db, 'person_facts');
  return withReaders(reading, lastFact, async (helpers) => {
    progress?.('people', 0, 0);
    const ids = readAllIds(db);
    progress?.('people', ids.count, ids.count);
    const codes = new CodeTable();
    const { rows, contiguous, threads } = await readFactsInParallel(db, { after: 0, last: lastFact }, ids, codes, helpers, (done, total) =>
      progress?.('facts', done, total),
    );
    if (contiguous) {
      const { rowids, at } = retractionsByRowid(db, 0);
      rowids.forEach((rowid, k) => (rows.retractedAt[rowid - 1] = at[k]!));
    }
    const columns = groupRows(ids, rows, codes);
    if (!contiguous) retractRows(columns, positions(ids, retractionsByPosition(db, { afterSeq: 0, above: 0, upTo: lastFact })));
    const population: Population = {
      columns,
      program: readProgram(db),
      mark: { ...reading.mark, factCursor: lastFact, peopleCursor: maxRowid(db, 'people') },
    };
    return { population, kind: 'full', factsRead: rows.length, threads };
  });
}

async function extend(reading: Reading, previous: Population): Promise<LoadResult> {
  const { db, progress } = reading;
  const lastFact = maxRowid(db, 'person_facts');
  const after = previous.mark.factCursor;
  return withReaders(reading, lastFact - after, async (helpers) => {
    const old = previous.columns;
    const { ids, fromA: fromOld } = mergeIdTables(old.ids, readIdsAfter(db, previous.mark.peopleCursor));
    const codes = CodeTable.of(old.codes);
    const { rows, contiguous, threads } = await readFactsInParallel(db, { after, last: lastFact }, ids, codes, helpers, (done, total) =>
      progress?.('facts', done, total),
    );
    if (contiguous) {
      const { rowids, at } = retractionsByRowid(db, after);
      rowids.forEach((rowid, k) => (rows.retractedAt[rowid - after - 1] = at[k]!));
    }
    // Facts read before may have been retracted since: found by position, as they may be anywhere.
    const late = positions(old.ids, retractionsByPosition(db, { afterSeq: previous.mark.lastSeq, above: 0, upTo: after }));
    const columns = extendColumns(old, ids, fromOld, rows, codes, late);
    // A person's new rows follow their old ones in rowid order, so positions count both.
    if (!contiguous) retractRows(columns, positions(ids, retractionsByPosition(db, { afterSeq: 0, above: after, upTo: lastFact })));
    const population: Population = {
      columns,
      program: readProgram(db),
      mark: { ...reading.mark, factCursor: lastFact, peopleCursor: maxRowid(db, 'people') },
    };
    return { population, kind: 'extended', factsRead: rows.length, threads };
  });
}

/**
 * The population of the SQLite store at `dbPath`: `previous` as it is when the store has
 * not changed since, extended when it has only grown, read whole otherwise.
 */
export async function loadFromSqlite(
  dbPath: string,
  previous: Population | undefined,
  progress?: LoadProgress,
  options: SqliteLoadOptions = {},
): Promise<LoadResult> {
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`mmap_size = ${READ_MMAP_BYTES}`);
    db.exec('begin');
    try {
      const mark = readMark(db);
      const reading: Reading = { db, dbPath, mark, threads: options.threads, progress };
      if (previous !== undefined && sameStore(previous.mark, mark)) {
        if (previous.mark.lastSeq === mark.lastSeq) return { population: previous, kind: 'unchanged', factsRead: 0, threads: 0 };
        const [at] = (db.prepare('select at from events where seq = ?').raw().get(previous.mark.lastSeq) as [number] | undefined) ?? [];
        if (at === previous.mark.lastEventAt) return await extend(reading, previous);
      }
      return await loadAll(reading);
    } finally {
      db.exec('commit');
    }
  } finally {
    db.close();
  }
}
