/**
 * A planning problem and its answer, in domain values (spec: plan-instance.md). The
 * interchange form (JSON with ISO dates) is parsed into these by `src/contract/plan-instance.ts`
 * and written back by `src/contract/plan-json.ts`.
 */
import type { BlockerCode } from '../domain/blockers.js';
import type { Day, Instant } from '../domain/dates.js';
import type { CountryCode, Person, ProgramFact } from '../domain/facts.js';

/** An airport the instance lists: three upper-case letters, IATA-style. */
export interface Airport {
  readonly code: string;
  readonly country: CountryCode;
}

/** The cost of moving one person from a facility to an origin airport; unlisted pairs cannot be used. */
export interface Transfer {
  readonly facility: string;
  readonly airport: string;
  readonly cost: number;
}

export interface Flight {
  readonly id: string;
  readonly date: Day;
  readonly origin: string;
  readonly destination: string;
  readonly seats: number;
}

/** A person of the instance, with the value of returning them. */
export interface PlanPerson extends Person {
  readonly value: number;
}

export interface PlanInstance {
  readonly knownAt: Instant;
  readonly noticeDays: number;
  readonly reference: 'none' | 'builtin';
  /** Every programme fact the decisions read: the instance's own, plus the built-in ones for `reference: builtin`. */
  readonly program: readonly ProgramFact[];
  readonly airports: readonly Airport[];
  readonly transfers: readonly Transfer[];
  readonly flights: readonly Flight[];
  readonly persons: readonly PlanPerson[];
  /**
   * Store planning only, not part of the interchange format: people already held on
   * manifests of flights outside this instance (or flown), by destination country and flight
   * date. They count against the weekly caps of their weeks (rule 6), for the optimiser and
   * the checker alike. An exported instance file cannot carry them.
   */
  readonly committed?: readonly CommittedFlight[];
}

/** People committed to one destination on one day, on a flight outside the instance. */
export interface CommittedFlight {
  readonly country: CountryCode;
  readonly date: Day;
  readonly people: number;
}

/** Reasons of the planner itself, beside the blocker codes of the decision. */
export const PLANNER_CODES = [
  'NOTICE_PERIOD',
  'NOT_IN_CUSTODY',
  'NO_FLIGHT',
  'FAMILY_BLOCKED',
  'CAPACITY',
  'NOT_WORTH',
] as const;
export type PlannerCode = (typeof PLANNER_CODES)[number];
export type ReasonCode = BlockerCode | PlannerCode;

/** Plain-English sentence for each planner code (blocker codes have theirs in `domain/blockers.ts`). */
export const PLANNER_SENTENCES: Readonly<Record<PlannerCode, string>> = {
  NOTICE_PERIOD: 'No notice of intended removal was served early enough before any flight.',
  NOT_IN_CUSTODY: 'The person is not in custody on the date of any flight they could otherwise take.',
  NO_FLIGHT:
    'No flight goes to a country of the person’s nationality from an airport their facility can reach.',
  FAMILY_BLOCKED: 'The family travels together, and no flight can take every member.',
  CAPACITY: 'Eligible, but no seat or weekly acceptance cap was left on any flight they could take.',
  NOT_WORTH: 'Moving the person to any flight they could take costs at least as much as the return is worth.',
};

export interface Assignment {
  readonly person: string;
  readonly flight: string;
}

export interface Unassigned {
  readonly person: string;
  /** Sorted codes; strings because a plan read from a file may hold anything. */
  readonly reasons: readonly string[];
}

/** The plan of the spec: every person once, in `assignments` or `unassigned`. */
export interface Plan {
  readonly assignments: readonly Assignment[];
  readonly unassigned: readonly Unassigned[];
  readonly objective: number;
  /** A proven upper bound on the optimum. */
  readonly bound: number;
}
