/**
 * `repatria export`, `backup`, `restore`, `checksum` and `verify`: data in and out of the
 * store, and proof that nothing was lost (issue #8). Actions are loaded on use, as in
 * program.ts; `import` stays in program.ts beside the original door.
 */
import type { Command } from 'commander';
import type { CliDeps } from './program.js';
import type { StoreConfig } from './store-config.js';

const DB_HELP = 'SQLite file (default ./repatria.db; DATABASE_URL selects PostgreSQL)';

interface ExportCommandOptions {
  people?: string;
  facts?: string;
  program?: string;
  stats?: string;
  format?: string;
  knownAt?: string;
  on?: string;
  db?: string;
}

export function registerDataCommands(program: Command, deps: CliDeps, storeConfig: (opts: { db?: string }, env: CliDeps['env']) => StoreConfig): void {
  const { io, env } = deps;

  program
    .command('export')
    .description('Write people, person facts or programme facts (CSV or JSON lines; whole, or as known at an instant), or removability statistics (CSV). FILE - is standard output.')
    .option('--people <file>', 'people with their facts: CSV (person layout) or JSON lines {"id","facts":[...]}')
    .option('--facts <file>', 'person facts: CSV (person layout) or JSON lines with personId')
    .option('--program <file>', 'programme facts: CSV, JSON lines or a JSON array')
    .option('--stats <file>', 'per destination country: people, removable, and people under each blocker (CSV)')
    .option('--format <format>', 'csv, jsonl or json (default: from the file extension)')
    .option('--known-at <instant>', 'as known at this instant (or the end of this date); default: everything, retractions included')
    .option('--on <date>', 'the date the statistics answer for (default: today)')
    .option('--db <path>', DB_HELP)
    .action(async (opts: ExportCommandOptions) => {
      const { runExport } = await import('./commands/export.js');
      await runExport({ ...opts, store: storeConfig(opts, env) }, io);
    });

  program
    .command('backup')
    .description('Back up the store (SQLite online backup; pg_dump for PostgreSQL) with a manifest of its counts and checksums.')
    .argument('<out>', 'the backup file to write (never overwritten)')
    .option('--db <path>', DB_HELP)
    .action(async (out: string, opts: { db?: string }) => {
      const { runBackup } = await import('./commands/backup.js');
      await runBackup({ out, store: storeConfig(opts, env), env }, io);
    });

  program
    .command('restore')
    .description('Restore a backup, check it against its manifest, and verify the restored store.')
    .argument('<in>', 'the backup file')
    .option('--force', 'replace a SQLite store that already holds data')
    .option('--db <path>', DB_HELP)
    .action(async (input: string, opts: { db?: string; force?: boolean }) => {
      const { runRestore } = await import('./commands/backup.js');
      await runRestore({ in: input, force: opts.force, store: storeConfig(opts, env), env }, io);
    });

  program
    .command('checksum')
    .description('Print the store\'s content and log checksums (stable hashes over every row) and its counts.')
    .option('--json', 'as one JSON object')
    .option('--db <path>', DB_HELP)
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { runChecksum } = await import('./commands/backup.js');
      await runChecksum({ json: opts.json, store: storeConfig(opts, env) }, io);
    });

  program
    .command('verify')
    .description('Check that the store is whole: every row written by an event, every event\'s rows all there, every fact body valid.')
    .option('--quick', 'skip re-reading every fact body')
    .option('--db <path>', DB_HELP)
    .action(async (opts: { db?: string; quick?: boolean }) => {
      const { runVerify } = await import('./commands/backup.js');
      await runVerify({ quick: opts.quick, store: storeConfig(opts, env) }, io);
    });
}
