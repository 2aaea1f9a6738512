/**
 * Population questions for the API (`/sweep`, `/timeline`, `/statistics/removability`),
 * answered by the population engine (src/sweep, src/domain/sweep) rather than one decision
 * per person.
 *
 * The loaded population is kept in memory and reused while the store's last event seq has
 * not moved: every request reads that seq (one indexed lookup), so a write by any process is
 * seen by the next request. When it has moved, the engine extends the population with what
 * was recorded since (its own incremental load), rather than reading everything again. Answers
 * are kept per seq too, so the same question asked again within one store transaction costs
 * nothing. A SQLite store's snapshot file (written by the CLI) is read, never written, as the
 * starting point: rewriting a large file on every change is the CLI's trade-off, not a server's.
 */
import { BLOCKER_CODES, type BlockerCode } from '../domain/blockers.js';
import type { Day, Instant } from '../domain/dates.js';
import { sweepAsOf } from '../domain/sweep/as-of.js';
import { BLOCKER_COUNT } from '../domain/sweep/blocker-bits.js';
import { programTables } from '../domain/sweep/program-tables.js';
import { returnedFrom, type Returns } from '../domain/sweep/returned.js';
import { emptyCounts, NO_COUNTRY, summarize, type Counts } from '../domain/sweep/summary.js';
import { sweepTimeline, type Timeline } from '../domain/sweep/timeline.js';
import { sqliteSnapshotPath } from '../sweep/load-population.js';
import type { Population } from '../sweep/population.js';
import { loadFromPostgres } from '../sweep/postgres-source.js';
import { readSnapshot } from '../sweep/snapshot.js';
import { loadFromSqlite } from '../sweep/sqlite-source.js';
import type { RemovabilityCounts, RemovabilityStatistics, StatisticsService } from './services.js';

/** Where the population engine reads the store from: the same store the API opened. */
export interface PopulationLocation {
  /** SQLite file, when `databaseUrl` is empty. */
  readonly dbPath: string;
  readonly databaseUrl?: string | undefined;
}

/** Counts with every blocker code, as `repatria sweep --format json` prints them. */
export interface SweepCounts {
  readonly people: number;
  /** With `returnedApart` only (else 0): returned on a departed manifest, and counted neither as removable nor under a blocker. */
  readonly returned: number;
  readonly removable: number;
  readonly blockers: Readonly<Record<BlockerCode, number>>;
}

export interface SweepAnswer {
  readonly on: Day;
  readonly knownAt: Instant;
  readonly total: SweepCounts;
  /** By destination country (`??`: none known), in code order. */
  readonly byCountry: ReadonlyMap<string, SweepCounts>;
}

export interface TimelineDay extends SweepCounts {
  readonly day: Day;
  /** With `by: country` only: the counts of each destination country that has people. */
  readonly byCountry?: ReadonlyMap<string, SweepCounts>;
}

export type TimelineGrouping = 'blocker' | 'country';

export interface PopulationService {
  /**
   * Every person's decision on `on` as known at `knownAt`, counted; `country` limits it to
   * one destination. With `returnedApart`, people already returned by `on` (as known at
   * `knownAt`) are counted as returned, and not as removable or under a blocker: the queue of
   * `repatria status`, not the decisions of `repatria sweep`.
   */
  sweep(on: Day, knownAt: Instant, country?: string, returnedApart?: boolean): Promise<SweepAnswer>;
  /** The counts of every day of `[first, last]`. */
  timeline(
    first: Day,
    last: Day,
    knownAt: Instant,
    by: TimelineGrouping,
    country?: string,
  ): Promise<readonly TimelineDay[]>;
}

/** The returns as known at an instant; manifests are not in the facts the population engine loads. */
export type ReturnsAt = (knownAt: Instant) => Promise<Returns>;

const NO_RETURNS: Returns = new Map();

