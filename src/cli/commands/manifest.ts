/** `repatria manifest …`: flights and manifests through the application services. */
import { authorize } from '../../application/authorize.js';
import { RefusedError, type CommandResult, type ManifestView } from '../../application/operations.js';
import type { OperationsStore } from '../../application/ports.js';
import { formatDay, formatDayForPeople, formatInstant, type Instant } from '../../domain/dates.js';
import {
  citationRefusal,
  COMMAND_ACTIONS,
  type Confirmation,
  type ManifestCommand,
} from '../../domain/manifest/decide.js';
import {
  isManifestState,
  peopleAboard,
  type FlightInfo,
  type Manifest,
  type ManifestEvent,
} from '../../domain/manifest/manifest.js';
import { describeReasons, isStrikeCode, STRIKE_CODES } from '../../domain/manifest/strike-codes.js';
import { UsageError } from '../exit.js';
import type { ActingOptions } from '../operations-commands.js';
import type { CliDeps } from '../program.js';
import type { StoreConfig } from '../store-config.js';
import { renderTable } from '../table.js';
import { dateOption, idList, withOperations } from './operations-context.js';

type Run = (deps: CliDeps, store: StoreConfig) => Promise<void>;

export interface FlightOptions extends ActingOptions {
  readonly id: string;
  readonly date: string;
  readonly origin: string;
  readonly destination: string;
  readonly originCountry: string;
  readonly destinationCountry: string;
  readonly seats: string;
}

export interface CreateOptions extends ActingOptions {
  readonly flight: string;
  readonly id?: string;
  readonly reason?: string;
}

export interface CommandOptions extends ActingOptions {
  readonly reason?: string;
  readonly clear?: boolean;
  readonly return?: boolean;
  readonly code?: string;
  readonly fact?: string;
  readonly notBoarded?: string;
  readonly reference?: string;
  readonly accepted?: string;
  readonly refused?: string;
  readonly passenger?: string;
  readonly citizenship?: string;
}

export interface ListOptions extends ActingOptions {
  readonly flight?: string;
  readonly state?: string;
}

export type CommandName = Exclude<ManifestCommand['type'], 'create'>;

export const flightLine = (f: FlightInfo): string =>
  `Flight ${f.id}: ${f.origin} → ${f.destination} (${f.originCountry} → ${f.destinationCountry}), ${formatDayForPeople(f.date)}, ${f.seats} seats`;

function summary(result: CommandResult): string {
  const m = result.manifest;
  const lines = [
    `Manifest ${m.id}: ${m.state.replace('_', ' ')} (version ${m.version}), ${peopleAboard(m)} on board.`,
  ];
  for (const e of result.events) {
    if (e.kind === 'person_struck')
      lines.push(`  struck ${e.personId}: ${describeReasons(e.reasons)} (${e.reason})`);
    if (e.kind === 'person_added') lines.push(`  added ${e.personId}`);
  }
  return `${lines.join('\n')}\n`;
}

export const flightRun =
  (opts: FlightOptions): Run =>
  (deps, store) =>
    withOperations(opts, deps, store, async (ops, actor) => {
      if (!/^\d+$/.test(opts.seats))
        throw new UsageError(`option --seats: "${opts.seats}" is not a whole number`);
      const flight = await ops.registerFlight(actor, {
        id: opts.id,
        date: dateOption('--date', opts.date),
        origin: opts.origin,
        destination: opts.destination,
        originCountry: opts.originCountry,
        destinationCountry: opts.destinationCountry,
        seats: Number(opts.seats),
      });
      deps.io.out(`Registered ${flightLine(flight)}.\n`);
    });

export const createRun =
  (opts: CreateOptions): Run =>
  (deps, store) =>
    withOperations(opts, deps, store, async (ops, actor) => {
      const result = await ops.createManifest(actor, {
        flightId: opts.flight,
        manifestId: opts.id,
        reason: opts.reason,
      });
      deps.io.out(summary(result));
    });

