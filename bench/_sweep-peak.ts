/**
 * `node --import tsx bench/_sweep-peak.ts FILE`: the peak memory of the engine's work on a
 * store, alone in its process (run by bench/sweep.ts): a first load from the store with the
 * snapshot written, then — as a later command would — a reload from the snapshot, one as-of
 * sweep with its counts and one 365-day timeline. Prints the peak resident set size in MB.
 */
import { rmSync } from 'node:fs';
import { parseDay, parseInstant } from '../src/domain/dates.js';
import { sweepAsOf } from '../src/domain/sweep/as-of.js';
import { programTables } from '../src/domain/sweep/program-tables.js';
import { summarize } from '../src/domain/sweep/summary.js';
import { sweepTimeline } from '../src/domain/sweep/timeline.js';
import { loadPopulation } from '../src/sweep/load-population.js';

const [dbPath] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: _sweep-peak.ts FILE');
const snapshotPath = `${dbPath}.peak.sweep`;
rmSync(snapshotPath, { force: true });
try {
  const first = await loadPopulation({ dbPath, snapshotPath });
  if (first.kind !== 'full') throw new Error('expected a full load');
  const { population, kind } = await loadPopulation({ dbPath, snapshotPath });
  if (kind !== 'unchanged') throw new Error('expected a reload from the snapshot');
  const { columns, program } = population;
  const knownAt = parseInstant('2025-11-28T00:00:00Z')!;
  const tables = programTables(program, columns.codes, knownAt);
  summarize(sweepAsOf(columns, tables, parseDay('2025-06-01')!), columns.codes);
  sweepTimeline(columns, tables, parseDay('2025-01-01')!, parseDay('2025-12-31')!);
  process.stdout.write(`${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
} finally {
  rmSync(snapshotPath, { force: true });
}
