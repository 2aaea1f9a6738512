/**
 * Why a person is struck from a manifest. A strike always carries at least one code: the
 * blocker codes of the removability decision, the flight-level checks the planner also
 * applies (same spelling as its codes), and the administrative reasons people give.
 */
import { BLOCKER_CODES, BLOCKER_SENTENCES, type BlockerCode } from '../blockers.js';

/** Flight-level checks: not part of the removability decision, but no one boards without them. */
export const FLIGHT_CHECK_CODES = [
  'NOTICE_PERIOD',
  'NOT_IN_CUSTODY',
  'NOT_A_NATIONAL',
  'FAMILY_BLOCKED',
] as const;
/** Reasons a person gives when striking someone by hand. */
export const ADMINISTRATIVE_CODES = ['ADMINISTRATIVE', 'WITHDRAWN', 'CAPACITY'] as const;

export type FlightCheckCode = (typeof FLIGHT_CHECK_CODES)[number];
export type AdministrativeCode = (typeof ADMINISTRATIVE_CODES)[number];
export type StrikeCode = BlockerCode | FlightCheckCode | AdministrativeCode;

export const STRIKE_CODES: readonly StrikeCode[] = [
  ...BLOCKER_CODES,
  ...FLIGHT_CHECK_CODES,
  ...ADMINISTRATIVE_CODES,
];

export const isStrikeCode = (code: string): code is StrikeCode =>
  (STRIKE_CODES as readonly string[]).includes(code);

/** Plain-English sentence for each strike code, for the people affected, their counsel and the manifest owner. */
export const STRIKE_SENTENCES: Readonly<Record<StrikeCode, string>> = {
  ...BLOCKER_SENTENCES,
  NOTICE_PERIOD:
    'Notice of intended removal was not served on the person and on counsel of record early enough before the flight.',
  NOT_IN_CUSTODY: 'The person is not in custody on the date of the flight.',
  NOT_A_NATIONAL: 'The flight goes to a country of which the person is not known to be a national.',
  FAMILY_BLOCKED: 'The family travels together, and a member of the family may not take this flight.',
  ADMINISTRATIVE: 'Struck for an administrative reason stated by the person who struck them.',
  WITHDRAWN: 'Withdrawn from the manifest by the person who drafted or reviewed it.',
  CAPACITY: 'Struck to free a seat on the flight.',
};

/** One reason for a strike: the code and the ids of the facts that cause it (none for some codes). */
export interface StrikeReason {
  readonly code: StrikeCode;
  readonly facts: readonly string[];
}

/** `STAY_OF_REMOVAL (fact s1), NOTICE_PERIOD`: reasons as one short line. */
export const describeReasons = (reasons: readonly StrikeReason[]): string =>
  reasons
    .map((r) =>
      r.facts.length === 0
        ? r.code
        : `${r.code} (fact${r.facts.length > 1 ? 's' : ''} ${r.facts.join(', ')})`,
    )
    .join(', ');
