/**
 * May this person take this flight, with the facts known at an instant? The removability
 * decision with the flight's destination country, plus the flight-level checks the planner
 * applies (spec: plan-instance.md, rules 1–3): the destination is one of the person's
 * nationalities, the person is in custody on the flight date, and the notice period has run.
 *
 * Notice is read more strictly than the planner reads it: the issue asks that the period run
 * from when **both** the person and counsel of record were served, so only a `notice` fact
 * with `counsel: true` counts (see src/domain/notice-serving.ts for how serving sets it).
 */
import type { ProgramView } from '../domain/context.js';
import { dayOfInstant, type Day, type Instant } from '../domain/dates.js';
import { decideWith } from '../domain/decision.js';
import type { Person } from '../domain/facts.js';
import { isKnownAt } from '../domain/knowledge.js';
import type { Screening } from '../domain/manifest/decide.js';
import type { FlightInfo } from '../domain/manifest/manifest.js';
import type { StrikeReason } from '../domain/manifest/strike-codes.js';
import { facilityOn, readPerson } from '../planner/person-readings.js';

/** The first day a flight may leave with the person, and the notice facts that say so. */
export function noticeRunsFrom(
  person: Person,
  knownAt: Instant,
  noticeDays: number,
): { readonly from: Day; readonly fact: string } | undefined {
  let best: { from: Day; fact: string } | undefined;
  for (const f of person.facts) {
    if (f.type !== 'notice' || !f.counsel || !isKnownAt(f, knownAt)) continue;
    const from = f.servedOn + noticeDays;
    if (best === undefined || from < best.from) best = { from, fact: f.id };
  }
  return best;
}

/**
 * The day a person on a manifest is removed: the flight's date, or the day the step is taken
 * (boarding, departure) if that date has passed. A flight that leaves late, or a departure
 * recorded for a flight dated in the past, removes people on that later day, so a stay or a
 * hold in force on it must stop them even if it was not in force on the flight's date.
 */
export const removalDay = (flight: FlightInfo, at: Instant): Day => Math.max(flight.date, dayOfInstant(at));

/**
 * `on` is the day the person would be removed: the flight's date unless a later removal day
 * applies (`removalDay`, for the departure check and the departure).
 */
export function screenPerson(
  person: Person,
  program: ProgramView,
  flight: FlightInfo,
  knownAt: Instant,
  noticeDays: number,
  on: Day = flight.date,
): Screening {
  const readings = readPerson(person, knownAt, noticeDays);
  const decision = decideWith(person, program, {
    on,
    knownAt,
    destination: flight.destinationCountry,
  });
  const reasons: StrikeReason[] = decision.blockers.map((b) => ({ code: b.code, facts: b.facts }));
  if (!readings.nationalities.includes(flight.destinationCountry))
    reasons.push({ code: 'NOT_A_NATIONAL', facts: [] });
  if (facilityOn(readings, on) === undefined) reasons.push({ code: 'NOT_IN_CUSTODY', facts: [] });
  const notice = noticeRunsFrom(person, knownAt, noticeDays);
  if (notice === undefined || notice.from > on) {
    reasons.push({ code: 'NOTICE_PERIOD', facts: notice === undefined ? [] : [notice.fact] });
  }
  reasons.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { personId: person.id, reasons, familyGroup: readings.familyGroup };
}
