/**
 * A streaming reader of PostgreSQL's binary COPY format (`COPY … TO STDOUT (FORMAT binary)`):
 * a signature and header, then per row a field count and each field as a length (-1 for
 * NULL) and its bytes, then a -1 trailer. Rows are handed over as offsets into the chunk
 * they lie in, so a bytea arrives as the bytes themselves, never as text.
 */

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** One row: `starts[k]`/`lengths[k]` locate field `k` in `bytes` (`lengths[k]` is -1 for NULL). */
export interface CopyRow {
  readonly bytes: Buffer;
  readonly starts: Int32Array;
  readonly lengths: Int32Array;
}

export class BinaryCopyReader {
  private pending: Buffer = Buffer.alloc(0);
  private headerRead = false;
  private done = false;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;

  constructor(
    private readonly fields: number,
    private readonly onRow: (row: CopyRow) => void,
  ) {
    this.starts = new Int32Array(fields);
    this.lengths = new Int32Array(fields);
  }

  /** Feeds the next chunk of the stream. */
  push(chunk: Buffer): void {
    const bytes = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let at = 0;
    if (!this.headerRead) {
      if (bytes.length < SIGNATURE.length + 8) {
        this.pending = bytes;
        return;
      }
      if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('Not a binary COPY stream');
      const extension = bytes.readUInt32BE(SIGNATURE.length + 4);
      at = SIGNATURE.length + 8 + extension;
      this.headerRead = true;
    }
    const row: CopyRow = { bytes, starts: this.starts, lengths: this.lengths };
    while (!this.done && at + 2 <= bytes.length) {
      const count = bytes.readInt16BE(at);
      if (count === -1) {
        this.done = true;
        at += 2;
        break;
      }
      if (count !== this.fields) throw new Error(`A COPY row has ${count} fields, not ${this.fields}`);
      let cursor = at + 2;
      let complete = true;
      for (let k = 0; k < count; k++) {
        if (cursor + 4 > bytes.length) {
          complete = false;
          break;
        }
        const length = bytes.readInt32BE(cursor);
        cursor += 4;
        this.starts[k] = cursor;
        this.lengths[k] = length;
        if (length > 0) cursor += length;
        if (cursor > bytes.length) {
          complete = false;
          break;
        }
      }
      if (!complete) break;
      this.onRow(row);
      at = cursor;
    }
    this.pending = at < bytes.length ? Buffer.from(bytes.subarray(at)) : Buffer.alloc(0);
  }

  /** Checks that the stream ended with its trailer. */
  end(): void {
    if (!this.done || this.pending.length > 0) throw new Error('The binary COPY stream ended early');
  }
}

/** A NULL-able int8 field of a row, as a number. */
export function int8Field(row: CopyRow, field: number): number | null {
  if (row.lengths[field] === -1) return null;
  return Number(row.bytes.readBigInt64BE(row.starts[field]));
}
