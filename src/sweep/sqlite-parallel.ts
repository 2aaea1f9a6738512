/**
 * Reads fact rowids `(after, last]` on several threads: SQLite walking six million rows is
 * most of a load's cost, and each thread's connection walks its own share of the rowids.
 * All threads write into one set of shared buffers, each into the rows of its range, so
 * nothing is copied afterwards unless some range had gaps in its rowids.
 *
 * A helper thread that cannot start or fails leaves its range to the loading thread.
 */
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { CodeTable } from '../domain/sweep/code-table.js';
import type { IdTable } from '../domain/sweep/id-table.js';
import { RowBuffer } from '../domain/sweep/row-buffer.js';
import { PersonResolver } from './packed-reader.js';
import { readFactRange } from './sqlite-fact-reader.js';
import type { FactWorkerInput, FactWorkerOutput, FactWorkerStart } from './sqlite-fact-worker.js';
import { workerSource } from './worker-source.js';

interface Part {
  readonly after: number;
  readonly last: number;
  /** Index of the part's first row in the shared buffers. */
  readonly writeAt: number;
}

interface PartResult {
  /** Whether a helper thread read the part (rather than this one, after a helper failed). */
  readonly helped: boolean;
  readonly count: number;
  readonly contiguous: boolean;
  /** The part's own code numbering (helper threads), or `null` when the part used `codes` directly. */
  readonly codes: readonly string[] | null;
}

/** A helper thread, started before it has work so that its start-up overlaps other reading. */
export class FactReaderThread {
  private readonly worker: Worker;
  private readonly failed: Promise<never>;

  constructor(dbPath: string) {
    const { source, evaluated } = workerSource('sqlite-fact-worker', import.meta.url);
    const start: FactWorkerStart = { dbPath };
    this.worker = new Worker(source, { eval: evaluated, workerData: start });
    this.failed = new Promise<never>((_, reject) => {
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => {
        reject(new Error(`the fact reader thread stopped (exit ${code})`));
      });
    });
    // Nobody may be waiting yet: a failure then only means the range is read here.
    this.failed.catch(() => undefined);
  }

  read(input: FactWorkerInput): Promise<FactWorkerOutput> {
    const answer = new Promise<FactWorkerOutput>((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage(input);
    return Promise.race([answer, this.failed]);
  }

  /** Stops the thread if it is still running (it stops by itself after one read). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Helper threads for a load of `facts` rows: `threads - 1` of them. */
export const startFactReaders = (dbPath: string, threads: number): FactReaderThread[] =>
  Array.from({ length: Math.max(0, threads - 1) }, () => new FactReaderThread(dbPath));

const MOVED = ['person', 'type', 'flag', 'from', 'through', 'aux', 'code', 'recordedAt', 'retractedAt'] as const;

export async function readFactsInParallel(
  db: BetterSqlite3.Database,
  range: { readonly after: number; readonly last: number },
  ids: IdTable,
  codes: CodeTable,
  helpers: readonly FactReaderThread[],
  progress?: (done: number, total: number) => void,
): Promise<{ rows: RowBuffer; contiguous: boolean; threads: number }> {
  const { after, last } = range;
  const total = last - after;
  const threads = helpers.length + 1;
  const rows = new RowBuffer(total, threads > 1 ? (bytes) => new SharedArrayBuffer(bytes) : undefined);
  const parts: Part[] = [];
  const share = Math.ceil(total / threads);
  for (let start = after; start < last || parts.length === 0; start += share) {
    parts.push({ after: start, last: Math.min(last, start + share), writeAt: start - after });
  }

  const readHere = (part: Part): PartResult => {
    const buffer = RowBuffer.over(rows.arrays(), part.writeAt);
    const report = part.writeAt === 0 ? (done: number) => progress?.(Math.min(total, done * parts.length), total) : undefined;
    const contiguous = readFactRange(db, part.after, part.last, buffer, new PersonResolver(ids), codes, report);
    return { helped: false, count: buffer.length - part.writeAt, contiguous, codes: null };
  };

  const waiting = parts.slice(1).map((part, k) =>
    helpers[k]!.read({ after: part.after, last: part.last, ids, rows: rows.arrays(), writeAt: part.writeAt }).then(
      (output): PartResult => ({ helped: true, count: output.count, contiguous: output.contiguous, codes: output.codes }),
      () => readHere(part),
    ),
  );
  const results = [readHere(parts[0]!), ...(await Promise.all(waiting))];

  let length = 0;
  let contiguous = true;
  results.forEach((result, k) => {
    const part = parts[k]!;
    if (result.codes !== null) {
      // The helper's code numbers become this load's.
      const remap = Int32Array.from(result.codes, (code) => codes.intern(code));
      for (let i = part.writeAt; i < part.writeAt + result.count; i++) rows.code[i] = remap[rows.code[i]!]!;
    }
    if (part.writeAt !== length) {
      for (const name of MOVED) rows[name].copyWithin(length, part.writeAt, part.writeAt + result.count);
    }
    length += result.count;
    contiguous &&= result.contiguous;
  });
  rows.length = length;
  return { rows, contiguous, threads: 1 + results.filter((r) => r.helped).length };
}
