/**
 * `repatria export --people FILE | --facts FILE | --program FILE | --stats FILE`: people and
 * facts as CSV or JSON lines, whole or as known at an instant; programme facts; removability
 * statistics as CSV. `-` writes to standard output. CSV cells that a spreadsheet would run
 * as a formula are neutralised (src/ingest/csv-cells.ts).
 */
import { extname } from 'node:path';
import { returnsKnownAt } from '../../application/returns.js';
import { exportPeople, exportPersonFacts, exportProgram, type ExportCount, type ExportFormat } from '../../export/export-facts.js';
import { exportStatistics } from '../../export/statistics.js';
import { textSink } from '../../export/text-sink.js';
import { operationsStore } from '../../store/operations-store.js';
import { UsageError } from '../exit.js';
import type { CliIo } from '../io.js';
import { dayOption, instantOption, today } from '../options.js';
import { withStore, type StoreConfig } from '../store-config.js';

export interface ExportCliOptions {
  readonly people?: string | undefined;
  readonly facts?: string | undefined;
  readonly program?: string | undefined;
  readonly stats?: string | undefined;
  readonly format?: string | undefined;
  readonly knownAt?: string | undefined;
  readonly on?: string | undefined;
  readonly store: StoreConfig;
}

type What = 'people' | 'facts' | 'program' | 'stats';

function formatOf(file: string, what: What, given: string | undefined): ExportFormat {
  const allowed: readonly ExportFormat[] = what === 'program' ? ['csv', 'jsonl', 'json'] : what === 'stats' ? ['csv'] : ['csv', 'jsonl'];
  const ext = extname(file).toLowerCase().slice(1);
  const format = given ?? (ext === 'ndjson' ? 'jsonl' : ext === '' && file === '-' ? 'csv' : ext);
  if (!(allowed as readonly string[]).includes(format)) {
    throw new UsageError(`--${what} is written as ${allowed.join(', ')}; give --format or a file ending in one of them`);
  }
  return format as ExportFormat;
}

export async function runExport(opts: ExportCliOptions, io: CliIo): Promise<void> {
  const given = (['people', 'facts', 'program', 'stats'] as const).flatMap((what) => {
    const file = opts[what];
    return file === undefined ? [] : [[what, file] as const];
  });
  if (given.length !== 1) throw new UsageError('give exactly one of --people FILE, --facts FILE, --program FILE or --stats FILE');
  const [what, file] = given[0]!;
  const format = formatOf(file, what, opts.format);
  const now = io.now();
  const knownAt = opts.knownAt === undefined ? undefined : instantOption('--known-at', opts.knownAt, now);
  const on = dayOption('--on', opts.on, today(now));
  const counted = await withStore(opts.store, io.now, async (store) => {
    // Made once the store is open: a store that cannot be opened leaves no partial file behind.
    const sink = textSink(file, io.out);
    try {
      let count: ExportCount;
      switch (what) {
        case 'people':
          count = await exportPeople(store, { format, knownAt }, sink);
          break;
        case 'facts':
          count = await exportPersonFacts(store, { format, knownAt }, sink);
          break;
        case 'program':
          count = await exportProgram(store, { format, knownAt }, sink);
          break;
        case 'stats': {
          const asOf = knownAt ?? now;
          const returns = await returnsKnownAt(operationsStore(store), asOf);
          const stats = await exportStatistics(store, on, asOf, returns, sink);
          count = { people: stats.total.people, facts: 0 };
          break;
        }
        default: {
          const unknown: never = what;
          throw new Error(`unknown export ${String(unknown)}`);
        }
      }
      await sink.close();
      return count;
    } catch (error) {
      await sink.abort();
      throw error;
    }
  });
  if (file !== '-') {
    const facts = what === 'stats' ? '' : `, ${counted.facts.toLocaleString('en-US')} facts`;
    io.err(`exported ${counted.people.toLocaleString('en-US')} people${facts} to ${file}\n`);
  }
}
