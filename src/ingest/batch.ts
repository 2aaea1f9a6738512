/**
 * What the reading side hands the writing side: accepted rows as row values, and the rows it
 * refused. A batch is written in one transaction with one event.
 *
 * Row values are packed as they are made (`ValueWriter`): numbers into a Float64Array,
 * strings (as UTF-8) and blobs into one byte buffer. Reasons, all measured:
 * - a batch of 50,000 facts held as JavaScript values (half a million of them, most of them
 *   strings) outlives the young generation and is copied into the old one, and the garbage
 *   collector then cost the reading thread as much as validating the rows did;
 * - the typed arrays cross from the worker thread to the writer without being copied, where
 *   structured cloning of a list of values cost the writer, the slowest stage, about 2 µs
 *   per fact;
 * - strings written as UTF-8 bytes cost the reading thread less than joining them into long
 *   strings did (the join, flattening each body, took 1 to 2 µs a fact), and the PostgreSQL
 *   writer copies those bytes into COPY as they are.
 * The writer reads the values back in order (`ValueReader`) straight into its statements,
 * or unpacks a batch whole (`unpackBatch`) when it must look facts up by position.
 */
import type { BulkValue } from '../store/store-connection.js';

export type RowKind = 'person' | 'program';

/** A row refused, with where and why: one quarantine line. */
export interface Rejection {
  /** First line of the row in the file (1-based). */
  readonly line: number;
  /** Which record: `line 4, person "P1", fact "F2"`. */
  readonly record: string;
  /** CSV column or JSON field at fault, or `-` for the whole row. */
  readonly field: string;
  readonly reason: string;
  /** The row as read (cut to a few thousand characters), or as the store would have held it. */
  readonly raw: string;
}

/** Values packed in order (see `ValueWriter`). */
export interface PackedValues {
  /** Per value: 0 null, 1 number, 2 string, 3 bytes. */
  readonly kinds: Uint8Array;
  readonly numbers: Float64Array;
  /** The bytes of the strings (UTF-8) and blobs, one after another. */
  readonly bytes: Uint8Array;
  /** Byte length of each string and blob, in order. */
  readonly byteLengths: Int32Array;
}

/** Accepted rows, packed, in file order: what crosses to the writer. */
export interface PackedBatch {
  readonly kind: RowKind;
  /** First line of each accepted row. */
  readonly rowLine: Int32Array;
  /** Person of each accepted row (strings; `''` for programme rows). */
  readonly rowPerson: PackedValues;
  /** Row index (into `rowLine`) of each fact. */
  readonly factRow: Int32Array;
  /** `retractedAt` of each fact; NaN when it has none. */
  readonly retractedAt: Float64Array;
  /** Row values of each fact (fact-rows.ts), `PERSON_ROW.width` or `PROGRAM_ROW.width` each. */
  readonly values: PackedValues;
}

/** A batch unpacked, for lookups by position. */
export interface Batch {
  readonly kind: RowKind;
  readonly rowLine: Int32Array;
  readonly rowPerson: string[];
  readonly factRow: Int32Array;
  readonly values: BulkValue[];
  readonly retractedAt: Float64Array;
}

export const NULL = 0;
export const NUMBER = 1;
export const STRING = 2;
export const BYTES = 3;
/** Strings up to this length are copied byte by byte when they are ASCII (`pushString`). */
const SHORT_STRING = 32;

export type ValueKind = typeof NULL | typeof NUMBER | typeof STRING | typeof BYTES;

/** Appends values to growing typed arrays. */
export class ValueWriter {
  private kinds: Uint8Array = new Uint8Array(1024);
  private numbers: Float64Array = new Float64Array(256);
  private bytes: Uint8Array = new Uint8Array(64 * 1024);
  /** `bytes` as a Buffer (the same memory): for UTF-8 writes, and blobs written in place. */
  private bytesView = Buffer.from(this.bytes.buffer);
  private byteLengths: Int32Array = new Int32Array(1024);
  private k = 0;
  private n = 0;
  private b = 0;
  private bl = 0;
  /** Where in `bytes` the string begun by `openString` starts. */
  private opened = 0;
  /** Arrays given back by `recycle`, for the next `finish`. */
  private spare: PackedValues | undefined;

  get count(): number {
    return this.k;
  }

  push(value: BulkValue): void {
    if (value === null) this.pushNull();
    else if (typeof value === 'number') this.pushNumber(value);
    else if (typeof value === 'string') this.pushString(value);
    else {
      // Placed first: placing it may grow the buffer, and `view` with it.
      const at = this.pushBytes(value.length);
      this.bytesView.set(value, at);
    }
  }

