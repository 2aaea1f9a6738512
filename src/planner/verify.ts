/**
 * The independent checker of `repatria plan verify` (spec: plan-instance.md). It shares no
 * code with the optimiser: it reads the instance afresh, asks the removability decision
 * (`decideWith`) about every assignment, re-counts seats and weekly caps, recomputes the
 * objective, and checks that every unassigned person's reasons are true of them. It returns
 * the violations it finds (none for a lawful plan) and the seat and cap use of the plan.
 */
import { BLOCKER_CODES } from '../domain/blockers.js';
import { programView, type ProgramView } from '../domain/context.js';
import { isoWeekStart, formatDay, type Day } from '../domain/dates.js';
import { decideWith, type Decision } from '../domain/decision.js';
import { covers, type CountryCode, type CustodyFact, type PersonFact } from '../domain/facts.js';
import { isKnownAt } from '../domain/knowledge.js';
import { PLANNER_CODES, type Flight, type Plan, type PlanInstance, type PlanPerson } from './instance.js';

export type ViolationRule =
  | 'PERSON_UNKNOWN'
  | 'PERSON_TWICE'
  | 'PERSON_MISSING'
  | 'FLIGHT_UNKNOWN'
  | 'NOT_A_NATIONAL'
  | 'NOT_REMOVABLE'
  | 'NOT_IN_CUSTODY'
  | 'NO_TRANSFER'
  | 'NOTICE_PERIOD'
  | 'FAMILY_SPLIT'
  | 'SEATS'
  | 'WEEKLY_CAP'
  | 'OBJECTIVE'
  | 'BOUND'
  | 'REASONS';

export interface Violation {
  readonly rule: ViolationRule;
  /** Which record: `person "P3", flight "FL1"`, `flight "FL1"`, `GT, week of 2025-03-03`, `plan`. */
  readonly record: string;
  readonly message: string;
}

export interface FlightUse {
  readonly flight: string;
  readonly date: Day;
  readonly country: CountryCode;
  readonly used: number;
  readonly seats: number;
}

export interface WeekUse {
  readonly country: CountryCode;
  readonly week: Day;
  readonly used: number;
  /** The cap that binds the week given its used flights; `Infinity` for none. */
  readonly cap: number;
}

export interface VerifyReport {
  readonly violations: readonly Violation[];
  /** The objective recomputed from the instance. */
  readonly objective: number;
  readonly flights: readonly FlightUse[];
  readonly weeks: readonly WeekUse[];
}

const KNOWN_CODES: ReadonlySet<string> = new Set([...BLOCKER_CODES, ...PLANNER_CODES]);
/** Reasons that say the person could have gone on their own. */
const ELIGIBLE_CODES: ReadonlySet<string> = new Set(['FAMILY_BLOCKED', 'CAPACITY', 'NOT_WORTH']);

/** Relative tolerance for recomputed sums (floating-point addition in another order). */
const TOLERANCE = 1e-9;
const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

/** One person's facts as known at the instance's `knownAt`, read the way the spec reads them. */
interface Known {
  readonly person: PlanPerson;
  readonly nationalities: readonly CountryCode[];
  readonly family: string | undefined;
  readonly notices: readonly Day[];
  readonly custody: readonly CustodyFact[];
}

function known(person: PlanPerson, instance: PlanInstance): Known {
  const facts: PersonFact[] = person.facts.filter((f) => isKnownAt(f, instance.knownAt));
  const nationalities: CountryCode[] = [];
  const notices: Day[] = [];
  const custody: CustodyFact[] = [];
  let family: string | undefined;
  for (const f of facts) {
    if (f.type === 'nationality') nationalities.push(f.country);
    if (f.type === 'notice') notices.push(f.servedOn);
    if (f.type === 'custody') custody.push(f);
    if (f.type === 'family') family ??= f.group;
  }
  return { person, nationalities, family, notices, custody };
}

