/**
 * The quarantine file: every refused row, one line per problem, as CSV
 * (`line,record,field,reason,row`), written as the import goes so that it never holds them
 * in memory. `row` is the row as read (cut at 2,000 characters), or, for a row the store
 * refused, the row as it would have been stored. Cells are neutralised against formula
 * injection like every CSV Repatria writes.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Rejection } from './batch.js';
import { csvLine } from './csv-cells.js';

export const QUARANTINE_COLUMNS = ['line', 'record', 'field', 'reason', 'row'] as const;

export class QuarantineFile {
  private readonly stream: WriteStream;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
    this.stream.on('error', (error) => (this.failure = error));
    this.stream.write(csvLine(QUARANTINE_COLUMNS));
  }

  async add(rejections: readonly Rejection[]): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (rejections.length === 0) return;
    const text = rejections.map((r) => csvLine([String(r.line), r.record, r.field, r.reason, r.raw])).join('');
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    if (!this.stream.closed) await once(this.stream, 'close');
    if (this.failure !== undefined) throw this.failure;
  }
}