/** A short key for a set of returns, for the answers kept: manifests move without the facts' seq. */
function returnsKey(returns: Returns): string {
  let hash = 0x811c9dc5;
  for (const [personId, { day }] of returns) {
    const text = `${personId}:${day};`;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return `${returns.size}:${(hash >>> 0).toString(16)}`;
}

/** Answers kept per store seq: the few questions a dashboard asks again and again. */
const ANSWERS_KEPT = 16;

const countsOf = (c: Counts): SweepCounts => ({
  people: c.people,
  returned: c.returned,
  removable: c.removable,
  blockers: Object.fromEntries(BLOCKER_CODES.map((code, b) => [code, c.blockers[b] ?? 0])) as Record<
    BlockerCode,
    number
  >,
});

function slotCounts(t: Timeline, slot: number, day: number, into: Counts): void {
  into.people += t.people[slot]!;
  into.removable += t.removable[slot * t.days + day]!;
  for (let b = 0; b < BLOCKER_COUNT; b++)
    into.blockers[b]! += t.blockers[(slot * BLOCKER_COUNT + b) * t.days + day]!;
}

/**
 * The population engine over the store at `location`; `lastSeq` is the store's last event
 * seq. Both `lastSeq` and `returnsAt` are called synchronously when a question is asked.
 */
export function populationService(
  location: PopulationLocation,
  lastSeq: () => Promise<number>,
  returnsAt: ReturnsAt,
): PopulationService {
  const postgres = location.databaseUrl !== undefined && location.databaseUrl !== '';
  let current: Population | undefined;
  let loading: Promise<Population> | undefined;
  const answers = new Map<string, unknown>();

  const load = async (): Promise<Population> => {
    const previous = current ?? (postgres ? undefined : readSnapshot(sqliteSnapshotPath(location.dbPath)));
    const result = postgres
      ? await loadFromPostgres(location.databaseUrl, previous)
      : await loadFromSqlite(location.dbPath, previous);
    return result.population;
  };

  /** The population as of the store's last transaction, loading (or extending) it once however many ask. */
  const population = async (): Promise<Population> => {
    const seq = await lastSeq();
    while (current?.mark.lastSeq !== seq) {
      // Requests arriving during a load share it; the loop checks it reached `seq`.
      loading ??= load().finally(() => {
        loading = undefined;
      });
      const loaded = await loading;
      if (current?.mark.lastSeq !== loaded.mark.lastSeq) answers.clear();
      current = loaded;
      // The load read a newer state than `seq` (a write landed meanwhile): that serves too.
      if (loaded.mark.lastSeq >= seq) return loaded;
    }
    return current;
  };

  /** `returnsOf`: the returns the answer counts apart, if any (they move without the facts' seq). */
  const remembered = async <T>(
    key: string,
    returnsOf: Promise<Returns> | undefined,
    compute: (p: Population, returned: Int32Array | undefined) => T,
  ): Promise<T> => {
    const p = await population();
    const returns = (await returnsOf) ?? NO_RETURNS;
    const full = `${p.mark.lastSeq}|${returnsKey(returns)}|${key}`;
    const hit = answers.get(full);
    if (hit !== undefined) return hit as T;
    const value = compute(p, returnedFrom(p.columns.ids, returns));
    if (answers.size >= ANSWERS_KEPT) answers.delete(answers.keys().next().value!);
    answers.set(full, value);
    return value;
  };

  return {
    sweep: (on, knownAt, country, returnedApart = false) =>
      remembered(`sweep|${on}|${knownAt}|${country ?? ''}|${returnedApart}`, returnedApart ? returnsAt(knownAt) : undefined, ({ columns, program }, returned): SweepAnswer => {
        const result = sweepAsOf(columns, programTables(program, columns.codes, knownAt), on);
        let include: ((p: number) => boolean) | undefined;
        if (country !== undefined) {
          const code = country === NO_COUNTRY ? -1 : columns.codes.indexOf(country);
          include =
            code === -1 && country !== NO_COUNTRY ? () => false : (p) => result.destination[p] === code;
        }
        const summary = summarize(result, columns.codes, include, returned);
        const byCountry = new Map<string, SweepCounts>();
        for (const [name, c] of [...summary.byCountry].sort(([a], [b]) => (a < b ? -1 : 1)))
          byCountry.set(name, countsOf(c));
        return { on, knownAt, total: countsOf(summary.total), byCountry };
      }),

    timeline: (first, last, knownAt, by, country) =>
      remembered(`timeline|${first}|${last}|${knownAt}|${by}|${country ?? ''}`, undefined, ({ columns, program }) => {
        const t = sweepTimeline(columns, programTables(program, columns.codes, knownAt), first, last);
        const slots = t.countries
          .map((name, slot) => ({ name, slot }))
          .filter(({ name, slot }) => (country === undefined || name === country) && t.people[slot]! > 0)
          .sort((a, b) => (a.name < b.name ? -1 : 1));
        const days: TimelineDay[] = [];
        for (let d = 0; d < t.days; d++) {
          const total = emptyCounts();
          for (const { slot } of slots) slotCounts(t, slot, d, total);
          if (by === 'blocker') {
            days.push({ day: first + d, ...countsOf(total) });
            continue;
          }
          const byCountry = new Map<string, SweepCounts>();
          for (const { name, slot } of slots) {
            const c = emptyCounts();
            slotCounts(t, slot, d, c);
            byCountry.set(name, countsOf(c));
          }
          days.push({ day: first + d, ...countsOf(total), byCountry });
        }
        return days;
      }),
  };
}

const removabilityCounts = (c: SweepCounts): RemovabilityCounts => {
  const blockers: Partial<Record<BlockerCode, number>> = {};
  for (const code of BLOCKER_CODES) if (c.blockers[code] > 0) blockers[code] = c.blockers[code];
  return { people: c.people, returned: c.returned, removable: c.removable, blockers };
};

/** `/statistics/removability` from one as-of sweep: the counts `repatria status` prints. */
export function sweepStatistics(population: PopulationService): StatisticsService {
  return {
    async removability(on, knownAt): Promise<RemovabilityStatistics> {
      const answer = await population.sweep(on, knownAt, undefined, true);
      const countries = [...answer.byCountry]
        .sort((a, b) => b[1].people - a[1].people || (a[0] < b[0] ? -1 : 1))
        .map(([country, c]) => ({ country, ...removabilityCounts(c) }));
      return { on, knownAt, countries, total: removabilityCounts(answer.total) };
    },
  };
}
