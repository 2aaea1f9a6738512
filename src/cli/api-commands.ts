/**
 * `repatria serve` and `repatria user …`: the HTTP API and its accounts (issue #6). Actions
 * are loaded on use, as in program.ts, so that other commands never load Fastify or argon2.
 */
import type { Command } from 'commander';
import type { CliDeps } from './program.js';
import type { StoreConfig } from './store-config.js';

const DB_HELP = 'SQLite file (default ./repatria.db; DATABASE_URL selects PostgreSQL)';

export function registerApiCommands(
  program: Command,
  deps: CliDeps,
  storeConfig: (opts: { db?: string }, env: CliDeps['env']) => StoreConfig,
): void {
  program
    .command('serve')
    .description(
      'Serve the HTTP API (OpenAPI at /openapi.json, interactive docs at /docs) until interrupted.',
    )
    .option('--port <port>', 'TCP port (default 8080, or REPATRIA_PORT)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1, or REPATRIA_HOST)')
    .option('--db <path>', DB_HELP)
    .option(
      '--demo-users',
      'create one account per role with a fresh password each, and print the sign-ins (demo only)',
    )
    .action(async (opts: { port?: string; host?: string; db?: string; demoUsers?: boolean }) => {
      const { runServe } = await import('./commands/serve.js');
      await runServe(opts, deps);
    });

  const user = program.command('user').description('Accounts of the HTTP API.');
  user
    .command('add')
    .description(
      'Create an account (the first admin is made this way); prints a generated password unless one is given on stdin.',
    )
    .requiredOption('--username <name>', 'lower-case letters, digits and . _ -')
    .requiredOption('--role <role>', 'officer, planner, legal, supervisor, auditor or admin')
    .option('--name <text>', 'display name (default: the username)')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--db <path>', DB_HELP)
    .action(
      async (opts: {
        username: string;
        role: string;
        name?: string;
        passwordStdin?: boolean;
        db?: string;
      }) => {
        const { runUserAdd } = await import('./commands/user.js');
        await runUserAdd({ ...opts, store: storeConfig(opts, deps.env) }, deps.io);
      },
    );
  user
    .command('list')
    .description('Every account, with its role and whether it is disabled.')
    .option('--db <path>', DB_HELP)
    .action(async (opts: { db?: string }) => {
      const { runUserList } = await import('./commands/user.js');
      await runUserList({ store: storeConfig(opts, deps.env) }, deps.io);
    });
  user
    .command('reset-password')
    .description(
      'Give an account a new password (printed unless given on stdin); its sessions stay valid until they expire.',
    )
    .requiredOption('--username <name>', 'the account')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--db <path>', DB_HELP)
    .action(async (opts: { username: string; passwordStdin?: boolean; db?: string }) => {
      const { runUserResetPassword } = await import('./commands/user.js');
      await runUserResetPassword({ ...opts, store: storeConfig(opts, deps.env) }, deps.io);
    });
}
