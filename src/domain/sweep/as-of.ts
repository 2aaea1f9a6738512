/**
 * The as-of sweep: the removability decision of facts-and-decisions.md for every person on
 * one date as known at one instant, with the same blocker codes as `decide`, in one pass
 * over the fact rows. Each person's rows are read once; what a rule needs beyond the row
 * itself (the destination, which is the first nationality and may be listed after the facts
 * that depend on it) is kept in small scratch arrays and settled after the person's rows.
 *
 * It answers `removable` and the codes only: `until`, `changesOn` and the facts behind each
 * blocker are the one-person decision's business (`decide`), asked for the people it names.
 */
import type { Day, Instant } from '../dates.js';
import {
  APPEAL_PENDING,
  CITIZENSHIP_CLAIM,
  CLASS_ORDER,
  HOLD,
  LAWFUL_STATUS,
  NO_FINAL_ORDER,
  NO_RETURN_AGREEMENT,
  NO_TRAVEL_DOCUMENT,
  PROTECTED_FROM_COUNTRY,
  STAY_OF_REMOVAL,
  TPS_PROTECTED,
} from './blocker-bits.js';
import type { PersonColumns } from './columns.js';
import { FLAG_REJECTED, FLAG_STAY, NO_DAY, ROW_TYPE } from './fact-row.js';
import { AGREEMENT_NEEDS_DOCUMENT, AGREEMENT_NONE, agreementsOn, type CompiledClassOrder, type ProgramTables } from './program-tables.js';

export interface AsOf {
  readonly on: Day;
  readonly knownAt: Instant;
  /** Destination (first known nationality) of each person as a code, or -1 when none is known. */
  readonly destination: Int32Array;
  /** Blocker mask of each person (see blocker-bits); 0 = removable. */
  readonly blockers: Uint16Array;
}

/** The most rows any one person has: the size of the per-person scratch arrays. */
export function maxRowsPerPerson(columns: PersonColumns): number {
  let max = 0;
  const start = columns.factStart;
  for (let p = 0; p < columns.ids.count; p++) max = Math.max(max, start[p + 1]! - start[p]!);
  return max;
}

const matchesAny = (codes: Int32Array, n: number, set: Uint8Array): boolean => {
  for (let k = 0; k < n; k++) if (set[codes[k]!] === 1) return true;
  return false;
};

/** Whether a class order in effect on the day covers the person (all given criteria match). */
function classOrderApplies(
  orders: readonly CompiledClassOrder[],
  nationalities: Int32Array,
  nn: number,
  facilities: Int32Array,
  nf: number,
): boolean {
  for (const order of orders) {
    if (order.nationality !== null && !matchesAny(nationalities, nn, order.nationality)) continue;
    if (order.facility !== null && !matchesAny(facilities, nf, order.facility)) continue;
    return true;
  }
  return false;
}

const contains = (codes: Int32Array, n: number, code: number): boolean => {
  for (let k = 0; k < n; k++) if (codes[k] === code) return true;
  return false;
};

/** Every person's decision on `on` as known at `tables.knownAt`. */
export function sweepAsOf(columns: PersonColumns, tables: ProgramTables, on: Day): AsOf {
  const knownAt = tables.knownAt;
  const { factStart, type, flag, from, through, aux, code, recordedAt, retractedAt } = columns;
  const { designationFrom, designationThrough, classOrderFacility } = tables;
  const agreement = agreementsOn(tables, on);
  const orders = tables.classOrders.filter((o) => o.from <= on && on <= o.through);
  const people = columns.ids.count;
  const destination = new Int32Array(people);
  const blockers = new Uint16Array(people);
  const scratch = maxRowsPerPerson(columns);
  const nationalities = new Int32Array(scratch);
  const protections = new Int32Array(scratch);
  const documents = new Int32Array(scratch);
  const facilities = new Int32Array(scratch);

  for (let p = 0; p < people; p++) {
    let dest = -1;
    let mask = 0;
    let hasOrder = false;
    let nn = 0;
    let np = 0;
    let nd = 0;
    let nf = 0;
    const end = factStart[p + 1]!;
    for (let i = factStart[p]!; i < end; i++) {
      if (recordedAt[i]! > knownAt || retractedAt[i]! <= knownAt) continue;
      const covers = from[i]! <= on && on <= through[i]!;
      switch (type[i]!) {
        case ROW_TYPE.nationality:
          if (dest < 0) dest = code[i]!;
          nationalities[nn++] = code[i]!;
          break;
        case ROW_TYPE.final_order:
          if (covers) hasOrder = true;
          break;
        case ROW_TYPE.appeal:
          if (covers && (flag[i]! & FLAG_STAY) !== 0) mask |= APPEAL_PENDING;
          break;
        case ROW_TYPE.stay:
          if (covers) mask |= STAY_OF_REMOVAL;
          break;
        case ROW_TYPE.tps: {
          const d = code[i]!;
          if (covers && designationFrom[d]! <= on && on <= designationThrough[d]!) mask |= TPS_PROTECTED;
          break;
        }
        case ROW_TYPE.protection:
          if (covers) protections[np++] = code[i]!;
          break;
        case ROW_TYPE.lawful_status:
          if (covers) mask |= LAWFUL_STATUS;
          break;
        case ROW_TYPE.citizenship_claim:
          // Rejected: bars from `from` through `resolvedOn - 1`; otherwise from `from` on.
          if (from[i]! <= on && (flag[i] !== FLAG_REJECTED || (aux[i] !== NO_DAY && on < aux[i]!))) mask |= CITIZENSHIP_CLAIM;
          break;
        case ROW_TYPE.travel_document:
          if (covers) documents[nd++] = code[i]!;
          break;
        case ROW_TYPE.hold:
          if (covers) mask |= HOLD;
          break;
        case ROW_TYPE.custody:
          if (covers && classOrderFacility[code[i]!] === 1) facilities[nf++] = code[i]!;
          break;
        default:
          break;
      }
    }
    if (!hasOrder) mask |= NO_FINAL_ORDER;
    if (dest < 0) mask |= NO_RETURN_AGREEMENT;
    else {
      const state = agreement[dest]!;
      if (state === AGREEMENT_NONE) mask |= NO_RETURN_AGREEMENT;
      else if (state === AGREEMENT_NEEDS_DOCUMENT && !contains(documents, nd, dest)) mask |= NO_TRAVEL_DOCUMENT;
      if (contains(protections, np, dest)) mask |= PROTECTED_FROM_COUNTRY;
    }
    if (orders.length > 0 && classOrderApplies(orders, nationalities, nn, facilities, nf)) mask |= CLASS_ORDER;
    destination[p] = dest;
    blockers[p] = mask;
  }
  return { on, knownAt, destination, blockers };
}