/** The facility a person is held at on a day: of overlapping stays, the one begun last (then recorded last, then listed last). */
function facilityOn(k: Known, day: Day): string | undefined {
  let best: { fact: CustodyFact; index: number } | undefined;
  k.custody.forEach((fact, index) => {
    if (!covers(fact, day)) return;
    if (
      best === undefined ||
      fact.from > best.fact.from ||
      (fact.from === best.fact.from && fact.recordedAt >= best.fact.recordedAt)
    )
      best = { fact, index };
  });
  return best?.fact.facility;
}

const noticeRun = (k: Known, day: Day, noticeDays: number): boolean =>
  k.notices.some((served) => served + noticeDays <= day);

/** The cap in effect for a country on a day: none (Infinity) if an agreement in effect has none, the largest otherwise. */
function capInEffect(view: ProgramView, country: CountryCode, day: Day): number {
  const caps = (view.agreementsByCountry.get(country) ?? [])
    .filter((a) => covers(a, day))
    .map((a) => a.weeklyCap ?? Number.POSITIVE_INFINITY);
  return caps.length === 0 ? 0 : Math.max(...caps);
}

/** Everything the checker needs about the instance, indexed once. */
interface Checker {
  readonly instance: PlanInstance;
  readonly view: ProgramView;
  readonly countryOf: ReadonlyMap<string, CountryCode>;
  /** Transfer cost from a facility to an airport, `undefined` when the pair is not listed. */
  transfer(facility: string, airport: string): number | undefined;
  readonly flightById: ReadonlyMap<string, Flight>;
  readonly personIds: ReadonlySet<string>;
  /** Decisions per person, country and day, asked once. */
  decision(k: Known, country: CountryCode, day: Day): Decision;
}

function checker(instance: PlanInstance): Checker {
  const view = programView(instance.program, instance.knownAt);
  // A decision holds from its day until the day before `changesOn` (the engine's own
  // promise), so each person and country needs a decision only where the answer changes.
  const cache = new WeakMap<Known, Map<CountryCode, { from: Day; until: Day; decision: Decision }[]>>();
  const transfers = new Map<string, Map<string, number>>();
  for (const t of instance.transfers) {
    const byAirport = transfers.get(t.facility) ?? new Map<string, number>();
    byAirport.set(t.airport, t.cost);
    transfers.set(t.facility, byAirport);
  }
  return {
    instance,
    view,
    countryOf: new Map(instance.airports.map((a) => [a.code, a.country])),
    transfer: (facility, airport) => transfers.get(facility)?.get(airport),
    flightById: new Map(instance.flights.map((f) => [f.id, f])),
    personIds: new Set(instance.persons.map((p) => p.id)),
    decision(k, country, day) {
      let byCountry = cache.get(k);
      if (byCountry === undefined) {
        byCountry = new Map();
        cache.set(k, byCountry);
      }
      let runs = byCountry.get(country);
      if (runs === undefined) {
        runs = [];
        byCountry.set(country, runs);
      }
      const run = runs.find((r) => r.from <= day && day < r.until);
      if (run !== undefined) return run.decision;
      const decision = decideWith(k.person, view, {
        on: day,
        knownAt: instance.knownAt,
        destination: country,
      });
      runs.push({ from: day, until: decision.changesOn ?? Number.POSITIVE_INFINITY, decision });
      return decision;
    },
  };
}

/** What keeps a person off one flight: blocker codes and planner codes, empty when they may board. */
function failures(c: Checker, k: Known, flight: Flight): string[] {
  const country = c.countryOf.get(flight.destination);
  if (country === undefined || !k.nationalities.includes(country)) return ['NO_FLIGHT'];
  const out: string[] = c.decision(k, country, flight.date).blockers.map((b) => b.code);
  const facility = facilityOn(k, flight.date);
  if (facility === undefined) out.push('NOT_IN_CUSTODY');
  else if (c.transfer(facility, flight.origin) === undefined) out.push('NO_FLIGHT');
  if (!noticeRun(k, flight.date, c.instance.noticeDays)) out.push('NOTICE_PERIOD');
  return out;
}

