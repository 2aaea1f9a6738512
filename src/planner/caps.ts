/**
 * Weekly acceptance caps (spec: plan-instance.md, rule 6). For a destination country and an
 * ISO week, the persons flown there that week are at most the cap of the agreement in effect
 * on each used flight's date: no cap when an agreement in effect has none, the largest cap
 * when several are in effect, and, when the cap changes inside the week, the smallest cap in
 * effect on the dates of that week's used flights. The cap rules themselves are the domain's
 * (src/domain/weekly-cap.ts), which the manifest rules read too.
 */
import type { ProgramView } from '../domain/context.js';
import { isoWeekStart, type Day } from '../domain/dates.js';
import type { CountryCode } from '../domain/facts.js';
import { weekRoom } from '../domain/weekly-cap.js';
import type { CommittedFlight } from './instance.js';
import type { Network } from './network.js';

/** The flights to one country in one ISO week, each with the cap in effect on its date. */
export interface WeekGroup {
  readonly country: CountryCode;
  readonly week: Day;
  /** Flight indices, by date. */
  readonly flights: readonly number[];
  /** Cap in effect on each flight's date, parallel to `flights`. */
  readonly caps: readonly number[];
}

/**
 * The week groups of the instance's flights. `committed` (store planning: people already on
 * manifests of other flights, or flown) counts against each week's cap: a flight's cap here
 * is the room its week leaves (`weekRoom`), so the rest of the planner reads it unchanged.
 */
export function weekGroups(network: Network, program: ProgramView, committed: readonly CommittedFlight[] = []): WeekGroup[] {
  const groups = new Map<string, { country: CountryCode; week: Day; flights: number[]; caps: number[] }>();
  const committedByWeek = new Map<string, CommittedFlight[]>();
  for (const c of committed) {
    const key = `${c.country}|${isoWeekStart(c.date)}`;
    const list = committedByWeek.get(key);
    if (list === undefined) committedByWeek.set(key, [c]);
    else list.push(c);
  }
  for (const [country, flights] of network.flightsByCountry) {
    const agreements = program.agreementsByCountry.get(country) ?? [];
    for (const f of flights) {
      const key = `${country}|${f.week}`;
      const g = groups.get(key) ?? { country, week: f.week, flights: [], caps: [] };
      g.flights.push(f.index);
      g.caps.push(weekRoom(agreements, f.date, committedByWeek.get(key) ?? []).room);
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
