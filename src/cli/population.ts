/**
 * Loading the population for the sweep commands (`sweep`, `timeline`, `diff`, `status`):
 * where the snapshot lives, and progress on stderr while rows are read from the store.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { loadPopulation, sqliteSnapshotPath, type LoadedPopulation } from '../sweep/load-population.js';
import { returnsKnownAt } from '../application/returns.js';
import type { Instant } from '../domain/dates.js';
import type { IdTable } from '../domain/sweep/id-table.js';
import { returnedFrom } from '../domain/sweep/returned.js';
import { operationsStore } from '../store/operations-store.js';
import type { CliIo } from './io.js';
import { withStore, type StoreConfig } from './store-config.js';

export interface SnapshotOptions {
  /** Directory for snapshots of a PostgreSQL store (a SQLite store keeps its own beside its file). */
  readonly snapshotDir?: string | undefined;
  /** `--no-snapshot` sets this to false: neither read nor write one. */
  readonly snapshot?: boolean | undefined;
}

const usesPostgres = (store: StoreConfig): boolean => store.databaseUrl !== undefined && store.databaseUrl !== '';

/** The snapshot file for a store, or `null` for none. */
export function snapshotPathFor(store: StoreConfig, options: SnapshotOptions): string | null {
  if (options.snapshot === false) return null;
  const postgres = usesPostgres(store);
  if (options.snapshotDir === undefined) return postgres ? null : sqliteSnapshotPath(store.dbPath);
  // One file per store in a shared directory; a URL's password is left out of the key.
  let source = resolve(store.dbPath);
  if (postgres) {
    const url = new URL(store.databaseUrl!);
    url.password = '';
    source = url.toString();
  }
  const key = createHash('sha256').update(source).digest('hex').slice(0, 16);
  return join(options.snapshotDir, `repatria-${key}.sweep`);
}

/** Loads shorter than this print no progress at all. */
const QUIET_MS = 500;
/** At most this often. */
const EVERY_MS = 250;

/** Progress lines on stderr for long loads, each overwriting the last. */
export function progressReporter(io: CliIo): { report: (what: string, done: number, total: number) => void; end: () => void } {
  const started = io.now();
  let last = 0;
  let shown = false;
  return {
    report: (what, done, total) => {
      const now = io.now();
      if (now - started < QUIET_MS || (now - last < EVERY_MS && done !== total)) return;
      last = now;
      shown = true;
      const of = total > 0 ? ` / ${total.toLocaleString('en-US')}` : '';
      io.err(`\rloading ${what}: ${done.toLocaleString('en-US')}${of}`);
    },
    end: () => {
      if (shown) io.err('\n');
    },
  };
}

/**
 * Per person of the loaded population, the day from which they count as returned (as known
 * at `knownAt`), or `undefined` when no one has been: manifests are not among the facts the
 * population is loaded from, so they are read from the store here.
 */
export async function returnedForCli(
  store: StoreConfig,
  ids: IdTable,
  knownAt: Instant,
  io: CliIo,
): Promise<Int32Array | undefined> {
  const known = await withStore(store, io.now, (opened) => returnsKnownAt(operationsStore(opened), knownAt));
  return returnedFrom(ids, known);
}

export async function loadForCli(store: StoreConfig, options: SnapshotOptions, io: CliIo): Promise<LoadedPopulation> {
  const progress = progressReporter(io);
  try {
    return await loadPopulation({
      dbPath: store.dbPath,
      databaseUrl: store.databaseUrl,
      snapshotPath: snapshotPathFor(store, options),
      progress: progress.report,
    });
  } finally {
    progress.end();
  }
}
