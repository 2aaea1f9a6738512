/**
 * `repatria flight add|list`, `repatria facility add|list`, `repatria transfer add|list`: the
 * flight network the planner reads, through the network service (src/application/network.ts).
 */
import { randomUUID } from 'node:crypto';
import { network, type Network } from '../../application/network.js';
import type { Acting } from '../../application/authorize.js';
import { formatDay } from '../../domain/dates.js';
import { airportsByCode } from '../../planner/airport-data.js';
import { UsageError } from '../exit.js';
import type { ActingOptions } from '../operations-commands.js';
import type { CliDeps } from '../program.js';
import type { StoreConfig } from '../store-config.js';
import { renderTable } from '../table.js';
import { flightLine } from './manifest.js';
import { dateOption, withOperations } from './operations-context.js';

type Run = (deps: CliDeps, store: StoreConfig) => Promise<void>;

export interface NetworkFlightOptions extends ActingOptions {
  readonly id: string;
  readonly date: string;
  readonly origin: string;
  readonly destination: string;
  readonly originCountry?: string;
  readonly destinationCountry?: string;
  readonly seats: string;
  readonly suppliedBy?: string;
}

export interface FlightListOptions extends ActingOptions {
  readonly from: string;
  readonly to: string;
  readonly format?: string;
}

export interface FacilityOptions extends ActingOptions {
  readonly id: string;
  readonly name: string;
  readonly airport: string;
}

export interface TransferOptions extends ActingOptions {
  readonly facility: string;
  readonly airport: string;
  readonly cost: string;
}

export interface ListOptions extends ActingOptions {
  readonly format?: string;
}

function withNetwork(
  opts: ActingOptions,
  deps: CliDeps,
  store: StoreConfig,
  work: (net: Network, actor: Acting) => Promise<void>,
): Promise<void> {
  return withOperations(opts, deps, store, (ops, actor, opened) =>
    work(
      network({
        store: opened,
        operations: ops,
        clock: deps.io.now,
        newId: randomUUID,
        airports: airportsByCode,
      }),
      actor,
    ),
  );
}

/** A whole number from an option, or a usage error naming the option. */
function wholeNumber(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`option ${name}: "${text}" is not a whole number`);
  return Number(text);
}

function formatOption(text: string | undefined): 'table' | 'json' {
  if (text === undefined || text === 'table' || text === 'json') return text ?? 'table';
  throw new UsageError(`option --format: "${text}" is not one of table, json`);
}

export const flightAddRun =
  (opts: NetworkFlightOptions): Run =>
  (deps, store) =>
    withNetwork(opts, deps, store, async (net, actor) => {
      const suppliedBy = opts.suppliedBy;
      if (suppliedBy !== undefined && suppliedBy !== 'sending' && suppliedBy !== 'receiving')
        throw new UsageError(`option --supplied-by: "${suppliedBy}" is not one of sending, receiving`);
      const flight = await net.registerFlight(actor, {
        id: opts.id,
        date: dateOption('--date', opts.date),
        origin: opts.origin,
        destination: opts.destination,
        originCountry: opts.originCountry,
        destinationCountry: opts.destinationCountry,
        seats: wholeNumber('--seats', opts.seats),
        suppliedBy,
      });
      deps.io.out(`Registered ${flightLine(flight)}; aircraft supplied by the ${flight.suppliedBy} country.\n`);
    });

export const flightListRun =
  (opts: FlightListOptions): Run =>
  (deps, store) =>
    withNetwork(opts, deps, store, async (net, actor) => {
      const format = formatOption(opts.format);
      const flights = await net.listFlights(actor, dateOption('--from', opts.from), dateOption('--to', opts.to));
      if (format === 'json') {
        deps.io.out(`${JSON.stringify(flights.map((f) => ({ ...f, date: formatDay(f.date) })), null, 2)}\n`);
        return;
      }
      deps.io.out(
        renderTable(
          ['flight', 'date', 'route', 'countries', 'seats', 'supplied by'],
          flights.map((f) => [
            f.id,
            formatDay(f.date),
            `${f.origin}-${f.destination}`,
            `${f.originCountry}-${f.destinationCountry}`,
            f.seats,
            f.suppliedBy,
          ]),
        ),
      );
    });

export const facilityAddRun =
  (opts: FacilityOptions): Run =>
  (deps, store) =>
    withNetwork(opts, deps, store, async (net, actor) => {
      const f = await net.registerFacility(actor, { id: opts.id, name: opts.name, airport: opts.airport });
      deps.io.out(`Registered facility ${f.id}: ${f.name} (near ${f.airport}).\n`);
    });

export const facilityListRun =
  (opts: ListOptions): Run =>
  (deps, store) =>
    withNetwork(opts, deps, store, async (net, actor) => {
      const format = formatOption(opts.format);
      const { facilities, transfers } = await net.listFacilities(actor);
      if (format === 'json') {
        deps.io.out(`${JSON.stringify({ facilities, transfers }, null, 2)}\n`);
        return;
      }
      const to = new Map<string, string[]>();
      for (const t of transfers) to.set(t.facility, [...(to.get(t.facility) ?? []), `${t.airport} ${t.cost}`]);
      deps.io.out(
        renderTable(
          ['facility', 'name', 'near', 'transfers (airport cost)'],
          facilities.map((f) => [f.id, f.name, f.airport, (to.get(f.id) ?? []).join(', ')]),
        ),
      );
    });

export const transferAddRun =
  (opts: TransferOptions): Run =>
  (deps, store) =>
    withNetwork(opts, deps, store, async (net, actor) => {
      if (!/^\d+(\.\d+)?$/.test(opts.cost))
        throw new UsageError(`option --cost: "${opts.cost}" is not a number at least 0`);
      const t = await net.recordTransfer(actor, {
        facility: opts.facility,
        airport: opts.airport,
        cost: Number(opts.cost),
      });
      deps.io.out(`Recorded transfer ${t.facility} → ${t.airport} at ${t.cost} a person.\n`);
    });
