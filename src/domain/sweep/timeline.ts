/**
 * The timeline: every person's decision on every day of a horizon (one `knownAt`), summed
 * into counts per day × destination country × outcome and blocker.
 *
 * Nothing loops over days per person. Each person's facts are turned into the runs of days
 * on which each blocker applies (the facts' own boundary dates, clipped to the horizon);
 * each run adds +1 on its first day and -1 after its last in a difference array per
 * country and code, and one prefix sum per series at the end turns those into counts. The
 * cost is about the number of facts plus countries × codes × days, not people × days.
 *
 * Per person and code, overlapping runs are merged first (two holds that overlap count the
 * person once); "removable" is the complement of the union of all runs.
 */
import type { Day } from '../dates.js';
import { BLOCKER_BIT, BLOCKER_COUNT } from './blocker-bits.js';
import type { PersonColumns } from './columns.js';
import { FLAG_REJECTED, FLAG_STAY, NO_DAY, OPEN_END, ROW_TYPE } from './fact-row.js';
import { TaggedIntervals } from './intervals.js';
import { agreementRuns, type ProgramTables } from './program-tables.js';
import { NO_COUNTRY } from './summary.js';

export interface Timeline {
  readonly first: Day;
  readonly days: number;
  /** Country of each slot; slot 0 is {@link NO_COUNTRY}, the others are the destinations that occur, in the order met. */
  readonly countries: readonly string[];
  /** People per slot (the same on every day). */
  readonly people: Float64Array;
  /** Removable people, `[slot * days + day]`. */
  readonly removable: Int32Array;
  /** People under each blocker, `[(slot * BLOCKER_COUNT + bit) * days + day]`. */
  readonly blockers: Int32Array;
}

const APPEAL = BLOCKER_BIT.APPEAL_PENDING;
const CLAIM = BLOCKER_BIT.CITIZENSHIP_CLAIM;
const CLASS = BLOCKER_BIT.CLASS_ORDER;
const HOLD = BLOCKER_BIT.HOLD;
const LAWFUL = BLOCKER_BIT.LAWFUL_STATUS;
const NO_ORDER = BLOCKER_BIT.NO_FINAL_ORDER;
const NO_AGREEMENT = BLOCKER_BIT.NO_RETURN_AGREEMENT;
const NO_DOCUMENT = BLOCKER_BIT.NO_TRAVEL_DOCUMENT;
const PROTECTED = BLOCKER_BIT.PROTECTED_FROM_COUNTRY;
const STAY = BLOCKER_BIT.STAY_OF_REMOVAL;
const TPS = BLOCKER_BIT.TPS_PROTECTED;

/**
 * Removes from `[first, last]` the union of the intervals of `list` (sorted by first day)
 * whose tag is `only` (or all, when `only` is -1), and adds what is left under `tag`.
 */
function pushComplement(
  out: TaggedIntervals,
  tag: number,
  list: TaggedIntervals,
  only: number,
  first: number,
  last: number,
): void {
  let cursor = first;
  for (let k = 0; k < list.n && cursor <= last; k++) {
    if (only !== -1 && list.tag[k] !== only) continue;
    const a = list.from[k]!;
    if (a > cursor) out.push(tag, cursor, a - 1, first, last);
    const next = list.through[k]! + 1;
    if (next > cursor) cursor = next;
  }
  if (cursor <= last) out.push(tag, cursor, last, first, last);
}

