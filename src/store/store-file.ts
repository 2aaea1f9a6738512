/**
 * Whether a SQLite store is where a command was told to look. Opening a missing file creates
 * an empty store, so a command that reads (or needs data already there) checks first: a
 * mistyped `--db` is refused, rather than answered from a new, empty file left behind.
 * Kept apart from open-store.ts so that the sweep loader can check without loading Kysely.
 */
import { existsSync } from 'node:fs';
import { RepatriaError } from '../domain/errors.js';

/** NOT_FOUND, naming the path and the commands that create a store, when there is no file at `dbPath`. */
export function requireStoreFile(dbPath: string): void {
  if (!existsSync(dbPath)) {
    throw new RepatriaError(
      'NOT_FOUND',
      `No store at ${dbPath}: run \`repatria demo\` or \`repatria import\` first`,
    );
  }
}
