/**
 * `repatria manifest …`, `repatria notice …`, `repatria order …`, `repatria audit …`: the
 * command tree of issue #5. Actions are loaded on use, as in program.ts.
 *
 * The acting user and role come from `--as USER --role ROLE` for now; once the API's user
 * accounts land, the CLI should sign in instead of being told who it is.
 */
import type { Command } from 'commander';
import type { AuditListOptions } from './commands/audit.js';
import type { CommandOptions, CreateOptions, FlightOptions, ListOptions } from './commands/manifest.js';
import type { ServeOptions } from './commands/notice.js';
import type { OrderOptions } from './commands/order.js';
import type { CliDeps } from './program.js';
import type { StoreConfig } from './store-config.js';

/** Options every command of this tree takes. */
export interface ActingOptions {
  readonly as: string;
  readonly role: string;
  readonly db?: string | undefined;
}

type Run = (deps: CliDeps, store: StoreConfig) => Promise<void>;

/**
 * A maker of subcommands with the acting options (`--as`, `--role`, `--db`), whose action is
 * loaded on use. `O` names the option shape the subcommand declares to commander, whose
 * parsed options are untyped. Shared by every command tree whose commands act as a user.
 */
export function actingSubcommands(
  deps: CliDeps,
  storeConfig: (opts: { db?: string }, env: CliDeps['env']) => StoreConfig,
) {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- O types the caller's callback only
  return <O extends ActingOptions>(
    parent: Command,
    name: string,
    description: string,
    configure: (c: Command) => Command,
    action: (opts: O, args: string[]) => Promise<Run>,
  ): void => {
    configure(
      parent
        .command(name)
        .description(description)
        .requiredOption('--as <user>', 'the acting user')
        .requiredOption(
          '--role <role>',
          'the role the user acts in: officer, planner, legal, supervisor, auditor or admin',
        )
        .option('--db <path>', 'SQLite file (default ./repatria.db; DATABASE_URL selects PostgreSQL)'),
    ).action(async (...received: unknown[]) => {
      // commander passes the positional arguments, then the options, then the command.
      const command = received.at(-1) as Command;
      const opts = command.opts<O>();
      const args = received.slice(0, -2).flatMap((a) => (Array.isArray(a) ? (a as string[]) : [a as string]));
      const run = await action(opts, args);
      await run(deps, storeConfig(opts, deps.env));
    });
  };
}