/** Every person's decision on each day of `[first, last]` as known at `tables.knownAt`, as counts. */
export function sweepTimeline(columns: PersonColumns, tables: ProgramTables, first: Day, last: Day): Timeline {
  if (last < first) throw new RangeError('the horizon ends before it starts');
  const days = last - first + 1;
  const width = days + 1;
  const knownAt = tables.knownAt;
  const { factStart, type, flag, from, through, aux, code, recordedAt, retractedAt } = columns;
  const { designationFrom, designationThrough, classOrderFacility, classOrders } = tables;
  const { none, needsDocument } = agreementRuns(tables, first, last);
  // A slot per destination, given as destinations are met: slot 0 is "none".
  const slotOf = new Int32Array(columns.codes.length).fill(-1);
  const countries = [NO_COUNTRY];
  const capacity = columns.codes.length + 1;
  const people = new Float64Array(capacity);
  const removableDiff = new Int32Array(capacity * width);
  const blockerDiff = new Int32Array(capacity * BLOCKER_COUNT * width);

  const runs = new TaggedIntervals(); // blocker runs of the person, tag = bit
  const orders = new TaggedIntervals(); // final orders
  const documents = new TaggedIntervals(); // travel documents, tag = country
  const protections = new TaggedIntervals(); // tag = country
  const custody = new TaggedIntervals(); // tag = facility
  let nationalities = new Int32Array(16);
  const openRuns: OpenRuns = { from: new Int32Array(BLOCKER_COUNT), through: new Int32Array(BLOCKER_COUNT) };

  for (let p = 0; p < columns.ids.count; p++) {
    runs.n = orders.n = documents.n = protections.n = custody.n = 0;
    let nn = 0;
    let dest = -1;
    const end = factStart[p + 1]!;
    for (let i = factStart[p]!; i < end; i++) {
      if (recordedAt[i]! > knownAt || retractedAt[i]! <= knownAt) continue;
      const a = from[i]!;
      const b = through[i]!;
      switch (type[i]!) {
        case ROW_TYPE.nationality:
          if (dest < 0) dest = code[i]!;
          if (nn === nationalities.length) {
            const grown = new Int32Array(nn * 2);
            grown.set(nationalities);
            nationalities = grown;
          }
          nationalities[nn++] = code[i]!;
          break;
        case ROW_TYPE.final_order:
          orders.push(0, a, b, first, last);
          break;
        case ROW_TYPE.appeal:
          if ((flag[i]! & FLAG_STAY) !== 0) runs.push(APPEAL, a, b, first, last);
          break;
        case ROW_TYPE.stay:
          runs.push(STAY, a, b, first, last);
          break;
        case ROW_TYPE.tps: {
          const d = code[i]!;
          const df = designationFrom[d]!;
          const dt = designationThrough[d]!;
          runs.push(TPS, a > df ? a : df, b < dt ? b : dt, first, last);
          break;
        }
        case ROW_TYPE.protection:
          protections.push(code[i]!, a, b, first, last);
          break;
        case ROW_TYPE.lawful_status:
          runs.push(LAWFUL, a, b, first, last);
          break;
        case ROW_TYPE.citizenship_claim: {
          // Rejected: bars from `from` through `resolvedOn - 1`; otherwise from `from` on.
          const rejected = flag[i] === FLAG_REJECTED;
          const until = !rejected ? OPEN_END : aux[i] === NO_DAY ? a - 1 : aux[i]! - 1;
          runs.push(CLAIM, a, until, first, last);
          break;
        }
        case ROW_TYPE.travel_document:
          documents.push(code[i]!, a, b, first, last);
          break;
        case ROW_TYPE.hold:
          runs.push(HOLD, a, b, first, last);
          break;
        case ROW_TYPE.custody:
          if (classOrderFacility[code[i]!] === 1) custody.push(code[i]!, a, b, first, last);
          break;
        default:
          break;
      }
    }

    for (let k = 0; k < protections.n; k++) {
      if (protections.tag[k] === dest) runs.push(PROTECTED, protections.from[k]!, protections.through[k]!, first, last);
    }
    for (const order of classOrders) {
      if (order.nationality !== null) {
        let match = false;
        for (let k = 0; k < nn && !match; k++) match = order.nationality[nationalities[k]!] === 1;
        if (!match) continue;
      }
      if (order.facility === null) {
        runs.push(CLASS, order.from, order.through, first, last);
        continue;
      }
      for (let k = 0; k < custody.n; k++) {
        if (order.facility[custody.tag[k]!] !== 1) continue;
        const a = custody.from[k]!;
        const b = custody.through[k]!;
        runs.push(CLASS, a > order.from ? a : order.from, b < order.through ? b : order.through, first, last);
      }
    }
    orders.sortByFrom();
    pushComplement(runs, NO_ORDER, orders, -1, first, last);
    if (dest < 0) runs.push(NO_AGREEMENT, first, last, first, last);
    else {
      const gaps = none[dest]!;
      for (let k = 0; k < gaps.length; k += 2) runs.push(NO_AGREEMENT, gaps[k]!, gaps[k + 1]!, first, last);
      const needs = needsDocument[dest]!;
      if (needs.length > 0) {
        documents.sortByFrom();
        for (let k = 0; k < needs.length; k += 2) pushComplement(runs, NO_DOCUMENT, documents, dest, needs[k]!, needs[k + 1]!);
      }
    }

    let slot = 0;
    if (dest >= 0) {
      slot = slotOf[dest]!;
      if (slot < 0) {
        slot = slotOf[dest] = countries.length;
        countries.push(columns.codes[dest]!);
      }
    }
    people[slot]!++;
    addRuns(runs, openRuns, slot, first, last, width, blockerDiff, removableDiff);
  }

  const slots = countries.length;
  return {
    first,
    days,
    countries,
    people: people.slice(0, slots),
    removable: prefixSums(removableDiff, slots, width),
    blockers: prefixSums(blockerDiff, slots * BLOCKER_COUNT, width),
  };
}

