/**
 * The programme facts known at one instant, compiled against the population's code table:
 * the winning record of each TPS designation, the class orders, and the return agreements
 * by country. Programme facts are few (a hundred or so), so this is built per query; the
 * sweeps then read it by code index, with no string compared per person.
 */
import { winningDesignations } from '../context.js';
import type { Day, Instant } from '../dates.js';
import type { ClassOrderFact, ProgramFact, ReturnAgreementFact, TpsDesignationFact } from '../facts.js';
import { isKnownAt } from '../knowledge.js';
import { NO_DAY, OPEN_END } from './fact-row.js';

export interface CompiledClassOrder {
  readonly fact: ClassOrderFact;
  readonly from: Day;
  readonly through: Day;
  /** Membership by code of the nationalities listed, or `null` when the order names none. */
  readonly nationality: Uint8Array | null;
  /** Membership by code of the facilities listed, or `null` when the order names none. */
  readonly facility: Uint8Array | null;
}

export interface CompiledAgreement {
  readonly fact: ReturnAgreementFact;
  readonly from: Day;
  readonly through: Day;
  readonly requiresTravelDocument: boolean;
}

export interface ProgramTables {
  readonly knownAt: Instant;
  /** Period of each designation's winning record, by code; an empty period when none is known. */
  readonly designationFrom: Int32Array;
  readonly designationThrough: Int32Array;
  readonly designationRecord: readonly (TpsDesignationFact | undefined)[];
  readonly classOrders: readonly CompiledClassOrder[];
  /** Codes named as a facility by any class order: only custody there matters to the sweep. */
  readonly classOrderFacility: Uint8Array;
  /** Return agreements with each country, by code (`undefined`: none known). */
  readonly agreements: readonly (readonly CompiledAgreement[] | undefined)[];
}

function membership(index: ReadonlyMap<string, number>, size: number, values: readonly string[] | undefined): Uint8Array | null {
  if (values === undefined) return null;
  const set = new Uint8Array(size);
  for (const v of values) {
    const code = index.get(v);
    if (code !== undefined) set[code] = 1;
  }
  return set;
}

export function programTables(program: readonly ProgramFact[], codes: readonly string[], knownAt: Instant): ProgramTables {
  const size = codes.length;
  const index = new Map(codes.map((c, i) => [c, i]));
  const designationFrom = new Int32Array(size).fill(OPEN_END);
  const designationThrough = new Int32Array(size).fill(NO_DAY);
  const designationRecord: (TpsDesignationFact | undefined)[] = new Array<TpsDesignationFact | undefined>(size).fill(undefined);
  for (const [designation, record] of winningDesignations(program, knownAt)) {
    const code = index.get(designation);
    if (code === undefined) continue;
    designationFrom[code] = record.from;
    designationThrough[code] = record.through ?? OPEN_END;
    designationRecord[code] = record;
  }

  const classOrders: CompiledClassOrder[] = [];
  const classOrderFacility = new Uint8Array(size);
  const agreements: (CompiledAgreement[] | undefined)[] = new Array<CompiledAgreement[] | undefined>(size).fill(undefined);
  for (const fact of program) {
    if (!isKnownAt(fact, knownAt)) continue;
    if (fact.type === 'class_order') {
      const facility = membership(index, size, fact.criteria.facility);
      if (facility !== null) for (let c = 0; c < size; c++) classOrderFacility[c]! |= facility[c]!;
      classOrders.push({
        fact,
        from: fact.from,
        through: fact.through ?? OPEN_END,
        nationality: membership(index, size, fact.criteria.nationality),
        facility,
      });
    } else if (fact.type === 'return_agreement') {
      const code = index.get(fact.country);
      if (code === undefined) continue;
      const list = (agreements[code] ??= []);
      list.push({ fact, from: fact.from, through: fact.through ?? OPEN_END, requiresTravelDocument: fact.requiresTravelDocument });
    }
  }
  return { knownAt, designationFrom, designationThrough, designationRecord, classOrders, classOrderFacility, agreements };
}

/** What the agreements with a country say on one day. */
export const AGREEMENT_NONE = 0;
export const AGREEMENT_IN_EFFECT = 1;
/** In effect, and every agreement in effect requires a travel document. */
export const AGREEMENT_NEEDS_DOCUMENT = 2;

/** {@link AGREEMENT_NONE} / {@link AGREEMENT_IN_EFFECT} / {@link AGREEMENT_NEEDS_DOCUMENT} by code, on one day. */
export function agreementsOn(tables: ProgramTables, on: Day): Uint8Array {
  const state = new Uint8Array(tables.agreements.length);
  tables.agreements.forEach((list, code) => {
    if (list === undefined) return;
    const inEffect = list.filter((a) => a.from <= on && on <= a.through);
    if (inEffect.length === 0) return;
    state[code] = inEffect.every((a) => a.requiresTravelDocument) ? AGREEMENT_NEEDS_DOCUMENT : AGREEMENT_IN_EFFECT;
  });
  return state;
}

/** Disjoint runs of days `[from, through]` in a horizon, flattened as `[from0, through0, from1, …]`. */
export type Runs = Int32Array;

/**
 * For each country code, within `[first, last]`: the runs of days with no agreement in
 * effect, and the runs on which every agreement in effect requires a travel document.
 * Countries with no agreement at all share one run covering the horizon.
 */
export function agreementRuns(tables: ProgramTables, first: Day, last: Day): { none: Runs[]; needsDocument: Runs[] } {
  const whole = Int32Array.of(first, last);
  const empty = new Int32Array(0);
  const none: Runs[] = [];
  const needsDocument: Runs[] = [];
  tables.agreements.forEach((list, code) => {
    if (list === undefined) {
      none[code] = whole;
      needsDocument[code] = empty;
      return;
    }
    // The state is constant between these points; test each segment once.
    const points = new Set<Day>([first]);
    for (const a of list) {
      if (a.from > first && a.from <= last) points.add(a.from);
      if (a.through >= first && a.through < last) points.add(a.through + 1);
    }
    const starts = [...points].sort((x, y) => x - y);
    const noneRuns: number[] = [];
    const documentRuns: number[] = [];
    starts.forEach((start, k) => {
      const end = k + 1 < starts.length ? starts[k + 1]! - 1 : last;
      const inEffect = list.filter((a) => a.from <= start && start <= a.through);
      const target = inEffect.length === 0 ? noneRuns : inEffect.every((a) => a.requiresTravelDocument) ? documentRuns : null;
      if (target === null) return;
      if (target.length > 0 && target[target.length - 1] === start - 1) target[target.length - 1] = end;
      else target.push(start, end);
    });
    none[code] = Int32Array.from(noneRuns);
    needsDocument[code] = Int32Array.from(documentRuns);
  });
  return { none, needsDocument };
}
