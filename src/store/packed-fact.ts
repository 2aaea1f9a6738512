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
import { factRow } from '../domain/sweep/fact-row.js';

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
  const idLength = Buffer.byteLength(personId, 'utf8');
  const codeLength = Buffer.byteLength(row.code, 'utf8');
  if (idLength > MAX_STRING_BYTES || codeLength > MAX_STRING_BYTES) {
    throw new RepatriaError('INVALID_INPUT', `Fact ${fact.id}: the person id or a code is longer than ${MAX_STRING_BYTES} bytes`);
  }
  const out = Buffer.allocUnsafe(PACKED_HEADER + idLength + codeLength);
  out.writeUInt8(row.type, PACKED_TYPE);
  out.writeUInt8(row.flag, PACKED_FLAG);
  out.writeInt32LE(row.from, PACKED_FROM);
  out.writeInt32LE(row.through, PACKED_THROUGH);
  out.writeInt32LE(row.aux, PACKED_AUX);
  out.writeDoubleLE(row.recordedAt, PACKED_RECORDED_AT);
  out.writeUInt16LE(idLength, PACKED_ID_LENGTH);
  out.writeUInt16LE(codeLength, PACKED_CODE_LENGTH);
  out.write(personId, PACKED_HEADER, 'utf8');
  out.write(row.code, PACKED_HEADER + idLength, 'utf8');
  return out;
}
