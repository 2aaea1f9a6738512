/**
 * Which flights each person may board on their own (spec: plan-instance.md, rules 1–3), with
 * the transfer cost of each, and — for a person who may board none — the reasons why.
 *
 * Legality is the removability decision (`decideWith`) with the flight's destination country
 * as destination. The decision states the first later day its answer changes (`changesOn`),
 * so one call covers every flight day up to that day: a person costs a call or two per
 * nationality, not one per flight.
 */
import type { BlockerCode } from '../domain/blockers.js';
import type { ProgramView } from '../domain/context.js';
import type { Instant } from '../domain/dates.js';
import { decideWith } from '../domain/decision.js';
import type { Person } from '../domain/facts.js';
import type { ReasonCode } from './instance.js';
import type { FlightDay, Network } from './network.js';
import { facilityOn, readPerson, type PersonReadings } from './person-readings.js';

/** The flights one person may board, by flight index, with the cost of getting them to each. */
export interface PersonOptions {
  readonly readings: PersonReadings;
  /** Flight indices, ascending. */
  readonly flights: readonly number[];
  /** Transfer cost for each flight of `flights`. */
  readonly costs: readonly number[];
  /** Why the person may board no flight (sorted codes); empty when `flights` is not. */
  readonly reasons: readonly ReasonCode[];
}

export interface EligibilityContext {
  readonly network: Network;
  readonly program: ProgramView;
  readonly knownAt: Instant;
  readonly noticeDays: number;
}

const NONE: readonly BlockerCode[] = [];

/** Blocker codes on each flight day, from as few decisions as the answer's change points allow. */
function blockersByDay(
  person: Person,
  ctx: EligibilityContext,
  country: string,
  days: readonly FlightDay[],
): (readonly BlockerCode[])[] {
  const out: (readonly BlockerCode[])[] = [];
  let i = 0;
  while (i < days.length) {
    const decision = decideWith(person, ctx.program, {
      on: days[i]!.date,
      knownAt: ctx.knownAt,
      destination: country,
    });
    const codes = decision.blockers.length === 0 ? NONE : decision.blockers.map((b) => b.code);
    const changes = decision.changesOn ?? Number.POSITIVE_INFINITY;
    while (i < days.length && days[i]!.date < changes) {
      out.push(codes);
      i++;
    }
  }
  return out;
}

interface CheckedCountry {
  readonly days: readonly FlightDay[];
  readonly blockers: readonly (readonly BlockerCode[])[];
}

/**
 * The reasons a person may board no flight. Each flight to one of their countries fails for
 * a set of reasons; the reasons reported are those of the flights that fail for the fewest,
 * so that they say what stands between the person and their nearest chance of a seat
 * rather than everything that is wrong with every flight.
 */
function closestFailures(
  readings: PersonReadings,
  checked: readonly CheckedCountry[],
  ctx: EligibilityContext,
): ReasonCode[] {
  // Two passes over the flights, the first counting, so that nothing is built per flight.
  const visit = (
    each: (blockers: readonly BlockerCode[], custody: ReasonCode | undefined, late: boolean) => void,
  ): void => {
    for (const { days, blockers } of checked) {
      days.forEach((day, i) => {
        const facility = facilityOn(readings, day.date);
        const transfers = facility === undefined ? undefined : ctx.network.transfersFrom(facility);
        const late = readings.noticeRunsFrom === undefined || readings.noticeRunsFrom > day.date;
        for (const flight of day.flights) {
          const custody =
            facility === undefined
              ? 'NOT_IN_CUSTODY'
              : transfers?.get(flight.origin) === undefined
                ? 'NO_FLIGHT'
                : undefined;
          each(blockers[i]!, custody, late);
        }
      });
    }
  };
  const count = (blockers: readonly BlockerCode[], custody: ReasonCode | undefined, late: boolean): number =>
    blockers.length + (custody === undefined ? 0 : 1) + (late ? 1 : 0);
  let fewest = Number.POSITIVE_INFINITY;
  visit((b, c, l) => (fewest = Math.min(fewest, count(b, c, l))));
  if (!Number.isFinite(fewest)) return ['NO_FLIGHT'];
  const union = new Set<ReasonCode>();
  visit((b, c, l) => {
    if (count(b, c, l) !== fewest) return;
    for (const code of b) union.add(code);
    if (c !== undefined) union.add(c);
    if (l) union.add('NOTICE_PERIOD');
  });
  return [...union].sort();
}

export function personOptions(person: Person, ctx: EligibilityContext): PersonOptions {
  const readings = readPerson(person, ctx.knownAt, ctx.noticeDays);
  const found: { flight: number; cost: number }[] = [];
  const checked: CheckedCountry[] = [];
  for (const country of readings.nationalities) {
    const days = ctx.network.daysByCountry.get(country);
    if (days === undefined) continue;
    const blockers = blockersByDay(person, ctx, country, days);
    checked.push({ days, blockers });
    days.forEach((day, i) => {
      if (
        blockers[i]!.length > 0 ||
        readings.noticeRunsFrom === undefined ||
        readings.noticeRunsFrom > day.date
      )
        return;
      const facility = facilityOn(readings, day.date);
      const transfers = facility === undefined ? undefined : ctx.network.transfersFrom(facility);
      if (transfers === undefined) return;
      for (const flight of day.flights) {
        const cost = transfers.get(flight.origin);
        if (cost !== undefined) found.push({ flight: flight.index, cost });
      }
    });
  }
  if (found.length === 0)
    return { readings, flights: [], costs: [], reasons: closestFailures(readings, checked, ctx) };
  found.sort((a, b) => a.flight - b.flight);
  return { readings, flights: found.map((o) => o.flight), costs: found.map((o) => o.cost), reasons: [] };
}
