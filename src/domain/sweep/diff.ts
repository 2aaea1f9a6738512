/**
 * What changed between two instants of knowledge for one date: the people whose decision
 * (destination, removable, blocker codes) differs, and for each the facts that made the
 * difference — those known at one instant and not at the other (recorded or retracted in
 * between) that bear on a code that changed: person facts of the types the rule reads, and
 * programme facts (the designation record that won or stopped winning, class orders, the
 * agreements with the destination).
 */
import type { Instant } from '../dates.js';
import type { ProgramFact } from '../facts.js';
import { isKnownAt } from '../knowledge.js';
import type { AsOf } from './as-of.js';
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
import { ROW_TYPE } from './fact-row.js';
import type { ProgramTables } from './program-tables.js';

export interface Outcome {
  /** Code of the destination, or -1. */
  readonly destination: number;
  readonly blockers: number;
}

export interface PersonChange {
  readonly person: number;
  readonly before: Outcome;
  readonly after: Outcome;
  /** Positions (0-based, in recording order) of the person's facts that made the difference. */
  readonly rows: readonly number[];
  /** Programme facts that made the difference. */
  readonly programFacts: readonly ProgramFact[];
}

/** The row types each blocker's rule reads (nationality: through the destination or a class order). */
const READS: readonly (readonly [bit: number, types: readonly number[]])[] = [
  [APPEAL_PENDING, [ROW_TYPE.appeal]],
  [CITIZENSHIP_CLAIM, [ROW_TYPE.citizenship_claim]],
  [CLASS_ORDER, [ROW_TYPE.custody, ROW_TYPE.nationality]],
  [HOLD, [ROW_TYPE.hold]],
  [LAWFUL_STATUS, [ROW_TYPE.lawful_status]],
  [NO_FINAL_ORDER, [ROW_TYPE.final_order]],
  [NO_RETURN_AGREEMENT, [ROW_TYPE.nationality]],
  [NO_TRAVEL_DOCUMENT, [ROW_TYPE.travel_document, ROW_TYPE.nationality]],
  [PROTECTED_FROM_COUNTRY, [ROW_TYPE.protection, ROW_TYPE.nationality]],
  [STAY_OF_REMOVAL, [ROW_TYPE.stay]],
  [TPS_PROTECTED, [ROW_TYPE.tps]],
];

function typesRead(changed: number, destinationChanged: boolean): Set<number> {
  const types = new Set<number>();
  if (destinationChanged) types.add(ROW_TYPE.nationality);
  for (const [bit, read] of READS) if ((changed & bit) !== 0) for (const t of read) types.add(t);
  return types;
}

interface Instants {
  readonly before: Instant;
  readonly after: Instant;
}

const knownAtOne = (fact: ProgramFact, at: Instants): boolean => isKnownAt(fact, at.before) !== isKnownAt(fact, at.after);

function programCauses(
  columns: PersonColumns,
  person: number,
  changed: number,
  destinations: readonly number[],
  program: readonly ProgramFact[],
  tables: { readonly before: ProgramTables; readonly after: ProgramTables },
  at: Instants,
): ProgramFact[] {
  const causes = new Set<ProgramFact>();
  if ((changed & TPS_PROTECTED) !== 0) {
    for (let i = columns.factStart[person]!; i < columns.factStart[person + 1]!; i++) {
      if (columns.type[i] !== ROW_TYPE.tps) continue;
      const d = columns.code[i]!;
      for (const record of [tables.before.designationRecord[d], tables.after.designationRecord[d]]) {
        if (record !== undefined && knownAtOne(record, at)) causes.add(record);
      }
    }
  }
  const countries = new Set(destinations.filter((d) => d >= 0).map((d) => columns.codes[d]!));
  for (const fact of program) {
    if (!knownAtOne(fact, at)) continue;
    if (fact.type === 'class_order' && (changed & CLASS_ORDER) !== 0) causes.add(fact);
    if (fact.type === 'return_agreement' && (changed & (NO_RETURN_AGREEMENT | NO_TRAVEL_DOCUMENT)) !== 0 && countries.has(fact.country)) {
      causes.add(fact);
    }
  }
  return [...causes];
}

/** The people whose decision differs between two sweeps of the same date, with the causes. */
export function diffSweeps(
  columns: PersonColumns,
  program: readonly ProgramFact[],
  before: { readonly result: AsOf; readonly tables: ProgramTables },
  after: { readonly result: AsOf; readonly tables: ProgramTables },
): PersonChange[] {
  const at: Instants = { before: before.tables.knownAt, after: after.tables.knownAt };
  const tables = { before: before.tables, after: after.tables };
  const changes: PersonChange[] = [];
  const { factStart, type, recordedAt, retractedAt } = columns;
  for (let p = 0; p < columns.ids.count; p++) {
    const was: Outcome = { destination: before.result.destination[p]!, blockers: before.result.blockers[p]! };
    const now: Outcome = { destination: after.result.destination[p]!, blockers: after.result.blockers[p]! };
    if (was.destination === now.destination && was.blockers === now.blockers) continue;
    const changed = was.blockers ^ now.blockers;
    const types = typesRead(changed, was.destination !== now.destination);
    const rows: number[] = [];
    for (let i = factStart[p]!; i < factStart[p + 1]!; i++) {
      const knownBefore = recordedAt[i]! <= at.before && retractedAt[i]! > at.before;
      const knownAfter = recordedAt[i]! <= at.after && retractedAt[i]! > at.after;
      if (knownBefore !== knownAfter && types.has(type[i]!)) rows.push(i - factStart[p]!);
    }
    const programFacts = programCauses(columns, p, changed, [was.destination, now.destination], program, tables, at);
    changes.push({ person: p, before: was, after: now, rows, programFacts });
  }
  return changes;
}