/** The domain command of a CLI subcommand, from its arguments and options. */
async function toCommand(
  name: CommandName,
  args: readonly string[],
  opts: CommandOptions,
  boarded: () => Promise<string[]>,
): Promise<Exclude<ManifestCommand, { type: 'create' }>> {
  switch (name) {
    case 'add':
      return { type: 'add', personIds: args.slice(1) };
    case 'submit':
    case 'approve':
    case 'board':
    case 'close':
    case 'cancel':
      return { type: name };
    case 'review':
      if (opts.clear === true && opts.return === true)
        throw new UsageError('give either --clear or --return, not both');
      if (opts.clear !== true && opts.return !== true)
        throw new UsageError('give --clear (cleared for approval) or --return (back to draft)');
      return { type: 'review', outcome: opts.clear === true ? 'cleared' : 'returned' };
    case 'strike': {
      const code = opts.code ?? '';
      if (!isStrikeCode(code))
        throw new UsageError(
          `option --code: "${code}" is not a reason code; use one of ${STRIKE_CODES.join(', ')}`,
        );
      return { type: 'strike', personId: args[1]!, reasons: [{ code, facts: idList(opts.fact) }] };
    }
    case 'depart':
      return { type: 'depart', notBoarded: idList(opts.notBoarded) };
    case 'arrive':
    case 'confirm': {
      const accepted = opts.accepted === 'all' ? await boarded() : idList(opts.accepted);
      const confirmations: Confirmation[] = [
        ...accepted.map((personId) => ({ personId, outcome: 'accepted' as const })),
        ...idList(opts.refused).map((personId) => ({ personId, outcome: 'refused' as const })),
      ];
      return { type: name, reference: opts.reference ?? '', confirmations };
    }
    case 'inbound':
      return { type: 'inbound', passengerId: opts.passenger ?? '', citizenship: opts.citizenship ?? '' };
    default: {
      const unknown: never = name;
      return unknown;
    }
  }
}

/**
 * Refuses a strike citing facts that are not the person's or the programme's as known now.
 * The manifest service reads no facts for a strike, so they are read here, just before its
 * transaction (as the API does): facts are only ever added or retracted, so the one race is
 * a cited fact retracted in between, which the strike then cites as it was a moment before.
 */
async function checkCitations(
  store: OperationsStore,
  command: Extract<ManifestCommand, { type: 'strike' }>,
  at: Instant,
): Promise<void> {
  if (command.reasons.every((r) => r.facts.length === 0)) return;
  const { person, program } = await store.transaction('read', async (tx) => ({
    person: (await tx.people([command.personId])).get(command.personId),
    program: await tx.programFacts(),
  }));
  // Someone not in the registry is on no manifest either; the strike says so.
  if (person === undefined) return;
  const refusal = citationRefusal(person, program, command.reasons, at);
  if (refusal !== undefined) throw new RefusedError(refusal);
}

export const commandRun =
  (name: CommandName, args: readonly string[], opts: CommandOptions): Run =>
  (deps, store) =>
    withOperations(opts, deps, store, async (ops, actor, opsStore) => {
      const manifestId = args[0]!;
      // "all accepted": everyone who boarded and has no confirmation yet, as stored now.
      const boarded = async (): Promise<string[]> =>
        (await ops.show(actor, manifestId)).manifest.people
          .filter((p) => p.boarded === true && p.arrival === null)
          .map((p) => p.personId);
      const command = await toCommand(name, args, opts, boarded);
      if (command.type === 'strike') {
        // A role that may not strike is told so before any fact is looked at.
        authorize(actor, COMMAND_ACTIONS.strike);
        await checkCitations(opsStore, command, deps.io.now());
      }
      deps.io.out(summary(await ops.command(actor, manifestId, command, opts.reason)));
    });

