/**
 * Person ids as one block of UTF-8 bytes with offsets, in byte order (the order both store
 * dialects sort ids in: SQLite BINARY, PostgreSQL "C"). A million ids cost two allocations
 * instead of a million strings; an id becomes a string only when it is printed.
 */

export interface IdTable {
  /** Number of ids. */
  readonly count: number;
  readonly bytes: Uint8Array;
  /** `count + 1` offsets into `bytes`: id `i` is `bytes[offsets[i]] .. bytes[offsets[i + 1]]`. */
  readonly offsets: Int32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Byte-wise comparison of two ranges, like `memcmp` then length. */
export function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  const aLength = aEnd - aStart;
  const bLength = bEnd - bStart;
  const n = aLength < bLength ? aLength : bLength;
  for (let i = 0; i < n; i++) {
    const d = a[aStart + i]! - b[bStart + i]!;
    if (d !== 0) return d;
  }
  return aLength - bLength;
}

/** The id at an index, as a string. */
export const idAt = (ids: IdTable, index: number): string =>
  decoder.decode(ids.bytes.subarray(ids.offsets[index], ids.offsets[index + 1]));

/** Index of the id held in `key[start..end)`, or -1; `ids` must be in byte order. */
export function findId(ids: IdTable, key: Uint8Array, start: number, end: number): number {
  let low = 0;
  let high = ids.count - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const c = compareBytes(ids.bytes, ids.offsets[mid]!, ids.offsets[mid + 1]!, key, start, end);
    if (c === 0) return mid;
    if (c < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Index of a string id, or -1. */
export function findIdString(ids: IdTable, id: string): number {
  const key = encoder.encode(id);
  return findId(ids, key, 0, key.length);
}

/** An id table from ids already in byte order, each given as a range of a block of bytes. */
export function idTableFromRanges(bytes: Uint8Array, offsets: Int32Array): IdTable {
  return { count: offsets.length - 1, bytes, offsets };
}

/** Sorts and packs string ids; throws on a repeated id (a person is one row). */
export function idTableFromStrings(ids: readonly string[]): IdTable {
  const encoded = ids.map((id) => encoder.encode(id));
  encoded.sort((a, b) => compareBytes(a, 0, a.length, b, 0, b.length));
  const total = encoded.reduce((n, e) => n + e.length, 0);
  const bytes = new Uint8Array(total);
  const offsets = new Int32Array(encoded.length + 1);
  let at = 0;
  encoded.forEach((e, i) => {
    if (i > 0) {
      const previous = encoded[i - 1]!;
      if (compareBytes(previous, 0, previous.length, e, 0, e.length) === 0) {
        throw new RangeError(`person id ${decoder.decode(e)} is given twice`);
      }
    }
    bytes.set(e, at);
    offsets[i] = at;
    at += e.length;
  });
  offsets[encoded.length] = at;
  return { count: encoded.length, bytes, offsets };
}

/**
 * The union of two disjoint id tables, in byte order, with the new index of every id of
 * each: a merge, so that adding a few people to millions costs one pass.
 */
export function mergeIdTables(a: IdTable, b: IdTable): { ids: IdTable; fromA: Int32Array; fromB: Int32Array } {
  const count = a.count + b.count;
  const bytes = new Uint8Array(a.bytes.length + b.bytes.length);
  const offsets = new Int32Array(count + 1);
  const fromA = new Int32Array(a.count);
  const fromB = new Int32Array(b.count);
  let i = 0;
  let j = 0;
  let at = 0;
  offsets[0] = 0;
  for (let k = 0; k < count; k++) {
    const takeA =
      j >= b.count ||
      (i < a.count &&
        compareBytes(a.bytes, a.offsets[i]!, a.offsets[i + 1]!, b.bytes, b.offsets[j]!, b.offsets[j + 1]!) < 0);
    const table = takeA ? a : b;
    const index = takeA ? i : j;
    const start = table.offsets[index]!;
    const end = table.offsets[index + 1]!;
    for (let x = start; x < end; x++) bytes[at++] = table.bytes[x]!;
    offsets[k + 1] = at;
    if (takeA) fromA[i++] = k;
    else fromB[j++] = k;
  }
  return { ids: { count, bytes, offsets }, fromA, fromB };
}
