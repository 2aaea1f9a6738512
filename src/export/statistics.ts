/**
 * Removability statistics as CSV: the counts `repatria status` prints (per destination
 * country: people, people returned, removable, and people under each blocker; a person
 * counts once under each of their blockers, and a returned person as returned only), with
 * every blocker code as a column so that the layout does not change from one day to the
 * next. Countries by number of people, then `ALL`.
 *
 * Computed with the reference decision (`decideWith`), one person at a time, a page of
 * people in memory.
 */
import { BLOCKER_CODES, type BlockerCode } from '../domain/blockers.js';
import { programView } from '../domain/context.js';
import { formatDay, formatInstant, type Day, type Instant } from '../domain/dates.js';
import { decideWith } from '../domain/decision.js';
import type { FactStore } from '../domain/ports.js';
import type { Returns } from '../domain/sweep/returned.js';
import { csvLine } from '../ingest/csv-cells.js';
import type { TextSink } from './text-sink.js';

export interface CountryCounts {
  people: number;
  returned: number;
  removable: number;
  readonly blockers: Record<BlockerCode, number>;
}

export interface RemovabilityStatistics {
  readonly on: Day;
  readonly knownAt: Instant;
  /** Per destination country (`??` for people with no known nationality). */
  readonly countries: ReadonlyMap<string, CountryCounts>;
  readonly total: CountryCounts;
}

export const STATISTICS_COLUMNS = ['on', 'known_at', 'country', 'people', 'returned', 'removable', ...BLOCKER_CODES] as const;

const emptyCounts = (): CountryCounts => ({
  people: 0,
  returned: 0,
  removable: 0,
  blockers: Object.fromEntries(BLOCKER_CODES.map((c) => [c, 0])) as Record<BlockerCode, number>,
});

/** `returns`: the people returned as known at `knownAt` (application/returns.ts), with the day of each return. */
export async function removabilityStatistics(
  store: FactStore,
  on: Day,
  knownAt: Instant,
  returns: Returns,
): Promise<RemovabilityStatistics> {
  const program = programView(await store.programFacts(), knownAt);
  const countries = new Map<string, CountryCounts>();
  const total = emptyCounts();
  for await (const page of store.people(5_000)) {
    for (const person of page) {
      const decision = decideWith(person, program, { on, knownAt });
      const key = decision.destination ?? '??';
      let counts = countries.get(key);
      if (counts === undefined) {
        counts = emptyCounts();
        countries.set(key, counts);
      }
      const returned = (returns.get(person.id)?.day ?? Infinity) <= on;
      for (const c of [counts, total]) {
        c.people += 1;
        if (returned) {
          c.returned += 1;
          continue;
        }
        if (decision.removable) c.removable += 1;
        for (const b of decision.blockers) c.blockers[b.code] += 1;
      }
    }
  }
  return { on, knownAt, countries, total };
}

/** The statistics as CSV, with the date and instant they answer on every row. */
export function statisticsCsv(stats: RemovabilityStatistics): string {
  const on = formatDay(stats.on);
  const knownAt = formatInstant(stats.knownAt);
  const row = (country: string, c: CountryCounts): string =>
    csvLine([on, knownAt, country, String(c.people), String(c.returned), String(c.removable), ...BLOCKER_CODES.map((code) => String(c.blockers[code]))]);
  const countries = [...stats.countries.entries()].sort((a, b) => b[1].people - a[1].people || (a[0] < b[0] ? -1 : 1));
  return csvLine(STATISTICS_COLUMNS) + countries.map(([country, c]) => row(country, c)).join('') + row('ALL', stats.total);
}

export async function exportStatistics(
  store: FactStore,
  on: Day,
  knownAt: Instant,
  returns: Returns,
  sink: TextSink,
): Promise<RemovabilityStatistics> {
  const stats = await removabilityStatistics(store, on, knownAt, returns);
  await sink.write(statisticsCsv(stats));
  return stats;
}
