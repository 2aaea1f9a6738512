/**
 * Every fact the engine knows, as readonly discriminated unions (spec: facts-and-decisions.md).
 *
 * Every fact is bitemporal: `from`/`through` is valid time (inclusive day numbers, `null` =
 * open-ended) and `recordedAt`/`retractedAt` is transaction time. Facts are never changed:
 * a correction is a new fact, a withdrawal sets `retractedAt` through a new event.
 */
import type { Day, Instant } from './dates.js';

/** Transaction time shared by every fact. */
export interface Recorded {
  readonly id: string;
  readonly recordedAt: Instant;
  readonly retractedAt?: Instant | undefined;
}

/** Valid time: both ends inclusive; `through: null` means no end. */
export interface Period {
  readonly from: Day;
  readonly through: Day | null;
}

/** ISO 3166-1 alpha-2, including the user-assigned XA–XZ. */
export type CountryCode = string;

export const FINAL_ORDER_KINDS = ['removal', 'expedited_removal', 'reinstatement'] as const;
export const PROTECTION_KINDS = ['withholding', 'cat_withholding', 'cat_deferral'] as const;
export const HOLD_KINDS = ['medical', 'legal', 'investigative'] as const;
export const CLAIM_RESOLUTIONS = ['verified', 'rejected'] as const;
export const TRANSPORT_SIDES = ['sending', 'receiving'] as const;

export interface NationalityFact extends Recorded {
  readonly type: 'nationality';
  readonly country: CountryCode;
}
export interface FinalOrderFact extends Recorded, Period {
  readonly type: 'final_order';
  readonly kind: (typeof FINAL_ORDER_KINDS)[number];
}
export interface AppealFact extends Recorded, Period {
  readonly type: 'appeal';
  readonly stay: boolean;
}
export interface StayFact extends Recorded, Period {
  readonly type: 'stay';
}
export interface TpsFact extends Recorded, Period {
  readonly type: 'tps';
  readonly designation: string;
}
export interface ProtectionFact extends Recorded, Period {
  readonly type: 'protection';
  readonly kind: (typeof PROTECTION_KINDS)[number];
  readonly country: CountryCode;
}
export interface LawfulStatusFact extends Recorded, Period {
  readonly type: 'lawful_status';
  readonly kind: string;
}
export interface CitizenshipClaimFact extends Recorded {
  readonly type: 'citizenship_claim';
  readonly country: CountryCode;
  readonly from: Day;
  readonly resolution?: (typeof CLAIM_RESOLUTIONS)[number] | undefined;
  readonly resolvedOn?: Day | undefined;
}
export interface TravelDocumentFact extends Recorded {
  readonly type: 'travel_document';
  readonly country: CountryCode;
  readonly from: Day;
  readonly through: Day;
}
export interface HoldFact extends Recorded, Period {
  readonly type: 'hold';
  readonly kind: (typeof HOLD_KINDS)[number];
}
export interface CustodyFact extends Recorded, Period {
  readonly type: 'custody';
  readonly facility: string;
}
export interface NoticeFact extends Recorded {
  readonly type: 'notice';
  readonly servedOn: Day;
  readonly counsel: boolean;
}
export interface FamilyFact extends Recorded {
  readonly type: 'family';
  readonly group: string;
}

export type PersonFact =
  | NationalityFact
  | FinalOrderFact
  | AppealFact
  | StayFact
  | TpsFact
  | ProtectionFact
  | LawfulStatusFact
  | CitizenshipClaimFact
  | TravelDocumentFact
  | HoldFact
  | CustodyFact
  | NoticeFact
  | FamilyFact;

export interface TpsDesignationFact extends Recorded, Period {
  readonly type: 'tps_designation';
  readonly designation: string;
  readonly country: CountryCode;
  readonly citation: string;
}
export interface ClassOrderFact extends Recorded, Period {
  readonly type: 'class_order';
  readonly criteria: { readonly nationality?: readonly CountryCode[]; readonly facility?: readonly string[] };
  readonly citation: string;
}
export interface ReturnAgreementFact extends Recorded, Period {
  readonly type: 'return_agreement';
  readonly country: CountryCode;
  readonly weeklyCap?: number | undefined;
  readonly requiresTravelDocument: boolean;
  readonly transport: (typeof TRANSPORT_SIDES)[number];
}

export type ProgramFact = TpsDesignationFact | ClassOrderFact | ReturnAgreementFact;
export type Fact = PersonFact | ProgramFact;

export type PersonFactType = PersonFact['type'];
export type ProgramFactType = ProgramFact['type'];

export const PERSON_FACT_TYPES: readonly PersonFactType[] = [
  'nationality',
  'final_order',
  'appeal',
  'stay',
  'tps',
  'protection',
  'lawful_status',
  'citizenship_claim',
  'travel_document',
  'hold',
  'custody',
  'notice',
  'family',
];
export const PROGRAM_FACT_TYPES: readonly ProgramFactType[] = ['tps_designation', 'class_order', 'return_agreement'];

export interface Person {
  readonly id: string;
  readonly facts: readonly PersonFact[];
}

/** A fact with a valid-time period of its own (everything except nationality, notice, family). */
export function periodOf(fact: Fact): Period | undefined {
  switch (fact.type) {
    case 'nationality':
    case 'notice':
    case 'family':
      return undefined;
    case 'citizenship_claim':
      return { from: fact.from, through: null };
    case 'final_order':
    case 'appeal':
    case 'stay':
    case 'tps':
    case 'protection':
    case 'lawful_status':
    case 'travel_document':
    case 'hold':
    case 'custody':
    case 'tps_designation':
    case 'class_order':
    case 'return_agreement':
      return { from: fact.from, through: fact.through };
    default: {
      const unknown: never = fact;
      return unknown;
    }
  }
}

/** Whether a period covers a day. */
export const covers = (period: Period, day: Day): boolean =>
  period.from <= day && (period.through === null || day <= period.through);