function eventLine(e: ManifestEvent, version: number): string {
  const what = ((): string => {
    switch (e.kind) {
      case 'person_added':
        return `added ${e.personId}`;
      case 'person_struck':
        return `struck ${e.personId}: ${describeReasons(e.reasons)} [${e.cause.replace('_', ' ')}]`;
      case 'boarding_started':
        return `boarding: departure check cleared ${e.cleared.length}`;
      case 'departed':
        return `departed with ${e.boarded.length}${e.notBoarded.length > 0 ? `; did not board: ${e.notBoarded.join(', ')}` : ''}`;
      case 'arrival_confirmed':
        return `arrival of ${e.personId}: ${e.outcome} (${e.reference})`;
      case 'inbound_recorded':
        return `return leg: passenger ${e.passengerId} (${e.citizenship})`;
      case 'arrived':
        return `arrived (${e.reference})`;
      case 'created':
      case 'submitted':
      case 'review_cleared':
      case 'review_returned':
      case 'approved':
      case 'closed':
      case 'cancelled':
        return e.kind.replace('_', ' ');
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
  })();
  return `v${version}  ${formatInstant(e.at)}  ${e.actor} (${e.role})  ${what} — ${e.reason}`;
}

function render(view: ManifestView): string {
  const { manifest: m, flight, events } = view;
  const out = [
    `Manifest ${m.id} — ${m.state.replace('_', ' ')}, version ${m.version}, owner ${m.owner}`,
    flightLine(flight),
    `Legal review: ${m.legalClearance === null ? 'not cleared' : `cleared by ${m.legalClearance.by} at ${formatInstant(m.legalClearance.at)}`}`,
    '',
  ];
  const rows = m.people.map((p) => [
    p.personId,
    p.strike !== null
      ? 'struck'
      : p.boarded === true
        ? 'boarded'
        : p.boarded === false
          ? 'did not board'
          : 'on board',
    p.strike === null
      ? ''
      : `${describeReasons(p.strike.reasons)} — ${p.strike.by} (${p.strike.role}): ${p.strike.note}`,
    p.arrival === null ? '' : `${p.arrival.outcome} (${p.arrival.reference})`,
  ]);
  out.push(
    rows.length === 0
      ? 'No one on this manifest.'
      : renderTable(['person', 'status', 'reasons', 'arrival'], rows).trimEnd(),
  );
  if (m.inbound.length > 0)
    out.push('', `Return leg: ${m.inbound.map((p) => `${p.passengerId} (${p.citizenship})`).join(', ')}`);
  out.push('', 'History:', ...events.map((e, i) => eventLine(e, i + 1)));
  return `${out.join('\n')}\n`;
}

export const showRun =
  (args: readonly string[], opts: ActingOptions): Run =>
  (deps, store) =>
    withOperations(opts, deps, store, async (ops, actor) => {
      deps.io.out(render(await ops.show(actor, args[0]!)));
    });

export const listRun =
  (opts: ListOptions): Run =>
  (deps, store) =>
    withOperations(opts, deps, store, async (ops, actor) => {
      if (opts.state !== undefined && !isManifestState(opts.state))
        throw new UsageError(`option --state: "${opts.state}" is not a manifest state`);
      const states = opts.state === undefined || !isManifestState(opts.state) ? undefined : [opts.state];
      const rows = (await ops.list(actor, { flightId: opts.flight, states })).map(
        ({ manifest, flight }: { manifest: Manifest; flight: FlightInfo }) => [
          manifest.id,
          manifest.state,
          flight.id,
          formatDay(flight.date),
          `${flight.origin}-${flight.destination}`,
          peopleAboard(manifest),
          manifest.people.filter((p) => p.strike !== null).length,
          manifest.owner,
        ],
      );
      deps.io.out(
        rows.length === 0
          ? 'No manifests.\n'
          : renderTable(
              ['manifest', 'state', 'flight', 'date', 'route', 'on board', 'struck', 'owner'],
              rows,
            ),
      );
    });
