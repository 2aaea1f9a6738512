/**
 * A person fact as one row of numbers: the fields the removability decision reads, in the
 * shape the population engine keeps them (parallel typed arrays) and the store keeps a copy
 * of (`person_facts.packed`). Strings (country, designation, facility, kind) travel as one
 * `code` that the columns intern.
 *
 * The numbers are part of stored data: never renumber a type or a flag, only add.
 */
import type { Day, Instant } from '../dates.js';
import type { PersonFact, PersonFactType } from '../facts.js';

/** Stable number of each person fact type. */
export const ROW_TYPE = {
  nationality: 0,
  final_order: 1,
  appeal: 2,
  stay: 3,
  tps: 4,
  protection: 5,
  lawful_status: 6,
  citizenship_claim: 7,
  travel_document: 8,
  hold: 9,
  custody: 10,
  notice: 11,
  family: 12,
} as const satisfies Record<PersonFactType, number>;

/** One past the highest type number: a row with a type at or above it is not ours. */
export const ROW_TYPE_COUNT = 13;

/** `from` of a fact without a period (nationality, family): no first day. */
export const NO_DAY = -2_147_483_648;
/** `through` of an open-ended period, or of a fact without one. */
export const OPEN_END = 2_147_483_647;

/** `appeal`: removal is stayed while it is pending. `notice`: also served on counsel. */
export const FLAG_STAY = 1;
export const FLAG_COUNSEL = 1;
/** `citizenship_claim` resolutions (no flag: unresolved). */
export const FLAG_VERIFIED = 1;
export const FLAG_REJECTED = 2;

/** The decision fields of one person fact. */
export interface FactRow {
  readonly type: number;
  readonly flag: number;
  /** First day (`servedOn` for a notice), or {@link NO_DAY}. */
  readonly from: Day;
  /** Last day, or {@link OPEN_END}. */
  readonly through: Day;
  /** `resolvedOn` of a citizenship claim, else {@link NO_DAY}. */
  readonly aux: Day;
  /** Country, designation, facility or kind: whatever string the rules compare; '' if none. */
  readonly code: string;
  readonly recordedAt: Instant;
}

const row = (
  type: number,
  fact: PersonFact,
  fields: { flag?: number; from?: Day; through?: Day | null; aux?: Day | undefined; code?: string },
): FactRow => ({
  type,
  flag: fields.flag ?? 0,
  from: fields.from ?? NO_DAY,
  through: fields.through ?? OPEN_END,
  aux: fields.aux ?? NO_DAY,
  code: fields.code ?? '',
  recordedAt: fact.recordedAt,
});

/**
 * The row of a fact. A family's group is left out (only the planner reads it, and a large
 * population has tens of thousands of groups that would crowd the code table), as is the
 * kind of a protection (the rule reads only its country).
 */
export function factRow(fact: PersonFact): FactRow {
  switch (fact.type) {
    case 'nationality':
      return row(ROW_TYPE.nationality, fact, { code: fact.country });
    case 'final_order':
      return row(ROW_TYPE.final_order, fact, { from: fact.from, through: fact.through, code: fact.kind });
    case 'appeal':
      return row(ROW_TYPE.appeal, fact, { from: fact.from, through: fact.through, flag: fact.stay ? FLAG_STAY : 0 });
    case 'stay':
      return row(ROW_TYPE.stay, fact, { from: fact.from, through: fact.through });
    case 'tps':
      return row(ROW_TYPE.tps, fact, { from: fact.from, through: fact.through, code: fact.designation });
    case 'protection':
      return row(ROW_TYPE.protection, fact, { from: fact.from, through: fact.through, code: fact.country });
    case 'lawful_status':
      return row(ROW_TYPE.lawful_status, fact, { from: fact.from, through: fact.through, code: fact.kind });
    case 'citizenship_claim': {
      const flag = fact.resolution === 'verified' ? FLAG_VERIFIED : fact.resolution === 'rejected' ? FLAG_REJECTED : 0;
      return row(ROW_TYPE.citizenship_claim, fact, { from: fact.from, flag, aux: fact.resolvedOn, code: fact.country });
    }
    case 'travel_document':
      return row(ROW_TYPE.travel_document, fact, { from: fact.from, through: fact.through, code: fact.country });
    case 'hold':
      return row(ROW_TYPE.hold, fact, { from: fact.from, through: fact.through, code: fact.kind });
    case 'custody':
      return row(ROW_TYPE.custody, fact, { from: fact.from, through: fact.through, code: fact.facility });
    case 'notice':
      return row(ROW_TYPE.notice, fact, { from: fact.servedOn, flag: fact.counsel ? FLAG_COUNSEL : 0 });
    case 'family':
      return row(ROW_TYPE.family, fact, {});
    default: {
      const unknown: never = fact;
      return unknown;
    }
  }
}