export function registerOperationsCommands(
  program: Command,
  deps: CliDeps,
  storeConfig: (opts: { db?: string }, env: CliDeps['env']) => StoreConfig,
): void {
  const sub = actingSubcommands(deps, storeConfig);

  const manifest = program
    .command('manifest')
    .description('Flights and manifests: draft, review, approve, board, depart, arrive, close.');
  const m = async () => import('./commands/manifest.js');
  sub<FlightOptions>(
    manifest,
    'flight',
    'Register a flight that manifests can be drawn for.',
    (c) =>
      c
        .requiredOption('--id <id>', 'flight id')
        .requiredOption('--date <date>', 'departure date, YYYY-MM-DD')
        .requiredOption('--origin <airport>', 'origin airport (IATA)')
        .requiredOption('--destination <airport>', 'destination airport (IATA)')
        .requiredOption('--origin-country <cc>', 'sending country (ISO 3166-1 alpha-2)')
        .requiredOption('--destination-country <cc>', 'receiving country')
        .requiredOption('--seats <n>', 'seats'),
    (opts) => m().then((x) => x.flightRun(opts)),
  );
  sub<CreateOptions>(
    manifest,
    'create',
    'Draft an empty manifest for a flight.',
    (c) =>
      c
        .requiredOption('--flight <id>', 'the flight')
        .option('--id <id>', 'manifest id (default M-<flight>-<n>)')
        .option('--reason <text>', 'why'),
    (opts) => m().then((x) => x.createRun(opts)),
  );
  sub<CommandOptions>(
    manifest,
    'add',
    'Add people to a draft manifest (each must be free to take the flight).',
    (c) => c.argument('<manifest>').argument('<people...>').option('--reason <text>', 'why'),
    (opts, args) => m().then((x) => x.commandRun('add', args, opts)),
  );
  for (const [name, text] of [
    ['submit', 'Submit a draft for legal review.'],
    ['approve', 'Approve a manifest that passed legal review (re-decides everyone; checks seats).'],
    ['board', 'Start boarding: the departure check re-decides everyone and strikes whoever is now blocked.'],
    ['close', 'Close an arrived manifest once every arrival is confirmed.'],
    ['cancel', 'Cancel a manifest before departure (needs --reason).'],
  ] as const) {
    sub<CommandOptions>(
      manifest,
      name,
      text,
      (c) => c.argument('<manifest>').option('--reason <text>', 'why'),
      (opts, args) => m().then((x) => x.commandRun(name, args, opts)),
    );
  }
  sub<CommandOptions>(
    manifest,
    'review',
    'Record the legal review of a manifest in review: --clear or --return.',
    (c) =>
      c
        .argument('<manifest>')
        .option('--clear', 'cleared for approval')
        .option('--return', 'returned to draft')
        .option('--reason <text>', 'why'),
    (opts, args) => m().then((x) => x.commandRun('review', args, opts)),
  );
  sub<CommandOptions>(
    manifest,
    'strike',
    'Strike a person from a manifest not yet departed, with a reason code.',
    (c) =>
      c
        .argument('<manifest>')
        .argument('<person>')
        .requiredOption(
          '--code <code>',
          'reason code (a blocker code, NOTICE_PERIOD, WITHDRAWN, ADMINISTRATIVE, …)',
        )
        .option('--fact <ids>', 'comma-separated ids of the facts behind the code')
        .option('--reason <text>', 'why'),
    (opts, args) => m().then((x) => x.commandRun('strike', args, opts)),
  );
  sub<CommandOptions>(
    manifest,
    'depart',
    'Record the departure: everyone on the manifest boarded, except --not-boarded.',
    (c) =>
      c
        .argument('<manifest>')
        .option('--not-boarded <ids>', 'comma-separated people who did not board')
        .option('--reason <text>', 'why'),
    (opts, args) => m().then((x) => x.commandRun('depart', args, opts)),
  );
  for (const [name, text] of [
    [
      'arrive',
      "Record the arrival, with the receiving country's confirmation reference and any confirmations.",
    ],
    ['confirm', "Record more of the receiving country's confirmations, person by person."],
  ] as const) {
    sub<CommandOptions>(
      manifest,
      name,
      text,
      (c) =>
        c
          .argument('<manifest>')
          .requiredOption('--reference <ref>', "the receiving country's confirmation reference")
          .option('--accepted <ids>', 'comma-separated people accepted, or "all"')
          .option('--refused <ids>', 'comma-separated people refused entry')
          .option('--reason <text>', 'why'),
      (opts, args) => m().then((x) => x.commandRun(name, args, opts)),
    );
  }
  sub<CommandOptions>(
    manifest,
    'inbound',
    'Record a citizen of the sending country returning on the return leg.',
    (c) =>
      c
        .argument('<manifest>')
        .requiredOption('--passenger <ref>', "the sending country's reference for the citizen (not a name)")
        .requiredOption('--citizenship <cc>', 'ISO 3166-1 alpha-2')
        .option('--reason <text>', 'why'),
    (opts, args) => m().then((x) => x.commandRun('inbound', args, opts)),
  );
  sub(
    manifest,
    'show',
    'Show a manifest: flight, people, strikes with reasons, and its history.',
    (c) => c.argument('<manifest>'),
    (opts, args) => m().then((x) => x.showRun(args, opts)),
  );
  sub<ListOptions>(
    manifest,
    'list',
    'List manifests.',
    (c) => c.option('--flight <id>', 'only this flight').option('--state <state>', 'only this state'),
    (opts) => m().then((x) => x.listRun(opts)),
  );

  const notice = program.command('notice').description('Notices of intended removal.');
  sub<ServeOptions>(
    notice,
    'serve',
    'Record serving a notice (language, recipients, delivery); the notice period runs once both are served.',
    (c) =>
      c
        .requiredOption('--person <id>', 'the person')
        .requiredOption('--to <who>', 'person, counsel or both')
        .requiredOption('--language <code>', 'ISO 639 language of the notice (es, ht, pt-BR, …)')
        .requiredOption('--method <method>', 'in_person, mail, electronic, fax or via_facility')
        .requiredOption('--served-on <date>', 'the day it was served, YYYY-MM-DD')
        .option('--no-counsel-of-record', 'the person has no counsel of record'),
    (opts) => import('./commands/notice.js').then((x) => x.serveRun(opts)),
  );

  const order = program
    .command('order')
    .description('Court orders: recorded, then every manifest not yet departed is re-decided at once.');
  const o = async () => import('./commands/order.js');
  const personOrder = (c: Command): Command =>
    c
      .requiredOption('--person <id>', 'the person')
      .requiredOption('--from <date>', 'first day in effect')
      .option('--through <date>', 'last day in effect (default: open-ended)')
      .option('--id <id>', 'fact id (default: generated)');
  sub<OrderOptions>(order, 'stay', 'Record a stay of removal.', personOrder, (opts) =>
    o().then((x) => x.orderRun('stay', opts)),
  );
  sub<OrderOptions>(
    order,
    'appeal',
    'Record a pending appeal (with a stay of removal unless --no-stay).',
    (c) => personOrder(c).option('--no-stay', 'the appeal does not stay removal'),
    (opts) => o().then((x) => x.orderRun('appeal', opts)),
  );
  sub<OrderOptions>(
    order,
    'protection',
    'Record withholding or CAT protection from removal to a country.',
    (c) =>
      personOrder(c)
        .requiredOption('--kind <kind>', 'withholding, cat_withholding or cat_deferral')
        .requiredOption('--country <cc>', 'the country'),
    (opts) => o().then((x) => x.orderRun('protection', opts)),
  );
  sub<OrderOptions>(
    order,
    'class-order',
    'Record a class-wide court order (re-decides everyone on every manifest not yet departed).',
    (c) =>
      c
        .requiredOption('--from <date>', 'first day in effect')
        .option('--through <date>', 'last day in effect')
        .requiredOption('--citation <text>', 'the order')
        .option('--nationality <ccs>', 'comma-separated nationalities covered')
        .option('--facility <ids>', 'comma-separated facilities covered')
        .option('--everyone', 'the order covers everyone (no nationality or facility criterion)')
        .option('--id <id>', 'fact id'),
    (opts) => o().then((x) => x.orderRun('class-order', opts)),
  );

  const audit = program.command('audit').description('The hash-chained audit log.');
  sub(
    audit,
    'verify',
    'Prove the chain intact, or name the first entry that was changed.',
    (c) => c,
    (opts) => import('./commands/audit.js').then((x) => x.verifyRun(opts)),
  );
  sub<AuditListOptions>(
    audit,
    'list',
    'Print audit entries.',
    (c) =>
      c
        .option('--after <seq>', 'after this entry')
        .option('--limit <n>', 'at most this many', '100')
        .option('--subject <id>', 'only this subject'),
    (opts) => import('./commands/audit.js').then((x) => x.listRun(opts)),
  );
}
