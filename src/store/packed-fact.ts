/**
 * `person_facts.packed`: a person fact's decision fields (domain/sweep/fact-row.ts) and its
 * person id in one small fixed-layout binary record, so that the population engine can read
 * millions of facts without parsing a JSON body or converting a value per column.
 *
 * Why one binary column rather than typed columns: reading 6,000,000 facts from SQLite
 * through better-sqlite3 costs about 1 µs per row and per value crossing into JavaScript;
 * aggregated per chunk, eight typed columns still cost SQLite some 4.5 s to turn into text,
 * while `group_concat` of one blob per fact (bytes copied as they are) takes about 1 s.
 * Like `type`, `from_day`, `through_day` and `recorded_at`, it is a copy: the body is the truth.
 *
 * Layout, little-endian, {@link PACKED_HEADER} bytes then two strings:
 *
 * | offset | type | field |
 * |---|---|---|
 * | 0 | u8 | row type (`ROW_TYPE`) |
 * | 1 | u8 | flag |
 * | 2 | i32 | from (`NO_DAY` when none) |
 * | 6 | i32 | through (`OPEN_END` when none) |
 * | 10 | i32 | aux (`resolvedOn`, or `NO_DAY`) |
 * | 14 | f64 | recordedAt (epoch ms) |
 * | 22 | u16 | person id length in bytes (n) |
 * | 24 | u16 | code length in bytes (m) |
 * | 26 | n bytes | person id, UTF-8 |
 * | 26 + n | m bytes | code, UTF-8 |
 */
import { RepatriaError } from '../domain/errors.js';
import type { PersonFact } from '../domain/facts.js';
import { factRow, type FactRow } from '../domain/sweep/fact-row.js';

export const PACKED_HEADER = 26;
export const PACKED_TYPE = 0;
export const PACKED_FLAG = 1;
export const PACKED_FROM = 2;
export const PACKED_THROUGH = 6;
export const PACKED_AUX = 10;
export const PACKED_RECORDED_AT = 14;
export const PACKED_ID_LENGTH = 22;
export const PACKED_CODE_LENGTH = 24;

const MAX_STRING_BYTES = 0xffff;

/** The packed record of one person fact. */
export function packFact(personId: string, fact: PersonFact): Buffer {
  const row = factRow(fact);
  const out = Buffer.allocUnsafe(packedLength(personId, row.code, fact.id));
  writePacked(out, 0, personId, row);
  return out;
}

/** Bytes of the packed record of a fact of person `personId` whose row's code is `code`. */
export function packedLength(personId: string, code: string, factId: string): number {
  const idLength = utf8Length(personId);
  const codeLength = utf8Length(code);
  if (idLength > MAX_STRING_BYTES || codeLength > MAX_STRING_BYTES) {
    throw new RepatriaError('INVALID_INPUT', `Fact ${factId}: the person id or a code is longer than ${MAX_STRING_BYTES} bytes`);
  }
  return PACKED_HEADER + idLength + codeLength;
}

/**
 * Writes the packed record of `row` at `offset` of `out`, which must have
 * {@link packedLength} bytes there: how the bulk import packs straight into a batch's
 * buffer, without a Buffer per fact.
 */
export function writePacked(out: Buffer, offset: number, personId: string, row: FactRow): void {
  const idLength = utf8Length(personId);
  const codeLength = utf8Length(row.code);
  out[offset + PACKED_TYPE] = row.type;
  out[offset + PACKED_FLAG] = row.flag;
  out.writeInt32LE(row.from, offset + PACKED_FROM);
  out.writeInt32LE(row.through, offset + PACKED_THROUGH);
  out.writeInt32LE(row.aux, offset + PACKED_AUX);
  out.writeDoubleLE(row.recordedAt, offset + PACKED_RECORDED_AT);
  out.writeUInt16LE(idLength, offset + PACKED_ID_LENGTH);
  out.writeUInt16LE(codeLength, offset + PACKED_CODE_LENGTH);
  writeUtf8(out, offset + PACKED_HEADER, personId, idLength);
  writeUtf8(out, offset + PACKED_HEADER + idLength, row.code, codeLength);
}

/** UTF-8 length; the common ASCII id or code is counted without calling into the runtime. */
function utf8Length(text: string): number {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) return Buffer.byteLength(text, 'utf8');
  return text.length;
}

function writeUtf8(out: Buffer, offset: number, text: string, bytes: number): void {
  if (bytes !== text.length) {
    out.write(text, offset, bytes, 'utf8');
    return;
  }
  for (let i = 0; i < bytes; i += 1) out[offset + i] = text.charCodeAt(i);
}
