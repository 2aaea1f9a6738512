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
import type { Day, Instant } from '../domain/dates.js';
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

export function screenPerson(
  person: Person,
  program: ProgramView,
  flight: FlightInfo,
  knownAt: Instant,
  noticeDays: number,
): Screening {
  const readings = readPerson(person, knownAt, noticeDays);
  const decision = decideWith(person, program, {
    on: flight.date,
    knownAt,
    destination: flight.destinationCountry,
  });
  const reasons: StrikeReason[] = decision.blockers.map((b) => ({ code: b.code, facts: b.facts }));
  if (!readings.nationalities.includes(flight.destinationCountry))
    reasons.push({ code: 'NOT_A_NATIONAL', facts: [] });
  if (facilityOn(readings, flight.date) === undefined) reasons.push({ code: 'NOT_IN_CUSTODY', facts: [] });
  const notice = noticeRunsFrom(person, knownAt, noticeDays);
  if (notice === undefined || notice.from > flight.date) {
    reasons.push({ code: 'NOTICE_PERIOD', facts: notice === undefined ? [] : [notice.fact] });
  }
  reasons.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { personId: person.id, reasons, familyGroup: readings.familyGroup };
}
