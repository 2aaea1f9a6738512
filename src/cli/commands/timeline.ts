/**
 * `repatria timeline --from D --to D [--known-at I] [--country XX] [--by country|blocker]
 * [--format csv|json|table]`: for every day of the horizon, people, removable people and
 * people under each blocker, from the population engine's interval sweep.
 *
 * `csv` and `json` give every day (`--by country`: also per destination country); `table`
 * is for reading: the first day, then only the days on which a count changes (`--by
 * country`: for each destination country in turn).
 */
import { BLOCKER_CODES } from '../../domain/blockers.js';
import { formatDay, formatInstant } from '../../domain/dates.js';
import { BLOCKER_COUNT } from '../../domain/sweep/blocker-bits.js';
import { programTables } from '../../domain/sweep/program-tables.js';
import { emptyCounts, type Counts } from '../../domain/sweep/summary.js';
import { sweepTimeline, type Timeline } from '../../domain/sweep/timeline.js';
import { UsageError } from '../exit.js';
import type { CliIo } from '../io.js';
import { choiceOption, countryOption, dayOption, instantOption } from '../options.js';
import { loadForCli, type SnapshotOptions } from '../population.js';
import type { StoreConfig } from '../store-config.js';
import { renderTable } from '../table.js';
import { BatchedWriter } from '../batched-writer.js';
import { countsJson, csvLine, usedCodes } from '../sweep-output.js';

const FORMATS = ['csv', 'json', 'table'] as const;
const GROUPINGS = ['blocker', 'country'] as const;
/** Ten years: far beyond any planning horizon, and a bound on memory (days × countries × codes). */
const MAX_DAYS = 3_660;

export interface TimelineCommandOptions extends SnapshotOptions {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly knownAt?: string | undefined;
  readonly country?: string | undefined;
  readonly by?: string | undefined;
  readonly format?: string | undefined;
  readonly store: StoreConfig;
}

/** Counts of one slot on one day. */
function slotCounts(timeline: Timeline, slot: number, day: number): Counts {
  const counts = emptyCounts();
  counts.people = timeline.people[slot]!;
  counts.removable = timeline.removable[slot * timeline.days + day]!;
  for (let b = 0; b < BLOCKER_COUNT; b++) counts.blockers[b] = timeline.blockers[(slot * BLOCKER_COUNT + b) * timeline.days + day]!;
  return counts;
}

/** Counts of the selected slots on one day, summed. */
function dayCounts(timeline: Timeline, slots: readonly number[], day: number): Counts {
  const total = emptyCounts();
  for (const slot of slots) {
    const c = slotCounts(timeline, slot, day);
    total.people += c.people;
    total.removable += c.removable;
    for (let b = 0; b < BLOCKER_COUNT; b++) total.blockers[b]! += c.blockers[b]!;
  }
  return total;
}

const sameCounts = (a: Counts, b: Counts): boolean =>
  a.people === b.people && a.removable === b.removable && a.blockers.every((n, i) => n === b.blockers[i]);

/**
 * The first day and each day a count changes; with `byCountry`, so for each destination
 * country in turn, under a `country` column.
 */
function printTable(
  timeline: Timeline,
  slots: readonly { readonly name: string; readonly slot: number }[],
  byCountry: boolean,
  io: CliIo,
): void {
  const groups = byCountry ? slots.map((s) => ({ label: s.name, slots: [s.slot] })) : [{ label: '', slots: slots.map((s) => s.slot) }];
  const rows: Counts[] = [];
  const keys: string[][] = [];
  for (const group of groups) {
    let previous: Counts | undefined;
    for (let d = 0; d < timeline.days; d++) {
      const c = dayCounts(timeline, group.slots, d);
      if (previous === undefined || !sameCounts(previous, c)) {
        rows.push(c);
        keys.push([formatDay(timeline.first + d), ...(byCountry ? [group.label] : [])]);
      }
      previous = c;
    }
  }
  const used = usedCodes(rows);
  io.out(
    renderTable(
      ['date', ...(byCountry ? ['country'] : []), 'people', 'removable', ...used.map((b) => BLOCKER_CODES[b]!)],
      rows.map((c, k) => [...keys[k]!, c.people, c.removable, ...used.map((b) => c.blockers[b] ?? 0)]),
    ),
  );
}

export async function runTimeline(opts: TimelineCommandOptions, io: CliIo): Promise<void> {
  const now = io.now();
  if (opts.from === undefined || opts.to === undefined) throw new UsageError('--from and --to are required');
  const first = dayOption('--from', opts.from, 0);
  const last = dayOption('--to', opts.to, 0);
  if (last < first) throw new UsageError('--to is before --from');
  if (last - first + 1 > MAX_DAYS) throw new UsageError(`the horizon is longer than ${MAX_DAYS} days`);
  const knownAt = instantOption('--known-at', opts.knownAt, now);
  const country = countryOption('--country', opts.country);
  const by = choiceOption('--by', opts.by, GROUPINGS, 'blocker');
  const format = choiceOption('--format', opts.format, FORMATS, 'csv');

  const { population } = await loadForCli(opts.store, opts, io);
  const { columns, program } = population;
  const timeline = sweepTimeline(columns, programTables(program, columns.codes, knownAt), first, last);
  const slots = timeline.countries
    .map((name, slot) => ({ name, slot }))
    .filter(({ name, slot }) => (country === undefined || name === country) && timeline.people[slot]! > 0)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const selected = slots.map((s) => s.slot);

  if (format === 'table') {
    io.out(`Removability by day, ${formatDay(first)} to ${formatDay(last)}, as known at ${formatInstant(knownAt)}${country === undefined ? '' : `, destination ${country}`}\n\n`);
    printTable(timeline, slots, by === 'country', io);
    return;
  }
  const writer = new BatchedWriter(io.out);
  if (format === 'csv') {
    writer.add(csvLine(['date', ...(by === 'country' ? ['country'] : []), 'people', 'removable', ...BLOCKER_CODES]));
    for (let d = 0; d < timeline.days; d++) {
      const date = formatDay(first + d);
      if (by === 'country') {
        for (const { name, slot } of slots) {
          const c = slotCounts(timeline, slot, d);
          writer.add(csvLine([date, name, c.people, c.removable, ...c.blockers]));
        }
      } else {
        const c = dayCounts(timeline, selected, d);
        writer.add(csvLine([date, c.people, c.removable, ...c.blockers]));
      }
    }
  } else {
    writer.add('[');
    for (let d = 0; d < timeline.days; d++) {
      const element: Record<string, unknown> = { date: formatDay(first + d), ...countsJson(dayCounts(timeline, selected, d)) };
      if (by === 'country') element.byCountry = Object.fromEntries(slots.map(({ name, slot }) => [name, countsJson(slotCounts(timeline, slot, d))]));
      writer.add(`${d === 0 ? '' : ',\n'}${JSON.stringify(element)}`);
    }
    writer.add(']\n');
  }
  writer.flush();
}
