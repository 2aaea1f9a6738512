/**
 * What the planner reads from a person's facts besides the removability decision
 * (spec: plan-instance.md, "Readings"): nationalities, family group, when notice has run,
 * and the facility they are held at on a day. Every fact read is one known at `knownAt`.
 */
import type { Day, Instant } from '../domain/dates.js';
import type { CountryCode, CustodyFact, Person, PersonFact } from '../domain/facts.js';
import { covers } from '../domain/facts.js';
import { isKnownAt } from '../domain/knowledge.js';

export interface PersonReadings {
  /** Known nationalities, in the order listed, without repeats. */
  readonly nationalities: readonly CountryCode[];
  /** The group of the first known `family` fact, if any. */
  readonly familyGroup: string | undefined;
  /** First day a flight may leave with the person, given notice; `undefined` when no notice is known. */
  readonly noticeRunsFrom: Day | undefined;
  /** Known custody facts, most authoritative first (see {@link facilityOn}). */
  readonly custody: readonly CustodyFact[];
}

/**
 * Custody facts should not overlap; when they do (a move recorded without closing the old
 * stay), the stay that began last is where the person is, then the one recorded last,
 * then the one listed last.
 */
function custodyOrder(facts: readonly PersonFact[]): CustodyFact[] {
  const listed = facts.flatMap((f, i) => (f.type === 'custody' ? [{ f, i }] : []));
  listed.sort((a, b) => b.f.from - a.f.from || b.f.recordedAt - a.f.recordedAt || b.i - a.i);
  return listed.map((x) => x.f);
}

export function readPerson(person: Person, knownAt: Instant, noticeDays: number): PersonReadings {
  const known = person.facts.filter((f) => isKnownAt(f, knownAt));
  const nationalities: CountryCode[] = [];
  let familyGroup: string | undefined;
  let noticeRunsFrom: Day | undefined;
  for (const fact of known) {
    if (fact.type === 'nationality' && !nationalities.includes(fact.country))
      nationalities.push(fact.country);
    else if (fact.type === 'family' && familyGroup === undefined) familyGroup = fact.group;
    else if (fact.type === 'notice') {
      const runs = fact.servedOn + noticeDays;
      if (noticeRunsFrom === undefined || runs < noticeRunsFrom) noticeRunsFrom = runs;
    }
  }
  return { nationalities, familyGroup, noticeRunsFrom, custody: custodyOrder(known) };
}

/** The facility the person is held at on `day`, or `undefined` when not in custody. */
export function facilityOn(readings: PersonReadings, day: Day): string | undefined {
  for (const c of readings.custody) if (covers(c, day)) return c.facility;
  return undefined;
}
