/**
 * The columnar snapshot: a loaded population saved as one binary file, so that the next
 * sweep reads it back in a few reads instead of reading every row of the store, then asks
 * the store only for what was recorded after the snapshot's mark.
 *
 * Layout: 16 bytes of magic, a u32 header length, a JSON header (mark, codes, programme
 * facts, counts, and where each array lies), then the typed arrays, each 8-byte aligned, in
 * the machine's byte order (the header says which; a file of the other order is not read).
 * Each array is read straight into a typed array of its own: no parse per fact. Columns
 * that are nearly all one value (`retractedAt`: Infinity, `aux`: NO_DAY) are stored as the
 * rows that differ, which makes the file a third smaller and its reading as much faster.
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { ProgramFact } from '../domain/facts.js';
import type { PersonColumns } from '../domain/sweep/columns.js';
import { NO_DAY } from '../domain/sweep/fact-row.js';
import type { Population, StoreMark } from './population.js';

const MAGIC = 'REPATRIA-SWEEP-2';
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const ARRAY_NAMES = [
  'idBytes',
  'idOffsets',
  'factStart',
  'type',
  'flag',
  'from',
  'through',
  'code',
  'recordedAt',
  'auxRows',
  'auxValues',
  'retractedRows',
  'retractedValues',
] as const;
type ArrayName = (typeof ARRAY_NAMES)[number];
type Stored = Uint8Array | Int32Array | Float64Array;

interface Header {
  readonly littleEndian: boolean;
  readonly mark: StoreMark;
  readonly codes: readonly string[];
  readonly program: readonly ProgramFact[];
  readonly people: number;
  readonly facts: number;
  readonly arrays: Readonly<Record<ArrayName, readonly [offset: number, byteLength: number]>>;
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/** The rows whose value is not `usual`, and their values. */
function sparse<T extends Int32Array | Float64Array>(values: T, usual: number, make: (n: number) => T): { rows: Int32Array; values: T } {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== usual) n++;
  const rows = new Int32Array(n);
  const kept = make(n);
  for (let i = 0, k = 0; i < values.length; i++) {
    if (values[i] === usual) continue;
    rows[k] = i;
    kept[k++] = values[i]!;
  }
  return { rows, values: kept };
}

function arraysOf(columns: PersonColumns): Record<ArrayName, Stored> {
  const aux = sparse(columns.aux, NO_DAY, (n) => new Int32Array(n));
  const retracted = sparse(columns.retractedAt, Number.POSITIVE_INFINITY, (n) => new Float64Array(n));
  return {
    idBytes: columns.ids.bytes,
    idOffsets: columns.ids.offsets,
    factStart: columns.factStart,
    type: columns.type,
    flag: columns.flag,
    from: columns.from,
    through: columns.through,
    code: columns.code,
    recordedAt: columns.recordedAt,
    auxRows: aux.rows,
    auxValues: aux.values,
    retractedRows: retracted.rows,
    retractedValues: retracted.values,
  };
}

/** Writes the snapshot next to `path` and renames it into place, so readers never see half a file. */
export function writeSnapshot(path: string, population: Population): void {
  const { columns } = population;
  const arrays = arraysOf(columns);
  // The header holds the offsets, which depend on the header's length: reserve digits for them first.
  const placed = {} as Record<ArrayName, [number, number]>;
  for (const name of ARRAY_NAMES) placed[name] = [Number.MAX_SAFE_INTEGER, arrays[name].byteLength];
  const header: Header = {
    littleEndian: LITTLE_ENDIAN,
    mark: population.mark,
    codes: columns.codes,
    program: population.program,
    people: columns.ids.count,
    facts: columns.factStart[columns.ids.count]!,
    arrays: placed,
  };
  const reserved = Buffer.byteLength(JSON.stringify(header));
  let at = align8(MAGIC.length + 4 + reserved);
  for (const name of ARRAY_NAMES) {
    placed[name] = [at, arrays[name].byteLength];
    at = align8(at + arrays[name].byteLength);
  }
  const json = Buffer.from(JSON.stringify(header).padEnd(reserved, ' '));
  const prefix = Buffer.alloc(MAGIC.length + 4);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(json.length, MAGIC.length);

  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    let position = 0;
    const write = (bytes: Uint8Array): void => {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
      position += bytes.length;
    };
    write(prefix);
    write(json);
    for (const name of ARRAY_NAMES) {
      write(new Uint8Array(align8(position) - position));
      const array = arrays[name];
      write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    }
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
}

