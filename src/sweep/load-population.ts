/**
 * Loads the population to sweep: from the snapshot when there is one for this store (as it
 * is when the store has not changed, extended with what was recorded since otherwise), from
 * the store's rows when not, and saves the snapshot again whenever it moved on.
 */
import { RepatriaError } from '../domain/errors.js';
import { requireStoreFile } from '../store/store-file.js';
import type { LoadProgress, LoadResult } from './population.js';
import { loadFromPostgres } from './postgres-source.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';
import { loadFromSqlite } from './sqlite-source.js';

export interface PopulationSource {
  /** SQLite file, used when `databaseUrl` is empty. */
  readonly dbPath: string;
  readonly databaseUrl?: string | undefined;
  /** Snapshot file to read and keep up to date, or `null` for none. */
  readonly snapshotPath: string | null;
  readonly progress?: LoadProgress | undefined;
  /** SQLite: threads reading facts (default: by size and cores). */
  readonly threads?: number | undefined;
}

export interface LoadedPopulation extends LoadResult {
  /** Whether a snapshot was found and used as the starting point. */
  readonly fromSnapshot: boolean;
  /** Whether the snapshot file was (re)written. */
  readonly snapshotWritten: boolean;
}

/** The default snapshot of a SQLite store: beside its file. */
export const sqliteSnapshotPath = (dbPath: string): string => `${dbPath}.sweep`;

export async function loadPopulation(source: PopulationSource): Promise<LoadedPopulation> {
  const postgres = source.databaseUrl !== undefined && source.databaseUrl !== '';
  if (!postgres) requireStoreFile(source.dbPath);
  const previous = source.snapshotPath === null ? undefined : readSnapshot(source.snapshotPath);
  let result: LoadResult;
  try {
    result = postgres
      ? await loadFromPostgres(source.databaseUrl, previous, source.progress)
      : await loadFromSqlite(source.dbPath, previous, source.progress, { threads: source.threads });
  } catch (error) {
    if (error instanceof Error && /no such column: packed|column f?\.?packed does not exist/.test(error.message)) {
      throw new RepatriaError('INVALID_STATE', 'This store was created before facts were stored for sweeps; recreate it (e.g. `repatria demo --reset`)');
    }
    throw error;
  }
  const snapshotWritten = source.snapshotPath !== null && result.kind !== 'unchanged';
  if (snapshotWritten) writeSnapshot(source.snapshotPath, result.population);
  return { ...result, fromSnapshot: previous !== undefined && result.kind !== 'full', snapshotWritten };
}
