/**
 * Grouping fact rows into {@link PersonColumns}: from scratch (a full load, or people given
 * as objects) or by extending existing columns with the rows recorded since (an incremental
 * load). Both keep each person's rows in arrival order after the rows they already had, and
 * both end with sorted codes, so that extending a snapshot gives exactly what a full load of
 * the same store gives.
 */
import type { Instant } from '../dates.js';
import type { Person } from '../facts.js';
import { CodeTable } from './code-table.js';
import type { PersonColumns } from './columns.js';
import { factRow } from './fact-row.js';
import { idAt, idTableFromStrings, type IdTable } from './id-table.js';
import { RowBuffer } from './row-buffer.js';

/** A retraction of a row already in the columns: the person's `ordinal`-th row (0-based). */
export interface RowRetraction {
  readonly person: number;
  readonly ordinal: number;
  readonly retractedAt: Instant;
}

interface Target {
  readonly factStart: Int32Array;
  readonly type: Uint8Array;
  readonly flag: Uint8Array;
  readonly from: Int32Array;
  readonly through: Int32Array;
  readonly aux: Int32Array;
  readonly code: Int32Array;
  readonly recordedAt: Float64Array;
  readonly retractedAt: Float64Array;
}

function allocate(factStart: Int32Array, total: number): Target {
  return {
    factStart,
    type: new Uint8Array(total),
    flag: new Uint8Array(total),
    from: new Int32Array(total),
    through: new Int32Array(total),
    aux: new Int32Array(total),
    code: new Int32Array(total),
    recordedAt: new Float64Array(total),
    retractedAt: new Float64Array(total),
  };
}

function isGrouped(rows: RowBuffer): boolean {
  const person = rows.person;
  for (let i = 1; i < rows.length; i++) if (person[i]! < person[i - 1]!) return false;
  return true;
}

function finish(ids: IdTable, target: Target, codes: CodeTable): PersonColumns {
  const { codes: sorted, remap } = codes.sorted();
  const code = target.code;
  let identity = true;
  for (let c = 0; c < remap.length; c++) if (remap[c] !== c) identity = false;
  if (!identity) for (let i = 0; i < code.length; i++) code[i] = remap[code[i]!]!;
  return { ids, ...target, codes: sorted };
}

/**
 * Columns from rows whose `person` indexes `ids`. Rows that arrive grouped by person (a
 * store read in person order, or bulk-loaded in that order) are taken over without a copy.
 */
export function groupRows(ids: IdTable, rows: RowBuffer, codes: CodeTable): PersonColumns {
  const n = rows.length;
  const factStart = new Int32Array(ids.count + 1);
  for (let i = 0; i < n; i++) factStart[rows.person[i]! + 1]!++;
  for (let p = 0; p < ids.count; p++) factStart[p + 1]! += factStart[p]!;

  if (isGrouped(rows)) {
    const take = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => (a.length === n ? a : (a.slice(0, n) as T));
    const target: Target = {
      factStart,
      type: take(rows.type),
      flag: take(rows.flag),
      from: take(rows.from),
      through: take(rows.through),
      aux: take(rows.aux),
      code: take(rows.code),
      recordedAt: take(rows.recordedAt),
      retractedAt: take(rows.retractedAt),
    };
    return finish(ids, target, codes);
  }
  const target = allocate(factStart, n);
  const cursor = factStart.slice(0, ids.count);
  for (let i = 0; i < n; i++) copyRow(rows, i, target, cursor[rows.person[i]!]!++);
  return finish(ids, target, codes);
}

function copyRow(rows: RowBuffer, i: number, t: Target, j: number): void {
  t.type[j] = rows.type[i]!;
  t.flag[j] = rows.flag[i]!;
  t.from[j] = rows.from[i]!;
  t.through[j] = rows.through[i]!;
  t.aux[j] = rows.aux[i]!;
  t.code[j] = rows.code[i]!;
  t.recordedAt[j] = rows.recordedAt[i]!;
  t.retractedAt[j] = rows.retractedAt[i]!;
}