const costOn = (c: Checker, k: Known, flight: Flight): number =>
  c.transfer(facilityOn(k, flight.date) ?? '', flight.origin) ?? Number.NaN;

export function verifyPlan(instance: PlanInstance, plan: Plan): VerifyReport {
  const c = checker(instance);
  const violations: Violation[] = [];
  const add = (rule: ViolationRule, record: string, message: string): void =>
    void violations.push({ rule, record, message });
  const personById = new Map(instance.persons.map((p) => [p.id, p]));
  const knownOf = new Map<string, Known>();
  const k = (id: string): Known => {
    let found = knownOf.get(id);
    if (found === undefined) {
      found = known(personById.get(id)!, instance);
      knownOf.set(id, found);
    }
    return found;
  };

  // Every person exactly once.
  const seen = new Map<string, string>();
  const flightOf = new Map<string, Flight>();
  const note = (person: string, where: string): boolean => {
    if (!personById.has(person)) {
      add('PERSON_UNKNOWN', `person "${person}"`, `is in ${where} but not in the instance`);
      return false;
    }
    const before = seen.get(person);
    if (before !== undefined) {
      add('PERSON_TWICE', `person "${person}"`, `appears in ${before} and again in ${where}`);
      return false;
    }
    seen.set(person, where);
    return true;
  };
  for (const a of plan.assignments) {
    if (!note(a.person, 'assignments')) continue;
    const flight = c.flightById.get(a.flight);
    if (flight === undefined)
      add(
        'FLIGHT_UNKNOWN',
        `person "${a.person}", flight "${a.flight}"`,
        'the flight is not in the instance',
      );
    else flightOf.set(a.person, flight);
  }
  for (const u of plan.unassigned) note(u.person, 'unassigned');
  for (const p of instance.persons)
    if (!seen.has(p.id))
      add('PERSON_MISSING', `person "${p.id}"`, 'appears neither in assignments nor in unassigned');

  // Rules 1–3 for each assignment, and the objective.
  let objective = 0;
  for (const [id, flight] of flightOf) {
    const kp = k(id);
    const record = `person "${id}", flight "${flight.id}"`;
    const country = c.countryOf.get(flight.destination)!;
    if (!kp.nationalities.includes(country))
      add(
        'NOT_A_NATIONAL',
        record,
        `the flight goes to ${country}, not a country of the person's nationality`,
      );
    else {
      const d = c.decision(kp, country, flight.date);
      if (!d.removable)
        add(
          'NOT_REMOVABLE',
          record,
          `not removable to ${country} on ${formatDay(flight.date)}: ${d.blockers.map((b) => b.code).join(', ')}`,
        );
    }
    const facility = facilityOn(kp, flight.date);
    if (facility === undefined) add('NOT_IN_CUSTODY', record, `not in custody on ${formatDay(flight.date)}`);
    else if (c.transfer(facility, flight.origin) === undefined)
      add('NO_TRANSFER', record, `no transfer is listed from facility "${facility}" to ${flight.origin}`);
    if (!noticeRun(kp, flight.date, instance.noticeDays))
      add(
        'NOTICE_PERIOD',
        record,
        `no notice known at knownAt was served ${instance.noticeDays} days before ${formatDay(flight.date)}`,
      );
    objective += kp.person.value - (costOn(c, kp, flight) || 0);
  }

  // Rule 4: families travel together or not at all.
  const families = new Map<string, string[]>();
  for (const p of instance.persons) {
    const group = k(p.id).family;
    if (group === undefined) continue;
    const list = families.get(group) ?? [];
    list.push(p.id);
    families.set(group, list);
  }
  for (const [group, members] of families) {
    const flights = new Set(members.map((m) => flightOf.get(m)?.id ?? '-'));
    if (flights.size > 1)
      add(
        'FAMILY_SPLIT',
        `family "${group}"`,
        `members are on ${[...flights].map((f) => (f === '-' ? 'no flight' : `flight "${f}"`)).join(', ')}`,
      );
  }

  // Rules 5 and 6: seats and weekly caps.
  const load = new Map<string, number>();
  for (const f of flightOf.values()) load.set(f.id, (load.get(f.id) ?? 0) + 1);
  const flightUse: FlightUse[] = instance.flights.map((f) => ({
    flight: f.id,
    date: f.date,
    country: c.countryOf.get(f.destination)!,
    used: load.get(f.id) ?? 0,
    seats: f.seats,
  }));
  for (const u of flightUse)
    if (u.used > u.seats)
      add('SEATS', `flight "${u.flight}"`, `carries ${u.used} persons on ${u.seats} seats`);
  const weeks = new Map<string, { country: CountryCode; week: Day; used: number; cap: number; planned: number }>();
  const count = (country: CountryCode, date: Day, people: number, planned: boolean): void => {
    const week = isoWeekStart(date);
    const key = `${country}|${week}`;
    const w = weeks.get(key) ?? { country, week, used: 0, cap: Number.POSITIVE_INFINITY, planned: 0 };
    w.used += people;
    if (planned) w.planned += people;
    w.cap = Math.min(w.cap, capInEffect(c.view, country, date));
    weeks.set(key, w);
  };
  // People already committed to flights outside the instance (store planning) use the cap too.
  for (const k of instance.committed ?? []) if (k.people > 0) count(k.country, k.date, k.people, false);
  for (const u of flightUse) if (u.used > 0) count(u.country, u.date, u.used, true);
  // Weeks this plan flies people in; a week over its cap before the plan is not the plan's doing.
  const weekUse = [...weeks.values()]
    .filter((w) => w.planned > 0)
    .sort((a, b) => (a.country < b.country ? -1 : a.country > b.country ? 1 : a.week - b.week));
  for (const w of weekUse)
    if (w.used > w.cap)
      add(
        'WEEKLY_CAP',
        `${w.country}, week of ${formatDay(w.week)}`,
        `${w.used} persons flown against a cap of ${w.cap}`,
      );

  if (!close(plan.objective, objective))
    add('OBJECTIVE', 'plan', `objective is ${plan.objective}, but the assignments give ${objective}`);
  if (!(plan.bound >= objective - TOLERANCE * Math.max(1, Math.abs(objective))))
    add('BOUND', 'plan', `bound ${plan.bound} is below the plan's own objective ${objective}`);

  // A CAPACITY reason is judged against every week's use, committed load included.
  checkReasons(c, plan, k, flightOf, load, [...weeks.values()], add);
  return {
    violations,
    objective,
    flights: flightUse,
    weeks: weekUse.map((w) => ({ country: w.country, week: w.week, used: w.used, cap: w.cap })),
  };
}

