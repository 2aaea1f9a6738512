/**
 * The population in columns: every person fact of every person as parallel typed arrays,
 * grouped by person (person `p` owns rows `factStart[p] .. factStart[p + 1]`), each person's
 * facts in the order they were recorded (the order the decision reads: first nationality
 * wins). People are in id byte order and codes in sorted order, so two loads of the same
 * facts give identical columns, however they were assembled.
 *
 * About 34 bytes per fact and no object per fact: six million facts take some 200 MB and a
 * pass over them touches memory in order.
 */
import type { IdTable } from './id-table.js';

export interface PersonColumns {
  readonly ids: IdTable;
  /** `ids.count + 1` row offsets. */
  readonly factStart: Int32Array;
  /** {@link ROW_TYPE} of each row. */
  readonly type: Uint8Array;
  readonly flag: Uint8Array;
  readonly from: Int32Array;
  readonly through: Int32Array;
  readonly aux: Int32Array;
  /** Index into `codes`. */
  readonly code: Int32Array;
  readonly recordedAt: Float64Array;
  /** `Infinity` when never retracted. */
  readonly retractedAt: Float64Array;
  /** Interned strings, sorted. */
  readonly codes: readonly string[];
}

/** Number of fact rows. */
export const factsOf = (columns: PersonColumns): number => columns.factStart[columns.ids.count]!;
