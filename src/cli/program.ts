/**
 * The `repatria` command line: thin over the domain and the store. Each action parses its
 * options into domain values, calls one capability, and prints. Commands are loaded on
 * use, so that `check` starts without loading database drivers.
 */
import { Command, CommanderError } from 'commander';
import { exitStatusFor } from './exit.js';
import type { CliIo } from './io.js';
import { registerApiCommands } from './api-commands.js';
import { registerDataCommands } from './data-commands.js';
import type { StorePlanOptions } from './commands/plan-store.js';
import { registerNetworkCommands } from './network-commands.js';
import { registerOperationsCommands } from './operations-commands.js';
import type { StoreConfig } from './store-config.js';

export interface CliDeps {
  readonly io: CliIo;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const DEFAULT_DB = './repatria.db';

interface SnapshotCliOptions {
  db?: string;
  snapshotDir?: string;
  snapshot?: boolean;
}
type SweepCliOptions = SnapshotCliOptions & { on: string; knownAt?: string; country?: string; format?: string };
type TimelineCliOptions = SnapshotCliOptions & { from: string; to: string; knownAt?: string; country?: string; by?: string; format?: string };
type DiffCliOptions = SnapshotCliOptions & { on: string; knownAt: string; versus: string; country?: string; format?: string };

interface ImportCommandOptions {
  people?: string;
  facts?: string;
  program?: string;
  format?: string;
  quarantine?: string;
  allOrNothing?: boolean;
  batchSize?: string;
  progress?: boolean;
  db?: string;
}

/** The options a command line gave (commander leaves the others undefined). */
const definedOnly = <T extends object>(opts: T): Partial<T> =>
  Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as Partial<T>;

function storeConfig(opts: { db?: string }, env: CliDeps['env']): StoreConfig {
  return { dbPath: opts.db ?? DEFAULT_DB, databaseUrl: env.DATABASE_URL };
}

export function buildProgram(deps: CliDeps): Command {
  const { io } = deps;
  const program = new Command('repatria')
    .description('Lawful returns under return agreements: facts, decisions, plans and manifests.')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('check')
    .description('Decide every scenario of a file (spec: facts-and-decisions.md); one JSON line per scenario.')
    .requiredOption('--scenario <file>', 'scenario file (one scenario or an array)')
    .action(async (opts: { scenario: string }) => {
      const { runCheck } = await import('./commands/check.js');
      runCheck(opts.scenario, io);
    });

  program
    .command('demo')
    .description('Fill the store with a deterministic, realistic demo population.')
    .option('--people <n>', 'number of people', '10000')
    .option('--seed <s>', 'random seed', '1')
    .option('--reset', 'start from an empty store (SQLite file only)')
    .option('--db <path>', `SQLite file (default ${DEFAULT_DB}; DATABASE_URL selects PostgreSQL)`)
    .action(async (opts: { people: string; seed: string; reset?: boolean; db?: string }) => {
      const { runDemo } = await import('./commands/demo.js');
      await runDemo({ ...opts, store: storeConfig(opts, deps.env) }, io);
    });

  program
    .command('status')
    .description('Per country: people, people already returned, removable, and the count of each blocker among those not returned.')
    .option('--on <date>', 'the date asked about (default: today)')
    .option('--known-at <instant>', 'as known at this instant (default: now)')
    .option('--db <path>', `SQLite file (default ${DEFAULT_DB}; DATABASE_URL selects PostgreSQL)`)
    .action(async (opts: { on?: string; knownAt?: string; db?: string }) => {
      const { runStatus } = await import('./commands/status.js');
      await runStatus({ ...opts, store: storeConfig(opts, deps.env) }, io);
    });

  const snapshotOptions = (command: Command): Command =>
    command
      .option('--db <path>', `SQLite file (default ${DEFAULT_DB}; DATABASE_URL selects PostgreSQL)`)
      .option('--snapshot-dir <dir>', 'where to keep the columnar snapshot (default: beside the SQLite file; none for PostgreSQL)')
      .option('--no-snapshot', 'read every fact from the store; neither read nor write a snapshot');

  snapshotOptions(
    program
      .command('sweep')
      .description('Every person\'s decision on one date as known at one instant: counts, or one line per person.')
      .requiredOption('--on <date>', 'the date asked about')
      .option('--known-at <instant>', 'as known at this instant (default: now)')
      .option('--country <XX>', 'only people whose destination is this country')
      .option('--format <format>', 'table, csv, json (counts) or jsonl (one line per person)', 'table'),
  ).action(async (opts: SweepCliOptions) => {
    const { runSweep } = await import('./commands/sweep.js');
    await runSweep({ ...opts, store: storeConfig(opts, deps.env) }, io);
  });

  snapshotOptions(
    program
      .command('timeline')
      .description('For every day of a horizon: people, removable, and each blocker, from the facts\' boundary dates.')
      .requiredOption('--from <date>', 'first day')
      .requiredOption('--to <date>', 'last day')
      .option('--known-at <instant>', 'as known at this instant (default: now)')
      .option('--country <XX>', 'only people whose destination is this country')
      .option('--by <grouping>', 'blocker (one row per day) or country (one row per day and country)', 'blocker')
      .option('--format <format>', 'csv, json, or table (the days on which a count changes)', 'csv'),
  ).action(async (opts: TimelineCliOptions) => {
    const { runTimeline } = await import('./commands/timeline.js');
    await runTimeline({ ...opts, store: storeConfig(opts, deps.env) }, io);
  });

  snapshotOptions(
    program
      .command('diff')
      .description('Who changed between two instants of knowledge for one date, and which facts made the difference.')
      .requiredOption('--on <date>', 'the date asked about')
      .requiredOption('--known-at <instant>', 'the earlier (or first) instant of knowledge')
      .requiredOption('--versus <instant>', 'the instant to compare with')
      .option('--country <XX>', 'only people whose destination is this country')
      .option('--format <format>', 'table, json or jsonl', 'table'),
  ).action(async (opts: DiffCliOptions) => {
    const { runDiff } = await import('./commands/diff.js');
    await runDiff({ ...opts, store: storeConfig(opts, deps.env) }, io);
  });

  program
    .command('import')
    .description(
      'Load people, person facts or programme facts from CSV or JSON (src/ingest/README.md), streamed and validated row by row. ' +
        'Without --quarantine a bad row stores nothing of the file; with it, valid rows are committed in batches and refused rows listed there.',
    )
    .option('--people <file>', 'people: CSV (person layout) or JSON lines {"id","facts":[...]}')
    .option('--facts <file>', 'person facts: CSV (person layout) or JSON lines, one fact with its personId a line')
    .option('--program <file>', 'programme facts: CSV (programme layout), JSON lines, or a JSON array')
    .option('--format <format>', 'csv, jsonl or json (default: from the file extension)')
    .option('--quarantine <file>', 'write refused rows here (CSV: line, record, field, reason, row) and commit the valid ones')
    .option('--all-or-nothing', 'commit nothing if any row is refused (always so without --quarantine)')
    .option('--batch-size <n>', 'facts per transaction and event (default 50000)')
    .option('--progress', 'draw a progress bar on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'never draw the progress bar')
    .option('--db <path>', `SQLite file (default ${DEFAULT_DB}; DATABASE_URL selects PostgreSQL)`)
    .action(async (opts: ImportCommandOptions) => {
      const { runImport } = await import('./commands/import.js');
      await runImport({ ...opts, store: storeConfig(opts, deps.env) }, io, deps.env);
    });

  const plan = program
    .command('plan')
    .description(
      'Fill flights with the people who may lawfully go (spec: plan-instance.md); writes the plan and prints seat and cap use.',
    )
    .option('--instance <file>', 'instance file to plan')
    .option('--out <file>', 'where to write the plan (JSON)')
    .option('--from <date>', 'plan from the store: first flight date (with --to)')
    .option('--to <date>', 'plan from the store: last flight date')
    .option('--known-at <instant>', 'plan from the store: facts as known at this instant (default: now)')
    .option('--format <format>', 'plan from the store: table or json', 'table')
    .option('--dry-run', 'plan from the store but save no manifest')
    .option('--as <user>', 'the acting user (default: planner)')
    .option('--role <role>', 'the role the user acts in (default: planner)')
    .option('--db <path>', `SQLite file (default ${DEFAULT_DB}; DATABASE_URL selects PostgreSQL)`)
    .action(async (opts: StorePlanOptions & { instance?: string }) => {
      if (opts.instance === undefined && (opts.from !== undefined || opts.to !== undefined)) {
        // From the store: saves one draft manifest per used flight (src/application/planning.ts).
        const { runPlanFromStore } = await import('./commands/plan-store.js');
        await runPlanFromStore(opts, deps, storeConfig(opts, deps.env));
        return;
      }
      const { runPlan } = await import('./commands/plan.js');
      await runPlan(opts, io);
    });
  plan
    .command('export-instance')
    .description('Write the store\'s planning problem for a window as an instance file (spec: plan-instance.md).')
    .option('--from <date>', 'first flight date')
    .option('--to <date>', 'last flight date')
    .option('--out <file>', 'where to write the instance (JSON)')
    .option('--known-at <instant>', 'facts as known at this instant (default: now)')
    .option('--as <user>', 'the acting user (default: planner)')
    .option('--role <role>', 'the role the user acts in (default: planner)')
    .option('--db <path>', `SQLite file (default ${DEFAULT_DB}; DATABASE_URL selects PostgreSQL)`)
    .action(async (opts: StorePlanOptions) => {
      // `plan` declares the same options, which commander fills first: read either.
      const merged: StorePlanOptions = { ...plan.opts<StorePlanOptions>(), ...definedOnly(opts) };
      const { runExportInstance } = await import('./commands/plan-store.js');
      await runExportInstance(merged, deps, storeConfig(merged, deps.env));
    });
  plan
    .command('verify')
    .description('Check a plan against every rule of the spec; exit 1 with the violations if it breaks any.')
    .option('--instance <file>', 'the instance the plan is for')
    .requiredOption('--plan <file>', 'the plan to check')
    .action(async (opts: { instance?: string; plan: string }) => {
      // `plan` has an --instance of its own, which commander fills first: read either.
      const instance = opts.instance ?? plan.opts<{ instance?: string }>().instance;
      const { runPlanVerify } = await import('./commands/plan.js');
      runPlanVerify({ instance, plan: opts.plan }, io);
    });

  // manifest, notice, order, audit (issue #5): their own file, actions loaded on use.
  registerOperationsCommands(program, deps, storeConfig);
  // flight, facility, transfer (issue #4): the network the planner reads.
  registerNetworkCommands(program, deps, storeConfig);
  // serve, user (issue #6): their own file, actions loaded on use.
  registerApiCommands(program, deps, storeConfig);
  // export, backup, restore, checksum, verify (issue #8): their own file, actions loaded on use.
  registerDataCommands(program, deps, storeConfig);

  return program;
}

/** Runs the command line and returns the exit status. */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const program = buildProgram(deps);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    return exitStatusFor(error, deps.io.err);
  }
}
