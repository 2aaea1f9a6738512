/**
 * Loads a population from the PostgreSQL store, whole or as an extension of an earlier load.
 *
 * Rows stream through `COPY … TO STDOUT (FORMAT binary)`: the `packed` bytea arrives as raw
 * bytes and is decoded in place (packed-reader.ts), with no text conversion on either side.
 * Facts are read in person order, each person's in recording order (`seq`, `ord`), with
 * their retraction joined in. Everything is read in one repeatable-read transaction, so the
 * columns match exactly the store's state at the seq they are marked with.
 */
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { ProgramFact } from '../domain/facts.js';
import { extendColumns, groupRows, type RowRetraction } from '../domain/sweep/assemble.js';
import { CodeTable } from '../domain/sweep/code-table.js';
import { findIdString, idTableFromRanges, mergeIdTables, type IdTable } from '../domain/sweep/id-table.js';
import { RowBuffer } from '../domain/sweep/row-buffer.js';
import { programFactFromRow } from '../store/fact-codec.js';
import { BinaryCopyReader, int8Field, type CopyRow } from './copy-binary.js';
import { PersonResolver, readPackedRecord } from './packed-reader.js';
import type { LoadProgress, LoadResult, Population, StoreMark } from './population.js';
import { sameStore, storeIdentity } from './store-marks.js';

type Mark = Omit<StoreMark, 'factCursor' | 'peopleCursor'>;

/** Runs a COPY TO STDOUT in binary format, handing each row to `onRow`. */
async function copyRows(client: pg.Client, select: string, fields: number, onRow: (row: CopyRow) => void): Promise<void> {
  const reader = new BinaryCopyReader(fields, onRow);
  const stream = client.query(copyTo(`copy (${select}) to stdout (format binary)`));
  for await (const chunk of stream) reader.push(chunk as Buffer);
  reader.end();
}

const count = async (client: pg.Client, sql: string): Promise<number> =>
  Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);

async function readMark(client: pg.Client): Promise<Mark> {
  const first = (
    await client.query<{ at: string; kind: string; subject_id: string; details: string }>('select at, kind, subject_id, details from events order by seq limit 1')
  ).rows[0];
  const last = (await client.query<{ seq: string; at: string }>('select seq, at from events order by seq desc limit 1')).rows[0];
  return {
    dialect: 'postgres',
    identity: first === undefined ? '' : storeIdentity(Number(first.at), first.kind, first.subject_id, first.details),
    lastSeq: Number(last?.seq ?? 0),
    lastEventAt: Number(last?.at ?? 0),
  };
}

async function readProgram(client: pg.Client): Promise<ProgramFact[]> {
  const { rows } = await client.query<{ body: string; retracted_at: string | null }>(
    'select f.body, r.retracted_at from program_facts f left join fact_retractions r on r.fact_id = f.id order by f.seq, f.ord',
  );
  return rows.map((r) => programFactFromRow(r.body, r.retracted_at === null ? null : Number(r.retracted_at)));
}

/** Ids selected by `select id … order by id`, packed. */
async function readIds(client: pg.Client, select: string): Promise<IdTable> {
  let bytes = new Uint8Array(1 << 16);
  let offsets = new Int32Array(1 << 12);
  let n = 0;
  let at = 0;
  await copyRows(client, select, 1, (row) => {
    const length = row.lengths[0]!;
    if (at + length > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, at + length));
      grown.set(bytes.subarray(0, at));
      bytes = grown;
    }
    if (n + 2 > offsets.length) {
      const grown = new Int32Array(offsets.length * 2);
      grown.set(offsets);
      offsets = grown;
    }
    bytes.set(row.bytes.subarray(row.starts[0], row.starts[0]! + length), at);
    offsets[n++] = at;
    at += length;
  });
  offsets[n] = at;
  return idTableFromRanges(bytes.slice(0, at), offsets.slice(0, n + 1));
}

