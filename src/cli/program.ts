/**
 * The `repatria` command line: thin over the domain and the store. Each action parses its
 * options into domain values, calls one capability, and prints. Commands are loaded on
 * use, so that `check` starts without loading database drivers.
 */
import { Command, CommanderError } from 'commander';
import { exitStatusFor } from './exit.js';
import type { CliIo } from './io.js';
import type { StoreConfig } from './store-config.js';

export interface CliDeps {
  readonly io: CliIo;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const DEFAULT_DB = './repatria.db';

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
    .description('Per country: people, removable, and the count of each blocker.')
    .option('--on <date>', 'the date asked about (default: today)')
    .option('--known-at <instant>', 'as known at this instant (default: now)')
    .option('--db <path>', `SQLite file (default ${DEFAULT_DB}; DATABASE_URL selects PostgreSQL)`)
    .action(async (opts: { on?: string; knownAt?: string; db?: string }) => {
      const { runStatus } = await import('./commands/status.js');
      await runStatus({ ...opts, store: storeConfig(opts, deps.env) }, io);
    });

  program
    .command('import')
    .description('Load people (JSON lines) or programme facts (JSON array); a bad record stores nothing of the file.')
    .option('--people <file>', 'one person per line: {"id","facts":[...]}')
    .option('--program <file>', 'a JSON array of programme facts')
    .option('--db <path>', `SQLite file (default ${DEFAULT_DB}; DATABASE_URL selects PostgreSQL)`)
    .action(async (opts: { people?: string; program?: string; db?: string }) => {
      const { runImport } = await import('./commands/import.js');
      await runImport({ ...opts, store: storeConfig(opts, deps.env) }, io);
    });

  const plan = program
    .command('plan')
    .description(
      'Fill flights with the people who may lawfully go (spec: plan-instance.md); writes the plan and prints seat and cap use.',
    )
    .option('--instance <file>', 'instance file to plan')
    .option('--out <file>', 'where to write the plan (JSON)')
    .action(async (opts: { instance?: string; out?: string }) => {
      const { runPlan } = await import('./commands/plan.js');
      await runPlan(opts, io);
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
