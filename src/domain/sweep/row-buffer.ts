/**
 * Fact rows as they arrive from a store or a generator, in any person order, before they are
 * grouped into {@link PersonColumns}. Growable typed arrays: a load sized up front (from the
 * store's row count) never copies.
 */
import type { Instant } from '../dates.js';
import type { FactRow } from './fact-row.js';
import type { CodeTable } from './code-table.js';

/** The arrays of a {@link RowBuffer}. */
export interface RowArrays {
  readonly person: Int32Array;
  readonly type: Uint8Array;
  readonly flag: Uint8Array;
  readonly from: Int32Array;
  readonly through: Int32Array;
  readonly aux: Int32Array;
  readonly code: Int32Array;
  readonly recordedAt: Float64Array;
  readonly retractedAt: Float64Array;
}

export class RowBuffer {
  length = 0;
  private fixed = false;
  person: Int32Array;
  type: Uint8Array;
  flag: Uint8Array;
  from: Int32Array;
  through: Int32Array;
  aux: Int32Array;
  code: Int32Array;
  recordedAt: Float64Array;
  retractedAt: Float64Array;

  /**
   * Room for `capacity` rows. `memory` makes the buffers (e.g. `SharedArrayBuffer`, so that
   * several threads fill one buffer, each its own range of rows).
   */
  constructor(capacity = 1024, memory: (bytes: number) => ArrayBufferLike = (bytes) => new ArrayBuffer(bytes)) {
    const n = Math.max(16, capacity);
    this.person = new Int32Array(memory(n * 4));
    this.type = new Uint8Array(memory(n));
    this.flag = new Uint8Array(memory(n));
    this.from = new Int32Array(memory(n * 4));
    this.through = new Int32Array(memory(n * 4));
    this.aux = new Int32Array(memory(n * 4));
    this.code = new Int32Array(memory(n * 4));
    this.recordedAt = new Float64Array(memory(n * 8));
    this.retractedAt = new Float64Array(memory(n * 8));
  }

  /** The arrays, to hand to another thread. */
  arrays(): RowArrays {
    const { person, type, flag, from, through, aux, code, recordedAt, retractedAt } = this;
    return { person, type, flag, from, through, aux, code, recordedAt, retractedAt };
  }

  /**
   * A buffer over arrays made elsewhere (another thread's shared memory), `length` rows in
   * use. It cannot grow: new arrays would no longer be the shared ones.
   */
  static over(arrays: RowArrays, length: number): RowBuffer {
    const rows = new RowBuffer(0);
    Object.assign(rows, arrays);
    rows.length = length;
    rows.fixed = true;
    return rows;
  }

  get capacity(): number {
    return this.person.length;
  }

  /** Makes room for `extra` more rows; returns the index of the next row. */
  reserve(extra: number): number {
    const needed = this.length + extra;
    if (needed > this.capacity) this.resize(Math.max(needed, this.capacity * 2));
    return this.length;
  }

  /** Appends a row made by {@link factRow}; its code is interned in `codes`. */
  push(person: number, row: FactRow, codes: CodeTable, retractedAt: Instant | undefined): number {
    const i = this.reserve(1);
    this.person[i] = person;
    this.type[i] = row.type;
    this.flag[i] = row.flag;
    this.from[i] = row.from;
    this.through[i] = row.through;
    this.aux[i] = row.aux;
    this.code[i] = codes.intern(row.code);
    this.recordedAt[i] = row.recordedAt;
    this.retractedAt[i] = retractedAt ?? Number.POSITIVE_INFINITY;
    this.length = i + 1;
    return i;
  }

  private resize(capacity: number): void {
    if (this.fixed) throw new RangeError('rows over shared memory cannot grow');
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old.subarray(0, this.length));
      return next;
    };
    this.person = grow(this.person, (n) => new Int32Array(n));
    this.type = grow(this.type, (n) => new Uint8Array(n));
    this.flag = grow(this.flag, (n) => new Uint8Array(n));
    this.from = grow(this.from, (n) => new Int32Array(n));
    this.through = grow(this.through, (n) => new Int32Array(n));
    this.aux = grow(this.aux, (n) => new Int32Array(n));
    this.code = grow(this.code, (n) => new Int32Array(n));
    this.recordedAt = grow(this.recordedAt, (n) => new Float64Array(n));
    this.retractedAt = grow(this.retractedAt, (n) => new Float64Array(n));
  }
}