/** Reads `select packed, retracted_at …` rows into `rows`. */
async function readFacts(
  client: pg.Client,
  select: string,
  total: number,
  rows: RowBuffer,
  people: PersonResolver,
  codes: CodeTable,
  progress: LoadProgress | undefined,
): Promise<void> {
  let lastBytes: Buffer | undefined;
  let view: DataView | undefined;
  const every = Math.max(1, 1 << 18);
  await copyRows(client, select, 2, (row) => {
    if (row.bytes !== lastBytes) {
      lastBytes = row.bytes;
      view = new DataView(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
    }
    const start = row.starts[0]!;
    const retractedAt = int8Field(row, 1) ?? Number.POSITIVE_INFINITY;
    readPackedRecord(row.bytes, view!, start, start + row.lengths[0]!, rows, people, codes, retractedAt);
    if (rows.length % every === 0) progress?.('facts', rows.length, total);
  });
  progress?.('facts', rows.length, total);
}

const FACTS = `select f.packed, r.retracted_at from person_facts f left join fact_retractions r on r.fact_id = f.id`;

async function loadAll(client: pg.Client, mark: Mark, progress?: LoadProgress): Promise<LoadResult> {
  progress?.('people', 0, 0);
  const ids = await readIds(client, 'select id from people order by id');
  const total = await count(client, 'select count(*) as n from person_facts');
  const rows = new RowBuffer(total);
  const codes = new CodeTable();
  await readFacts(client, `${FACTS} order by f.person_id, f.seq, f.ord`, total, rows, new PersonResolver(ids), codes, progress);
  const population: Population = {
    columns: groupRows(ids, rows, codes),
    program: await readProgram(client),
    mark: { ...mark, factCursor: 0, peopleCursor: 0 },
  };
  return { population, kind: 'full', factsRead: rows.length, threads: 1 };
}

async function extend(client: pg.Client, previous: Population, mark: Mark, progress?: LoadProgress): Promise<LoadResult> {
  const since = previous.mark.lastSeq;
  if (!Number.isSafeInteger(since)) throw new RangeError('The snapshot mark is not a sequence number');
  const old = previous.columns;
  const added = await readIds(client, `select id from people where added_seq > ${since} order by id`);
  const { ids, fromA: fromOld } = mergeIdTables(old.ids, added);
  const total = await count(client, `select count(*) as n from person_facts where seq > ${since}`);
  const rows = new RowBuffer(total);
  const codes = CodeTable.of(old.codes);
  await readFacts(client, `${FACTS} where f.seq > ${since} order by f.person_id, f.seq, f.ord`, total, rows, new PersonResolver(ids), codes, progress);
  // Facts read before may have been retracted since: found by their position among the person's facts.
  const { rows: late } = await client.query<{ person_id: string; ordinal: string; retracted_at: string }>(
    `select f.person_id,
            (select count(*) from person_facts g where g.person_id = f.person_id and (g.seq, g.ord) < (f.seq, f.ord)) as ordinal,
            r.retracted_at
     from fact_retractions r join person_facts f on f.id = r.fact_id
     where r.seq > $1 and f.seq <= $1`,
    [since],
  );
  const retractions: RowRetraction[] = late.map((r) => {
    const person = findIdString(old.ids, r.person_id);
    if (person < 0) throw new Error(`A retraction names person ${r.person_id}, who was not loaded before`);
    return { person, ordinal: Number(r.ordinal), retractedAt: Number(r.retracted_at) };
  });
  const population: Population = {
    columns: extendColumns(old, ids, fromOld, rows, codes, retractions),
    program: await readProgram(client),
    mark: { ...mark, factCursor: 0, peopleCursor: 0 },
  };
  return { population, kind: 'extended', factsRead: rows.length, threads: 1 };
}

/**
 * The population of the PostgreSQL store at `url`: `previous` as it is when the store has
 * not changed since, extended when it has only grown, read whole otherwise.
 */
export async function loadFromPostgres(url: string, previous: Population | undefined, progress?: LoadProgress): Promise<LoadResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    try {
      const mark = await readMark(client);
      if (previous !== undefined && sameStore(previous.mark, mark)) {
        if (previous.mark.lastSeq === mark.lastSeq) return { population: previous, kind: 'unchanged', factsRead: 0, threads: 0 };
        const { rows } = await client.query<{ at: string }>('select at from events where seq = $1', [previous.mark.lastSeq]);
        if (rows[0] !== undefined && Number(rows[0].at) === previous.mark.lastEventAt) return await extend(client, previous, mark, progress);
      }
      return await loadAll(client, mark, progress);
    } finally {
      await client.query('commit');
    }
  } finally {
    await client.end();
  }
}