/**
 * `old` extended by rows recorded since it was made. `ids` holds every person (old and new,
 * in byte order) and `fromOld` the new index of each old person; `rows.person` indexes
 * `ids`; `codes` must start with `old.codes` at the same indices. Each person's new rows go
 * after their old ones. `retractions` name old rows by old person index.
 */
export function extendColumns(
  old: PersonColumns,
  ids: IdTable,
  fromOld: Int32Array,
  rows: RowBuffer,
  codes: CodeTable,
  retractions: readonly RowRetraction[],
): PersonColumns {
  const oldStart = old.factStart;
  const total = oldStart[old.ids.count]! + rows.length;
  const factStart = new Int32Array(ids.count + 1);
  for (let p = 0; p < old.ids.count; p++) factStart[fromOld[p]! + 1] = oldStart[p + 1]! - oldStart[p]!;
  for (let i = 0; i < rows.length; i++) factStart[rows.person[i]! + 1]!++;
  for (let p = 0; p < ids.count; p++) factStart[p + 1]! += factStart[p]!;

  const target = allocate(factStart, total);
  const cursor = factStart.slice(0, ids.count);
  for (let p = 0; p < old.ids.count; p++) {
    const m = fromOld[p]!;
    let j = cursor[m]!;
    for (let i = oldStart[p]!; i < oldStart[p + 1]!; i++, j++) {
      target.type[j] = old.type[i]!;
      target.flag[j] = old.flag[i]!;
      target.from[j] = old.from[i]!;
      target.through[j] = old.through[i]!;
      target.aux[j] = old.aux[i]!;
      target.code[j] = old.code[i]!;
      target.recordedAt[j] = old.recordedAt[i]!;
      target.retractedAt[j] = old.retractedAt[i]!;
    }
    cursor[m] = j;
  }
  for (const r of retractions) {
    const count = oldStart[r.person + 1]! - oldStart[r.person]!;
    if (r.ordinal < 0 || r.ordinal >= count) throw new RangeError(`person ${r.person} has no fact number ${r.ordinal}`);
    target.retractedAt[factStart[fromOld[r.person]!]! + r.ordinal] = r.retractedAt;
  }
  for (let i = 0; i < rows.length; i++) copyRow(rows, i, target, cursor[rows.person[i]!]!++);
  return finish(ids, target, codes);
}

/** Columns of people given as objects (tests, benchmarks, in-memory populations). */
export function columnsFromPeople(people: readonly Person[]): PersonColumns {
  const ids = idTableFromStrings(people.map((p) => p.id));
  const codes = new CodeTable();
  const rows = new RowBuffer(people.reduce((n, p) => n + p.facts.length, 0));
  // People arrive in any order; their index is their rank in byte order.
  const rank = new Map<string, number>();
  for (let p = 0; p < ids.count; p++) rank.set(idAt(ids, p), p);
  for (const person of people) {
    const p = rank.get(person.id)!;
    for (const fact of person.facts) rows.push(p, factRow(fact), codes, fact.retractedAt);
  }
  return groupRows(ids, rows, codes);
}

/** Columns with no people. */
export const emptyColumns = (): PersonColumns => groupRows(idTableFromStrings([]), new RowBuffer(0), new CodeTable());

/** Marks rows of fresh columns as retracted (a full load whose retractions arrive by position). */
export function retractRows(columns: PersonColumns, retractions: readonly RowRetraction[]): void {
  const { factStart, retractedAt } = columns;
  for (const r of retractions) {
    const start = factStart[r.person]!;
    if (r.ordinal < 0 || start + r.ordinal >= factStart[r.person + 1]!) throw new RangeError(`person ${r.person} has no fact number ${r.ordinal}`);
    retractedAt[start + r.ordinal] = r.retractedAt;
  }
}