  pushNull(): void {
    this.kind(NULL);
  }

  pushNumber(value: number): void {
    this.kind(NUMBER);
    if (this.n === this.numbers.length) this.numbers = grow(this.numbers, this.n * 2);
    this.numbers[this.n++] = value;
  }

  pushString(value: string): void {
    this.kind(STRING);
    const length = value.length;
    // At most three bytes of UTF-8 per UTF-16 unit.
    this.room(length * 3);
    // Short strings (ids, codes) byte by byte while they are ASCII: a call into the runtime
    // costs more than copying them.
    if (length <= SHORT_STRING) {
      const { bytes } = this;
      const at = this.b;
      let i = 0;
      for (; i < length; i += 1) {
        const c = value.charCodeAt(i);
        if (c > 0x7f) break;
        bytes[at + i] = c;
      }
      if (i === length) {
        this.length(length);
        return;
      }
    }
    this.length(this.bytesView.write(value, this.b, 'utf8'));
  }

  /**
   * Starts a string written in pieces (`appendAscii`, `appendQuoted`, `appendInteger`,
   * `appendUtf8`), ended by `closeString`: a text, such as a fact's JSON body, made straight
   * into the batch's bytes instead of as a JavaScript string that would then be flattened and
   * encoded (json-body.ts).
   */
  openString(): void {
    this.kind(STRING);
    this.opened = this.b;
  }

  /** Appends text every unit of which is ASCII (the caller knows it is). */
  appendAscii(text: string): void {
    const length = text.length;
    this.room(length);
    const { bytes } = this;
    const at = this.b;
    for (let i = 0; i < length; i += 1) bytes[at + i] = text.charCodeAt(i);
    this.b = at + length;
  }

  /**
   * Appends `text` between double quotes if JSON writes it as it is and it is ASCII (every
   * unit from 0x20 to 0x7e, but the quote and the backslash); otherwise appends nothing and
   * returns false.
   */
  appendQuoted(text: string): boolean {
    const length = text.length;
    this.room(length + 2);
    const { bytes } = this;
    const at = this.b;
    bytes[at] = 0x22;
    for (let i = 0; i < length; i += 1) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
      bytes[at + 1 + i] = c;
    }
    bytes[at + 1 + length] = 0x22;
    this.b = at + length + 2;
    return true;
  }

  /** Appends a safe integer's decimal digits, as `String` writes them. */
  appendInteger(value: number): void {
    // At most 16 digits and a sign for a safe integer.
    this.room(17);
    const { bytes } = this;
    let at = this.b;
    let rest = value;
    if (rest < 0) {
      bytes[at++] = 0x2d;
      rest = -rest;
    }
    let digits = 1;
    for (let scale = 10; scale <= rest; scale *= 10) digits += 1;
    for (let i = at + digits - 1; i >= at; i -= 1) {
      const next = Math.floor(rest / 10);
      bytes[i] = 48 + (rest - next * 10);
      rest = next;
    }
    this.b = at + digits;
  }

  /** Appends any text as UTF-8. */
  appendUtf8(text: string): void {
    this.room(text.length * 3);
    this.b += this.bytesView.write(text, this.b, 'utf8');
  }

  /** Takes back what was appended since `openString`. */
  rewindString(): void {
    this.b = this.opened;
  }

  /** Ends the string `openString` started. */
  closeString(): void {
    this.byteLength(this.b - this.opened);
  }

  /**
   * A blob of `length` bytes, which the caller then writes in place into `view` at the
   * offset returned (no buffer of its own).
   */
  pushBytes(length: number): number {
    this.kind(BYTES);
    this.room(length);
    const at = this.b;
    this.length(length);
    return at;
  }

  /** The bytes being written, for the blob `pushBytes` placed (valid until the next push). */
  get view(): Buffer {
    return this.bytesView;
  }

  private kind(kind: number): void {
    if (this.k === this.kinds.length) this.kinds = grow(this.kinds, this.k * 2);
    this.kinds[this.k++] = kind;
  }

  private room(bytes: number): void {
    if (this.b + bytes <= this.bytes.length) return;
    this.bytes = grow(this.bytes, Math.max(this.bytes.length * 2, this.b + bytes));
    this.bytesView = Buffer.from(this.bytes.buffer);
  }

  /** Ends a string or blob of `bytes` bytes written at the end of `bytes`. */
  private length(bytes: number): void {
    this.byteLength(bytes);
    this.b += bytes;
  }

  private byteLength(bytes: number): void {
    if (this.bl === this.byteLengths.length) this.byteLengths = grow(this.byteLengths, this.bl * 2);
    this.byteLengths[this.bl++] = bytes;
  }

  /**
   * The values so far, as views of the arrays they were written into; the writer goes on in
   * other arrays: those of a batch given back (`recycle`), or new ones of the same sizes.
   * Measured on the import's reading thread, copying the values out (`slice`) instead cost
   * about 0.4 µs per fact, most of it the kernel mapping fresh memory for every copy.
   */
  finish(): PackedValues {
    const out: PackedValues = {
      kinds: this.kinds.subarray(0, this.k),
      numbers: this.numbers.subarray(0, this.n),
      bytes: this.bytes.subarray(0, this.b),
      byteLengths: this.byteLengths.subarray(0, this.bl),
    };
    const spare = this.spare;
    this.spare = undefined;
    this.kinds = reuse(Uint8Array, spare?.kinds, this.kinds);
    this.numbers = reuse(Float64Array, spare?.numbers, this.numbers);
    this.bytes = reuse(Uint8Array, spare?.bytes, this.bytes);
    this.bytesView = Buffer.from(this.bytes.buffer);
    this.byteLengths = reuse(Int32Array, spare?.byteLengths, this.byteLengths);
    this.k = 0;
    this.n = 0;
    this.b = 0;
    this.bl = 0;
    return out;
  }

  /** Takes back the arrays of values this writer finished and the writing side is done with. */
  recycle(values: PackedValues): void {
    this.spare = values;
  }
}