/**
 * Each unassigned person's reasons must be known codes and true of them: a blocker or
 * planner code must hold on at least one flight to a country of theirs; `FAMILY_BLOCKED`,
 * `CAPACITY` and `NOT_WORTH` only for someone who could board a flight on their own, and
 * then, for their family as a unit: no common flight, no room on any flight that gains, or
 * no flight that gains.
 */
function checkReasons(
  c: Checker,
  plan: Plan,
  k: (id: string) => Known,
  flightOf: ReadonlyMap<string, Flight>,
  load: ReadonlyMap<string, number>,
  weeks: readonly WeekUse[],
  add: (rule: ViolationRule, record: string, message: string) => void,
): void {
  const { instance } = c;
  const membersOf = new Map<string, string[]>();
  for (const p of instance.persons) {
    const g = k(p.id).family;
    if (g === undefined) continue;
    const list = membersOf.get(g);
    if (list === undefined) membersOf.set(g, [p.id]);
    else list.push(p.id);
  }
  const weekOf = new Map(weeks.map((w) => [`${w.country}|${w.week}`, w]));
  const byCountry = new Map<CountryCode, Flight[]>();
  for (const f of instance.flights) {
    const country = c.countryOf.get(f.destination)!;
    const list = byCountry.get(country);
    if (list === undefined) byCountry.set(country, [f]);
    else list.push(f);
  }
  const flightsTo = (nationalities: readonly CountryCode[]): Flight[] =>
    [...new Set(nationalities)].flatMap((n) => byCountry.get(n) ?? []);

  const checked = new Set<string>();
  for (const u of plan.unassigned) {
    const record = `person "${u.person}"`;
    const bad = u.reasons.filter((r) => !KNOWN_CODES.has(r));
    if (u.reasons.length === 0) add('REASONS', record, 'an unassigned person needs at least one reason');
    if (bad.length > 0) add('REASONS', record, `unknown reason codes: ${bad.join(', ')}`);
    if (new Set(u.reasons).size !== u.reasons.length) add('REASONS', record, 'a reason is given twice');
    // Unknown or repeated persons are reported above; their reasons cannot be checked.
    if (flightOf.has(u.person) || !c.personIds.has(u.person) || checked.has(u.person)) continue;
    checked.add(u.person);
    const kp = k(u.person);
    const mine = flightsTo(kp.nationalities);
    const fails = mine.map((f) => failures(c, kp, f));
    const alone = fails.some((f) => f.length === 0);
    for (const code of u.reasons) {
      if (!KNOWN_CODES.has(code) || ELIGIBLE_CODES.has(code)) continue;
      const holds =
        code === 'NO_FLIGHT'
          ? mine.length === 0 || fails.some((f) => f.includes(code))
          : fails.some((f) => f.includes(code));
      if (!holds)
        add('REASONS', record, `${code} holds on no flight to a country of the person's nationality`);
    }
    const claimsEligible = u.reasons.some((r) => ELIGIBLE_CODES.has(r));
    if (alone !== claimsEligible) {
      add(
        'REASONS',
        record,
        alone
          ? 'the person may board a flight on their own, which the reasons do not say'
          : 'the person may board no flight on their own, yet the reasons say they could',
      );
      continue;
    }
    if (!alone) continue;
    // The family as one unit: flights every member may board, at the sum of their costs.
    const members = kp.family === undefined ? [u.person] : (membersOf.get(kp.family) ?? [u.person]);
    const common = mine.filter((f) => members.every((m) => failures(c, k(m), f).length === 0));
    const gain = (f: Flight): number =>
      members.reduce((s, m) => s + k(m).person.value - costOn(c, k(m), f), 0);
    const gaining = common.filter((f) => gain(f) > 0);
    const onPlan = members.some((m) => flightOf.has(m));
    for (const code of u.reasons) {
      if (code === 'FAMILY_BLOCKED' && common.length > 0)
        add('REASONS', record, 'FAMILY_BLOCKED, yet every member may board a common flight');
      if (code === 'NOT_WORTH' && gaining.length > 0)
        add('REASONS', record, `NOT_WORTH, yet flight "${gaining[0]!.id}" gains ${gain(gaining[0]!)}`);
      if (code === 'CAPACITY') {
        if (gaining.length === 0)
          add('REASONS', record, 'CAPACITY, yet no flight the family may board gains anything');
        const room = onPlan
          ? undefined
          : gaining.find((f) => {
              const country = c.countryOf.get(f.destination)!;
              const week = isoWeekStart(f.date);
              const w = weekOf.get(`${country}|${week}`);
              const cap = Math.min(w?.cap ?? Number.POSITIVE_INFINITY, capInEffect(c.view, country, f.date));
              return (
                (load.get(f.id) ?? 0) + members.length <= f.seats && (w?.used ?? 0) + members.length <= cap
              );
            });
        if (room !== undefined)
          add('REASONS', record, `CAPACITY, yet flight "${room.id}" has seats and cap room for the family`);
      }
    }
  }
}