/** Per code, the run being merged: its first and last day (reused for every person of a sweep). */
interface OpenRuns {
  readonly from: Int32Array;
  readonly through: Int32Array;
}

/**
 * Adds one person's runs to the difference arrays: per code the union of its runs, and
 * "removable" on the days no run covers. One pass over the runs sorted by first day does
 * both: each code keeps the run it is merging; the union of all is followed by a cursor.
 */
function addRuns(
  runs: TaggedIntervals,
  { from: openFrom, through: openThrough }: OpenRuns,
  slot: number,
  first: number,
  last: number,
  width: number,
  blockerDiff: Int32Array,
  removableDiff: Int32Array,
): void {
  runs.sortByFrom();
  const { from, through, tag } = runs;
  const removableBase = slot * width - first;
  const blockerBase = slot * BLOCKER_COUNT * width - first;
  let open = 0;
  let cursor = first;
  for (let k = 0; k < runs.n; k++) {
    const a = from[k]!;
    const b = through[k]!;
    const bit = tag[k]!;
    if (a > cursor) {
      removableDiff[removableBase + cursor]!++;
      removableDiff[removableBase + a]!--;
    }
    if (b + 1 > cursor) cursor = b + 1;
    if ((open & (1 << bit)) === 0) {
      open |= 1 << bit;
      openFrom[bit] = a;
      openThrough[bit] = b;
    } else if (a <= openThrough[bit]! + 1) {
      if (b > openThrough[bit]!) openThrough[bit] = b;
    } else {
      const base = blockerBase + bit * width;
      blockerDiff[base + openFrom[bit]!]!++;
      blockerDiff[base + openThrough[bit]! + 1]!--;
      openFrom[bit] = a;
      openThrough[bit] = b;
    }
  }
  if (cursor <= last) {
    removableDiff[removableBase + cursor]!++;
    removableDiff[removableBase + last + 1]!--;
  }
  for (let bit = 0; open !== 0; bit++, open >>>= 1) {
    if ((open & 1) === 0) continue;
    const base = blockerBase + bit * width;
    blockerDiff[base + openFrom[bit]!]!++;
    blockerDiff[base + openThrough[bit]! + 1]!--;
  }
}

/** Turns `series` difference arrays of `width` (days + 1) into counts of `width - 1` days. */
function prefixSums(diff: Int32Array, series: number, width: number): Int32Array {
  const days = width - 1;
  const out = new Int32Array(series * days);
  for (let s = 0; s < series; s++) {
    let sum = 0;
    for (let d = 0; d < days; d++) {
      sum += diff[s * width + d]!;
      out[s * days + d] = sum;
    }
  }
  return out;
}
