/**
 * Rows in PostgreSQL's binary COPY format (`COPY … (FORMAT binary)`), written straight into
 * buffers of about {@link CHUNK_BYTES}.
 *
 * Why binary for the import's bulk path: in text format every value is turned into text on
 * this side and parsed back on the server's, a blob twice over (hex); measured on 1,200,000
 * facts, the client spent about 7 µs of CPU per fact building COPY text. Here a string is
 * written once as UTF-8, a number as its bytes, a blob as it is.
 *
 * Format (PostgreSQL's documentation, "COPY", Binary Format): a signature, flags and header
 * extension length; per row a 16-bit field count, then per field a 32-bit byte length (-1 for
 * NULL) and the bytes; a 16-bit -1 at the end. Integers are big-endian. Each value must be in
 * the binary form of its column's type, which the caller names; a text value may be given as
 * a string or as its UTF-8 bytes.
 */
import type { BulkValue } from '../store/store-connection.js';

export type BinaryType = 'text' | 'int4' | 'int8' | 'bytea';

/** Bytes per chunk handed to the COPY stream. */
const CHUNK_BYTES = 1 << 18;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const TWO_32 = 2 ** 32;

export class BinaryCopyWriter {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private at = 0;
  private readonly done: Buffer[] = [];

  constructor(private readonly types: readonly BinaryType[]) {
    SIGNATURE.copy(this.buffer, 0);
    this.at = SIGNATURE.length;
    this.buffer.writeInt32BE(0, this.at); // flags: no OIDs
    this.buffer.writeInt32BE(0, this.at + 4); // no header extension
    this.at += 8;
  }

  /** One row: a value per column, in the column order given. */
  row(values: readonly BulkValue[]): void {
    const { types } = this;
    this.startRow();
    for (let i = 0; i < types.length; i += 1) this.value(types[i]!, values[i] ?? null, i);
  }

  /**
   * Starts a row whose fields the caller then writes one by one, in column order (the field
   * methods below): for a caller that reads its values from a buffer and would otherwise
   * make an object of each.
   */
  startRow(): void {
    this.room(2);
    this.buffer.writeInt16BE(this.types.length, this.at);
    this.at += 2;
  }

  nullField(): void {
    this.room(4);
    this.buffer.writeInt32BE(-1, this.at);
    this.at += 4;
  }

  /** A text (UTF-8) or bytea field from `length` bytes of `source` at `start`. */
  bytesField(source: Uint8Array, start: number, length: number): void {
    this.room(4 + length);
    const { buffer } = this;
    buffer.writeInt32BE(length, this.at);
    const at = this.at + 4;
    // Most values are short (ids, codes): copied byte by byte, without a view to copy from.
    if (length <= 32) for (let i = 0; i < length; i += 1) buffer[at + i] = source[start + i]!;
    else buffer.set(source.subarray(start, start + length), at);
    this.at = at + length;
  }

  /** An int4 or int8 field, as column `column` (0-based) says. */
  numberField(value: number, column: number): void {
    const type = this.types[column]!;
    if (type === 'int4') {
      if (!Number.isInteger(value) || value < -2_147_483_648 || value > 2_147_483_647) throw mismatch(column, type, value);
      this.room(8);
      this.buffer.writeInt32BE(4, this.at);
      this.buffer.writeInt32BE(value, this.at + 4);
      this.at += 8;
      return;
    }
    if (type !== 'int8' || !Number.isSafeInteger(value)) throw mismatch(column, type, value);
    this.room(12);
    const high = Math.floor(value / TWO_32);
    this.buffer.writeInt32BE(8, this.at);
    this.buffer.writeInt32BE(high, this.at + 4);
    this.buffer.writeUInt32BE(value - high * TWO_32, this.at + 8);
    this.at += 12;
  }

  /** Whether a chunk is complete (for `take`). */
  get ready(): boolean {
    return this.done.length > 0;
  }

  /** Chunks completed so far (each handed over once). */
  take(): Buffer[] {
    return this.done.splice(0, this.done.length);
  }

  /** The trailer, and every chunk not yet taken. */
  end(): Buffer[] {
    this.room(2);
    this.buffer.writeInt16BE(-1, this.at);
    this.at += 2;
    this.done.push(this.buffer.subarray(0, this.at));
    this.at = 0;
    return this.take();
  }

  private value(type: BinaryType, value: BulkValue, column: number): void {
    if (value === null) {
      this.nullField();
      return;
    }
    if (typeof value === 'number') {
      this.numberField(value, column);
      return;
    }
    if (type !== 'text' && type !== 'bytea') throw mismatch(column, type, value);
    if (typeof value !== 'string') {
      // Bytes: a blob, or a string already in UTF-8 (a packed batch's, batch.ts).
      this.bytesField(value, 0, value.length);
      return;
    }
    if (type === 'bytea') throw mismatch(column, type, value);
    // At most three bytes of UTF-8 per UTF-16 unit.
    this.room(4 + value.length * 3);
    const n = this.buffer.write(value, this.at + 4, 'utf8');
    this.buffer.writeInt32BE(n, this.at);
    this.at += 4 + n;
  }

  /** Makes room for `bytes` more, closing the chunk when it is full. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    if (this.at > 0) this.done.push(this.buffer.subarray(0, this.at));
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.at = 0;
  }
}

const mismatch = (column: number, type: BinaryType, value: BulkValue): Error =>
  new Error(`binary COPY: column ${column + 1} is ${type}, given ${value instanceof Uint8Array ? 'bytes' : typeof value}`);
