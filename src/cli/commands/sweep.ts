/**
 * `repatria sweep --on DATE [--known-at I] [--country XX] [--format table|csv|json|jsonl]`:
 * every person's decision on one date as known at one instant, from the population engine.
 * `json` prints the counts (in all and by destination country), `jsonl` one line per person.
 */
import { BLOCKER_CODES } from '../../domain/blockers.js';
import { formatDay, formatInstant } from '../../domain/dates.js';
import { sweepAsOf, type AsOf } from '../../domain/sweep/as-of.js';
import { codesOfMask } from '../../domain/sweep/blocker-bits.js';
import { idAt } from '../../domain/sweep/id-table.js';
import { programTables } from '../../domain/sweep/program-tables.js';
import { NO_COUNTRY, summarize, type SweepSummary } from '../../domain/sweep/summary.js';
import type { PersonColumns } from '../../domain/sweep/columns.js';
import type { CliIo } from '../io.js';
import { choiceOption, countryOption, dayOption, instantOption, today } from '../options.js';
import { loadForCli, type SnapshotOptions } from '../population.js';
import type { StoreConfig } from '../store-config.js';
import { BatchedWriter } from '../batched-writer.js';
import { countsJson, countsTable, csvLine } from '../sweep-output.js';

const FORMATS = ['table', 'csv', 'json', 'jsonl'] as const;

export interface SweepCommandOptions extends SnapshotOptions {
  readonly on?: string | undefined;
  readonly knownAt?: string | undefined;
  readonly country?: string | undefined;
  readonly format?: string | undefined;
  readonly store: StoreConfig;
}

/** Which people a `--country` selects: the code of that destination (-1: none known), or all. */
export function countryFilter(columns: PersonColumns, result: AsOf, country: string | undefined): ((p: number) => boolean) | undefined {
  if (country === undefined) return undefined;
  const code = country === NO_COUNTRY ? -1 : columns.codes.indexOf(country);
  if (code === -1 && country !== NO_COUNTRY) return () => false;
  return (p) => result.destination[p] === code;
}

function printJson(summary: SweepSummary, result: AsOf, io: CliIo): void {
  const byCountry = Object.fromEntries([...summary.byCountry.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, c]) => [k, countsJson(c)]));
  const out = { on: formatDay(result.on), knownAt: formatInstant(result.knownAt), ...countsJson(summary.total), byCountry };
  io.out(`${JSON.stringify(out)}\n`);
}

function printJsonLines(columns: PersonColumns, result: AsOf, include: ((p: number) => boolean) | undefined, io: CliIo): void {
  const writer = new BatchedWriter(io.out);
  for (let p = 0; p < columns.ids.count; p++) {
    if (include !== undefined && !include(p)) continue;
    const mask = result.blockers[p]!;
    writer.add(`${JSON.stringify({ id: idAt(columns.ids, p), removable: mask === 0, blockers: codesOfMask(mask) })}\n`);
  }
  writer.flush();
}

function printCsv(summary: SweepSummary, io: CliIo): void {
  const writer = new BatchedWriter(io.out);
  writer.add(csvLine(['country', 'people', 'removable', ...BLOCKER_CODES]));
  for (const [country, c] of [...summary.byCountry.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    writer.add(csvLine([country, c.people, c.removable, ...c.blockers]));
  }
  writer.flush();
}

export async function runSweep(opts: SweepCommandOptions, io: CliIo): Promise<void> {
  const now = io.now();
  const on = dayOption('--on', opts.on, today(now));
  const knownAt = instantOption('--known-at', opts.knownAt, now);
  const country = countryOption('--country', opts.country);
  const format = choiceOption('--format', opts.format, FORMATS, 'table');
  const { population } = await loadForCli(opts.store, opts, io);
  const { columns, program } = population;
  const result = sweepAsOf(columns, programTables(program, columns.codes, knownAt), on);
  const include = countryFilter(columns, result, country);
  switch (format) {
    case 'jsonl':
      printJsonLines(columns, result, include, io);
      return;
    case 'json':
      printJson(summarize(result, columns.codes, include), result, io);
      return;
    case 'csv':
      printCsv(summarize(result, columns.codes, include), io);
      return;
    case 'table':
      io.out(`Removability on ${formatDay(on)} as known at ${formatInstant(knownAt)}\n\n`);
      io.out(countsTable(summarize(result, columns.codes, include)));
      return;
    default: {
      const unknown: never = format;
      return unknown;
    }
  }
}