/** Reads `target.length` bytes at `position` into `target`; false if the file ends first. */
function readInto(fd: number, target: Uint8Array, position: number): boolean {
  let done = 0;
  while (done < target.length) {
    const n = readSync(fd, target, done, target.length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

/**
 * The population saved at `path`, or `undefined` when there is none or it cannot be used
 * (another format version or byte order, or a damaged file): the caller then loads afresh.
 */
export function readSnapshot(path: string): Population | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    return readOpen(fd);
  } finally {
    closeSync(fd);
  }
}

const MAKE = {
  u8: (n: number): Uint8Array => new Uint8Array(n),
  i32: (n: number): Int32Array => new Int32Array(n),
  f64: (n: number): Float64Array => new Float64Array(n),
};

function readOpen(fd: number): Population | undefined {
  const size = fstatSync(fd).size;
  const prefix = Buffer.alloc(MAGIC.length + 4);
  if (size < prefix.length || !readInto(fd, prefix, 0) || prefix.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const json = Buffer.alloc(prefix.readUInt32LE(MAGIC.length));
  if (!readInto(fd, json, prefix.length)) return undefined;
  let header: Header;
  try {
    header = JSON.parse(json.toString('utf8')) as Header;
  } catch {
    return undefined;
  }
  if (header.littleEndian !== LITTLE_ENDIAN) return undefined;

  // Each array gets a buffer of its own: views into one large buffer proved slower to sweep.
  const problems = { damaged: false };
  const read = <T extends Stored>(name: ArrayName, make: (n: number) => T): T => {
    const [offset, byteLength] = header.arrays[name];
    const width = make(0).BYTES_PER_ELEMENT;
    if (offset + byteLength > size || byteLength % width !== 0) {
      problems.damaged = true;
      return make(0);
    }
    const array = make(byteLength / width);
    if (!readInto(fd, new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset)) problems.damaged = true;
    return array;
  };
  const idOffsets = read('idOffsets', MAKE.i32);
  const factStart = read('factStart', MAKE.i32);
  const dense = {
    type: read('type', MAKE.u8),
    flag: read('flag', MAKE.u8),
    from: read('from', MAKE.i32),
    through: read('through', MAKE.i32),
    code: read('code', MAKE.i32),
    recordedAt: read('recordedAt', MAKE.f64),
  };
  const facts = header.facts;
  const expand = <T extends Int32Array | Float64Array>(rows: Int32Array, values: T, usual: number, make: (n: number) => T): T => {
    const out = make(facts);
    out.fill(usual);
    if (rows.length !== values.length) problems.damaged = true;
    else for (let k = 0; k < rows.length; k++) out[rows[k]!] = values[k]!;
    return out;
  };
  const aux = expand(read('auxRows', MAKE.i32), read('auxValues', MAKE.i32), NO_DAY, MAKE.i32);
  const retractedAt = expand(read('retractedRows', MAKE.i32), read('retractedValues', MAKE.f64), Number.POSITIVE_INFINITY, MAKE.f64);
  const columns: PersonColumns = {
    ids: { count: header.people, bytes: read('idBytes', MAKE.u8), offsets: idOffsets },
    factStart,
    ...dense,
    aux,
    retractedAt,
    codes: header.codes,
  };
  const sound =
    !problems.damaged &&
    idOffsets.length === header.people + 1 &&
    factStart.length === header.people + 1 &&
    factStart[header.people] === facts &&
    Object.values(dense).every((a) => a.length === facts);
  return sound ? { columns, program: header.program, mark: header.mark } : undefined;
}
