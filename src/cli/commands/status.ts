/**
 * `repatria status [--on DATE] [--known-at INSTANT]`: per country, people returned,
 * removable people and blockers, from one as-of sweep of the whole population.
 */
import { formatDay, formatInstant } from '../../domain/dates.js';
import { sweepAsOf } from '../../domain/sweep/as-of.js';
import { programTables } from '../../domain/sweep/program-tables.js';
import { summarize } from '../../domain/sweep/summary.js';
import type { CliIo } from '../io.js';
import { dayOption, instantOption, today } from '../options.js';
import { loadForCli, returnedForCli } from '../population.js';
import type { StoreConfig } from '../store-config.js';
import { countsTable } from '../sweep-output.js';

export async function runStatus(
  opts: { on?: string | undefined; knownAt?: string | undefined; store: StoreConfig },
  io: CliIo,
): Promise<void> {
  const now = io.now();
  const on = dayOption('--on', opts.on, today(now));
  const knownAt = instantOption('--known-at', opts.knownAt, now);
  const { population } = await loadForCli(opts.store, {}, io);
  const { columns, program } = population;
  const returned = await returnedForCli(opts.store, columns.ids, knownAt, io);
  const summary = summarize(sweepAsOf(columns, programTables(program, columns.codes, knownAt), on), columns.codes, undefined, returned);
  io.out(`Removability on ${formatDay(on)} as known at ${formatInstant(knownAt)}\n\n`);
  io.out(countsTable(summary, { returned: true }));
}
