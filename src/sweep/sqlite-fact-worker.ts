/**
 * A helper thread of the SQLite load. It starts early (while the loading thread reads the
 * people), opens its own read-only connection, then on request reads one range of fact
 * rowids into rows of buffers shared with the loading thread, and answers how many rows it
 * wrote and the codes it interned (its code numbers are its own; the loading thread maps
 * them). Facts are never changed or removed, so rowids up to the range's end, fixed by the
 * loading thread's transaction, read the same from this connection's later snapshot.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { CodeTable } from '../domain/sweep/code-table.js';
import type { IdTable } from '../domain/sweep/id-table.js';
import { RowBuffer, type RowArrays } from '../domain/sweep/row-buffer.js';
import { PersonResolver } from './packed-reader.js';
import { READ_MMAP_BYTES, readFactRange } from './sqlite-fact-reader.js';

export interface FactWorkerStart {
  readonly dbPath: string;
}

export interface FactWorkerInput {
  /** Rowids `(after, last]`. */
  readonly after: number;
  readonly last: number;
  readonly ids: IdTable;
  readonly rows: RowArrays;
  /** Index of the first row this thread writes. */
  readonly writeAt: number;
}

export interface FactWorkerOutput {
  readonly count: number;
  readonly contiguous: boolean;
  readonly codes: readonly string[];
}

const { dbPath } = workerData as FactWorkerStart;
const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
db.pragma(`mmap_size = ${READ_MMAP_BYTES}`);
parentPort?.once('message', (input: FactWorkerInput) => {
  try {
    const rows = RowBuffer.over(input.rows, input.writeAt);
    const codes = new CodeTable();
    const contiguous = readFactRange(db, input.after, input.last, rows, new PersonResolver(input.ids), codes);
    const output: FactWorkerOutput = { count: rows.length - input.writeAt, contiguous, codes: codes.codes };
    parentPort?.postMessage(output);
  } finally {
    db.close();
  }
});
