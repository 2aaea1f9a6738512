/**
 * Reading a range of fact rowids into fact rows: the part of a SQLite load that
 * costs (SQLite walks every row), shared by the loading thread and its helper threads.
 *
 * Each statement returns one blob, the `group_concat` of the `packed` records of 65,536
 * consecutive rowids: better-sqlite3 costs about a microsecond per row returned, so rows
 * must not cross into JavaScript one by one.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { CodeTable } from '../domain/sweep/code-table.js';
import type { RowBuffer } from '../domain/sweep/row-buffer.js';
import { FACT_PACKS_TABLE } from '../store/migrations/0006-fact-packs.js';
import { readPackedRecords, type PersonResolver } from './packed-reader.js';

/** Rowids per statement: a blob of about 2.5 MB, large enough that per-statement costs vanish. */
const FACT_CHUNK = 65_536;

/** Memory-mapped reads spare a copy per page; reads only, so no risk to the file. */
export const READ_MMAP_BYTES = 0;

/**
 * Where a load reads the packed records: from the narrow `person_fact_packs` (migration 0006)
 * when it ends where the fact rows end, as the writers keep it; else from `person_facts`
 * itself (a store not yet migrated, which the loader opens read-only, or rows added by other
 * tools).
 */
export function factSource(db: BetterSqlite3.Database): typeof FACT_PACKS_TABLE | 'person_facts' {
  const narrow =
    db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").pluck().get(FACT_PACKS_TABLE) !== undefined &&
    db.prepare(`select coalesce(max(fact), 0) from ${FACT_PACKS_TABLE}`).pluck().get() === db.prepare('select coalesce(max(rowid), 0) from person_facts').pluck().get();
  return narrow ? FACT_PACKS_TABLE : 'person_facts';
}

const chunkQuery = (db: BetterSqlite3.Database): string =>
  factSource(db) === FACT_PACKS_TABLE
    ? `select cast(group_concat(packed, '') as blob), count(*) from ${FACT_PACKS_TABLE} where fact > ? and fact <= ?`
    : "select cast(group_concat(packed, '') as blob), count(*) from person_facts where rowid > ? and rowid <= ?";

/**
 * Reads the facts with rowids in `(after, last]` into `rows`; returns whether every rowid
 * in the range held a fact (then row `k` of this read is rowid `after + 1 + k`).
 */
export function readFactRange(
  db: BetterSqlite3.Database,
  after: number,
  last: number,
  rows: RowBuffer,
  people: PersonResolver,
  codes: CodeTable,
  progress?: (done: number) => void,
): boolean {
  const statement = db.prepare(chunkQuery(db)).raw();
  let contiguous = true;
  for (let low = after; low < last; low += FACT_CHUNK) {
    const high = Math.min(last, low + FACT_CHUNK);
    const [blob, count] = statement.get(low, high) as [Buffer | null, number];
    if (blob !== null) readPackedRecords(blob, count, rows, people, codes);
    if (count !== high - low) contiguous = false;
    progress?.(high - after);
  }
  return contiguous;
}