type Packable = Uint8Array | Float64Array | Int32Array;

/** The whole array behind `spare` (a finished batch's view) if it is no smaller than `current`, else a new one as large. */
function reuse<T extends Packable>(Kind: new (lengthOrBuffer: number | ArrayBuffer) => T, spare: T | undefined, current: T): T {
  const buffer = spare?.buffer as ArrayBuffer | undefined;
  return buffer !== undefined && buffer.byteLength >= current.byteLength ? new Kind(buffer) : new Kind(current.length);
}

function grow<T extends Packable>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/** Reads packed values back, in order. */
export class ValueReader {
  /** The bytes of the strings and blobs (see `step`). */
  readonly bytes: Buffer;
  /** Set by `step`. */
  number = 0;
  start = 0;
  length = 0;
  private k = 0;
  private n = 0;
  private b = 0;
  private bl = 0;

  constructor(private readonly packed: PackedValues) {
    // A view, not a copy; Buffers are what better-sqlite3 binds as blobs.
    this.bytes = Buffer.from(packed.bytes.buffer, packed.bytes.byteOffset, packed.bytes.byteLength);
  }

  next(): BulkValue {
    return this.value(this.step());
  }

  /** The value `step` just moved past, of the kind it returned: a string made, a blob as a view. */
  value(kind: ValueKind): BulkValue {
    switch (kind) {
      case NUMBER:
        return this.number;
      case STRING:
        return this.bytes.toString('utf8', this.start, this.start + this.length);
      case BYTES:
        return this.bytes.subarray(this.start, this.start + this.length);
      case NULL:
        return null;
    }
  }

  /**
   * Moves past the next value without making it, for a caller that copies bytes: returns its
   * kind; a number is then in `number`, a string's UTF-8 or a blob's bytes at `start` (for
   * `length`) of `bytes`.
   */
  step(): ValueKind {
    const kind = this.packed.kinds[this.k++]! as ValueKind;
    if (kind === NUMBER) this.number = this.packed.numbers[this.n++]!;
    else if (kind === STRING || kind === BYTES) {
      this.length = this.packed.byteLengths[this.bl++]!;
      this.start = this.b;
      this.b += this.length;
    }
    return kind;
  }
}

export const factCount = (batch: PackedBatch | Batch): number => batch.factRow.length;

/** Every value of a packed list. */
export function unpackValues(packed: PackedValues): BulkValue[] {
  const reader = new ValueReader(packed);
  const out = new Array<BulkValue>(packed.kinds.length);
  for (let i = 0; i < out.length; i += 1) out[i] = reader.next();
  return out;
}

export function unpackBatch(packed: PackedBatch): Batch {
  return {
    kind: packed.kind,
    rowLine: packed.rowLine,
    rowPerson: unpackValues(packed.rowPerson) as string[],
    factRow: packed.factRow,
    values: unpackValues(packed.values),
    retractedAt: packed.retractedAt,
  };
}

/** The buffers of a packed batch, to transfer rather than copy. */
export const transferList = (p: PackedBatch): ArrayBuffer[] =>
  [p.rowLine, p.factRow, p.retractedAt, ...[p.values, p.rowPerson].flatMap((v) => [v.kinds, v.numbers, v.bytes, v.byteLengths])].map(
    (a) => a.buffer as ArrayBuffer,
  );
