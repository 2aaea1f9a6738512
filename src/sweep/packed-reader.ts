/**
 * Decoding of `person_facts.packed` records (src/store/packed-fact.ts) straight into fact
 * rows: numbers are read in place, the person id is matched as bytes against the id table
 * and the code interned as bytes, so that no string or object is made per fact.
 */
import type { CodeTable } from '../domain/sweep/code-table.js';
import { ROW_TYPE_COUNT } from '../domain/sweep/fact-row.js';
import { compareBytes, findId, type IdTable } from '../domain/sweep/id-table.js';
import type { RowBuffer } from '../domain/sweep/row-buffer.js';
import {
  PACKED_AUX,
  PACKED_CODE_LENGTH,
  PACKED_FLAG,
  PACKED_FROM,
  PACKED_HEADER,
  PACKED_ID_LENGTH,
  PACKED_RECORDED_AT,
  PACKED_THROUGH,
  PACKED_TYPE,
} from '../store/packed-fact.js';

/**
 * Finds people by id bytes. Facts usually arrive grouped by person in id order, so the
 * person of the previous fact and the next one are tried before a binary search.
 */
export class PersonResolver {
  /** The person found last: the first guess for the next fact. */
  last = 0;

  constructor(readonly ids: IdTable) {}

  resolve(bytes: Uint8Array, start: number, end: number): number {
    const { ids } = this;
    for (let p = this.last; p < this.last + 2 && p < ids.count; p++) {
      if (compareBytes(ids.bytes, ids.offsets[p]!, ids.offsets[p + 1]!, bytes, start, end) === 0) return (this.last = p);
    }
    const found = findId(ids, bytes, start, end);
    if (found < 0) {
      const id = new TextDecoder().decode(bytes.subarray(start, end));
      throw new Error(`A stored fact names person ${id}, who is not in the people table`);
    }
    return (this.last = found);
  }
}

const cutShort = (): Error => new Error('A packed fact record is cut short');

/**
 * Appends the `count` records of `chunk` (back to back) to `rows`, not retracted (the caller
 * applies retractions). The hot loop of a load: arrays and the current person are held in
 * locals, and a fact of the same person as the one before costs one byte comparison.
 */
export function readPackedRecords(chunk: Uint8Array, count: number, rows: RowBuffer, people: PersonResolver, codes: CodeTable): void {
  const first = rows.reserve(count);
  const { person, type, flag, from, through, aux, code, recordedAt, retractedAt } = rows;
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const { bytes: idBytes, offsets } = people.ids;
  let current = people.last;
  let currentStart = offsets[current] ?? 0;
  let currentLength = (offsets[current + 1] ?? 0) - currentStart;
  let at = 0;
  for (let i = first; i < first + count; i++) {
    if (at + PACKED_HEADER > chunk.length) throw cutShort();
    const idLength = view.getUint16(at + PACKED_ID_LENGTH, true);
    const idStart = at + PACKED_HEADER;
    const codeStart = idStart + idLength;
    const next = codeStart + view.getUint16(at + PACKED_CODE_LENGTH, true);
    if (next > chunk.length) throw cutShort();
    let same = idLength === currentLength;
    for (let k = 0; same && k < idLength; k++) same = chunk[idStart + k] === idBytes[currentStart + k];
    if (!same) {
      current = people.resolve(chunk, idStart, codeStart);
      currentStart = offsets[current]!;
      currentLength = offsets[current + 1]! - currentStart;
    }
    const t = chunk[at + PACKED_TYPE]!;
    if (t >= ROW_TYPE_COUNT) throw new Error(`A packed fact record has unknown type ${t}`);
    person[i] = current;
    type[i] = t;
    flag[i] = chunk[at + PACKED_FLAG]!;
    from[i] = view.getInt32(at + PACKED_FROM, true);
    through[i] = view.getInt32(at + PACKED_THROUGH, true);
    aux[i] = view.getInt32(at + PACKED_AUX, true);
    recordedAt[i] = view.getFloat64(at + PACKED_RECORDED_AT, true);
    retractedAt[i] = Number.POSITIVE_INFINITY;
    code[i] = codes.internBytes(chunk, codeStart, next);
    at = next;
  }
  if (at !== chunk.length) throw new Error('The packed fact records do not match their rows');
  people.last = current;
  rows.length = first + count;
}

/** Appends the record at `at` (ending at or before `limit`) to `rows`; returns the offset after it. */
export function readPackedRecord(
  chunk: Uint8Array,
  view: DataView,
  at: number,
  limit: number,
  rows: RowBuffer,
  people: PersonResolver,
  codes: CodeTable,
  retractedAt: number,
): number {
  if (at + PACKED_HEADER > limit) throw new Error('A packed fact record is cut short');
  const idLength = view.getUint16(at + PACKED_ID_LENGTH, true);
  const codeLength = view.getUint16(at + PACKED_CODE_LENGTH, true);
  const idStart = at + PACKED_HEADER;
  const codeStart = idStart + idLength;
  const next = codeStart + codeLength;
  if (next > limit) throw new Error('A packed fact record is cut short');
  const type = chunk[at + PACKED_TYPE]!;
  if (type >= ROW_TYPE_COUNT) throw new Error(`A packed fact record has unknown type ${type}`);
  const i = rows.length === rows.capacity ? rows.reserve(1) : rows.length;
  rows.person[i] = people.resolve(chunk, idStart, codeStart);
  rows.type[i] = type;
  rows.flag[i] = chunk[at + PACKED_FLAG]!;
  rows.from[i] = view.getInt32(at + PACKED_FROM, true);
  rows.through[i] = view.getInt32(at + PACKED_THROUGH, true);
  rows.aux[i] = view.getInt32(at + PACKED_AUX, true);
  rows.recordedAt[i] = view.getFloat64(at + PACKED_RECORDED_AT, true);
  rows.retractedAt[i] = retractedAt;
  rows.code[i] = codes.internBytes(chunk, codeStart, next);
  rows.length = i + 1;
  return next;
}
