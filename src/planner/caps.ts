/**
 * Weekly acceptance caps (spec: plan-instance.md, rule 6). For a destination country and an
 * ISO week, the persons flown there that week are at most the cap of the agreement in effect
 * on each used flight's date: no cap when an agreement in effect has none, the largest cap
 * when several are in effect, and, when the cap changes inside the week, the smallest cap in
 * effect on the dates of that week's used flights.
 */
import type { Day } from '../domain/dates.js';
import type { CountryCode, ReturnAgreementFact } from '../domain/facts.js';
import { covers } from '../domain/facts.js';
import type { ProgramView } from '../domain/context.js';
import type { Network } from './network.js';

/**
 * The cap in effect on a day: `Infinity` for none, `0` when no agreement is in effect
 * (nobody may be returned there that day, so such a flight can carry nobody anyway).
 */
export function capOn(agreements: readonly ReturnAgreementFact[], day: Day): number {
  let cap = -1;
  for (const a of agreements) {
    if (!covers(a, day)) continue;
    cap = Math.max(cap, a.weeklyCap ?? Number.POSITIVE_INFINITY);
  }
  return cap < 0 ? 0 : cap;
}

/** The flights to one country in one ISO week, each with the cap in effect on its date. */
export interface WeekGroup {
  readonly country: CountryCode;
  readonly week: Day;
  /** Flight indices, by date. */
  readonly flights: readonly number[];
  /** Cap in effect on each flight's date, parallel to `flights`. */
  readonly caps: readonly number[];
}

export function weekGroups(network: Network, program: ProgramView): WeekGroup[] {
  const groups = new Map<string, { country: CountryCode; week: Day; flights: number[]; caps: number[] }>();
  for (const [country, flights] of network.flightsByCountry) {
    const agreements = program.agreementsByCountry.get(country) ?? [];
    for (const f of flights) {
      const key = `${country}|${f.week}`;
      const g = groups.get(key) ?? { country, week: f.week, flights: [], caps: [] };
      g.flights.push(f.index);
      g.caps.push(capOn(agreements, f.date));
      groups.set(key, g);
    }
  }
  return [...groups.values()].sort((a, b) =>
    a.country < b.country ? -1 : a.country > b.country ? 1 : a.week - b.week,
  );
}

/** The cap that binds a week when the flights for which `used` holds carry people. */
export function bindingCap(group: WeekGroup, used: (flight: number) => boolean): number {
  let cap = Number.POSITIVE_INFINITY;
  group.flights.forEach((f, i) => {
    if (used(f)) cap = Math.min(cap, group.caps[i]!);
  });
  return cap;
}
