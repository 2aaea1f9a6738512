/**
 * Flights and manifests on the wire, and their conversion from the domain (day numbers and
 * epoch milliseconds become dates and instants). Manifests hold ids, codes and reasons,
 * never names: they need no masking.
 */
import { z } from 'zod';
import type { ManifestView, StruckPerson } from '../../application/operations.js';
import { formatDay, formatInstant } from '../../domain/dates.js';
import {
  ARRIVAL_OUTCOMES,
  MANIFEST_STATES,
  peopleAboard,
  seatsHeld,
  STRIKE_CAUSES,
  type FlightInfo,
  type Manifest,
  type ManifestEvent,
  type ManifestPerson,
} from '../../domain/manifest/manifest.js';
import {
  STRIKE_CODES,
  STRIKE_SENTENCES,
  type StrikeCode,
  type StrikeReason,
} from '../../domain/manifest/strike-codes.js';
import { ROLES } from '../../domain/roles.js';
import { apiSchema } from './registry.js';
import { countryCode, dateText, instantText, recordId, shortText } from './scalars.js';

const airport = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter airport code (IATA-style)');

export const FlightSchema = apiSchema(
  'Flight',
  z.object({
    id: z.string(),
    date: dateText.describe('Departure date'),
    origin: z.string().describe('Airport code'),
    destination: z.string().describe('Airport code'),
    originCountry: countryCode.describe('The sending country'),
    destinationCountry: countryCode.describe('The receiving country: people on board must be its nationals'),
    seats: z.number().int(),
  }),
);

export const NewFlightSchema = apiSchema(
  'NewFlight',
  z.strictObject({
    id: recordId,
    date: dateText,
    origin: airport,
    destination: airport,
    originCountry: countryCode,
    destinationCountry: countryCode,
    seats: z.number().int().min(1).max(10_000),
  }),
);

export const flightJson = (f: FlightInfo): z.output<typeof FlightSchema> => ({
  id: f.id,
  date: formatDay(f.date),
  origin: f.origin,
  destination: f.destination,
  originCountry: f.originCountry,
  destinationCountry: f.destinationCountry,
  seats: f.seats,
});

export const StrikeReasonSchema = apiSchema(
  'StrikeReason',
  z.object({
    code: z.enum(STRIKE_CODES as readonly [StrikeCode, ...StrikeCode[]]),
    reason: z.string().describe('The code in plain English'),
    facts: z.array(z.string()).describe('Ids of the facts that cause it (none for some codes)'),
  }),
);

const reasonsJson = (reasons: readonly StrikeReason[]): z.output<typeof StrikeReasonSchema>[] =>
  reasons.map((r) => ({ code: r.code, reason: STRIKE_SENTENCES[r.code], facts: [...r.facts] }));

const eventMeta = {
  version: z.number().int().describe('Position in the manifest’s history, from 1'),
  at: instantText,
  actor: z.string().describe('User id'),
  role: z.enum(ROLES),
  reason: z.string(),
};
const event = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ kind: z.literal(kind), ...eventMeta, ...shape });

export const ManifestEventSchema = apiSchema(
  'ManifestEvent',
  z.discriminatedUnion('kind', [
    event('created', { flightId: z.string(), owner: z.string() }),
    event('person_added', { personId: z.string() }),
    event('person_struck', {
      personId: z.string(),
      reasons: z.array(StrikeReasonSchema),
      cause: z.enum(STRIKE_CAUSES),
    }),
    event('submitted', {}),
    event('review_cleared', {}),
    event('review_returned', {}),
    event('approved', {}),
    event('boarding_started', {
      cleared: z.array(z.string()).describe('People the departure check found free to fly'),
    }),
    event('departed', { boarded: z.array(z.string()), notBoarded: z.array(z.string()) }),
    event('arrived', { reference: z.string() }),
    event('arrival_confirmed', {
      personId: z.string(),
      outcome: z.enum(ARRIVAL_OUTCOMES),
      reference: z.string(),
    }),
    event('inbound_recorded', { passengerId: z.string(), citizenship: countryCode }),
    event('closed', {}),
    event('cancelled', {}),
  ]),
);
type ManifestEventJson = z.output<typeof ManifestEventSchema>;

export function eventJson(e: ManifestEvent, version: number): ManifestEventJson {
  const meta = { version, at: formatInstant(e.at), actor: e.actor, role: e.role, reason: e.reason };
  switch (e.kind) {
    case 'created':
      return { kind: e.kind, ...meta, flightId: e.flightId, owner: e.owner };
    case 'person_added':
      return { kind: e.kind, ...meta, personId: e.personId };
    case 'person_struck':
      return { kind: e.kind, ...meta, personId: e.personId, reasons: reasonsJson(e.reasons), cause: e.cause };
    case 'boarding_started':
      return { kind: e.kind, ...meta, cleared: [...e.cleared] };
    case 'departed':
      return { kind: e.kind, ...meta, boarded: [...e.boarded], notBoarded: [...e.notBoarded] };
    case 'arrived':
      return { kind: e.kind, ...meta, reference: e.reference };
    case 'arrival_confirmed':
      return { kind: e.kind, ...meta, personId: e.personId, outcome: e.outcome, reference: e.reference };
    case 'inbound_recorded':
      return { kind: e.kind, ...meta, passengerId: e.passengerId, citizenship: e.citizenship };
    case 'submitted':
    case 'review_cleared':
    case 'review_returned':
    case 'approved':
    case 'closed':
    case 'cancelled':
      return { kind: e.kind, ...meta };
    default: {
      const unknown: never = e;
      return unknown;
    }
  }
}

export const PERSON_STATUSES = ['on_board', 'struck', 'boarded', 'not_boarded'] as const;

const statusOf = (p: ManifestPerson): (typeof PERSON_STATUSES)[number] =>
  p.strike !== null
    ? 'struck'
    : p.boarded === true
      ? 'boarded'
      : p.boarded === false
        ? 'not_boarded'
        : 'on_board';

export const ManifestPersonSchema = apiSchema(
  'ManifestPerson',
  z.object({
    personId: z.string(),
    status: z.enum(PERSON_STATUSES),
    addedAt: instantText,
    addedBy: z.string(),
    strike: z
      .object({
        reasons: z.array(StrikeReasonSchema),
        cause: z.enum(STRIKE_CAUSES),
        at: instantText,
        by: z.string(),
        role: z.enum(ROLES),
        note: z.string(),
      })
      .nullable(),
    arrival: z
      .object({ outcome: z.enum(ARRIVAL_OUTCOMES), reference: z.string(), at: instantText })
      .nullable(),
  }),
);

export const manifestPersonJson = (p: ManifestPerson): z.output<typeof ManifestPersonSchema> => ({
  personId: p.personId,
  status: statusOf(p),
  addedAt: formatInstant(p.addedAt),
  addedBy: p.addedBy,
  strike:
    p.strike === null
      ? null
      : {
          reasons: reasonsJson(p.strike.reasons),
          cause: p.strike.cause,
          at: formatInstant(p.strike.at),
          by: p.strike.by,
          role: p.strike.role,
          note: p.strike.note,
        },
  arrival:
    p.arrival === null
      ? null
      : { outcome: p.arrival.outcome, reference: p.arrival.reference, at: formatInstant(p.arrival.at) },
});

const manifestCore = {
  id: z.string(),
  flightId: z.string(),
  state: z.enum(MANIFEST_STATES),
  version: z.number().int().describe('Events so far'),
  owner: z.string().describe('User id of who drafted it'),
  onBoard: z.number().int().describe('People added and not struck; once the departure is recorded, those who boarded'),
  struck: z.number().int().describe('People struck off'),
};

const coreJson = (m: Manifest) => ({
  id: m.id,
  flightId: m.flightId,
  state: m.state,
  version: m.version,
  owner: m.owner,
  onBoard: peopleAboard(m),
  struck: m.people.filter((p) => p.strike !== null).length,
});

export const ManifestSummarySchema = apiSchema(
  'ManifestSummary',
  z.object({ ...manifestCore, flight: FlightSchema }),
);

export const manifestSummaryJson = (
  m: Manifest,
  flight: FlightInfo,
): z.output<typeof ManifestSummarySchema> => ({ ...coreJson(m), flight: flightJson(flight) });

export const ManifestDetailSchema = apiSchema(
  'ManifestDetail',
  z.object({
    ...manifestCore,
    flight: FlightSchema,
    legalClearance: z.object({ by: z.string(), at: instantText }).nullable(),
    reference: z.string().nullable().describe('The receiving country’s arrival reference'),
    seats: z.object({
      flight: z.number().int().describe('Seats on the flight'),
      held: z.number().int().describe('Held by this manifest (approved and later)'),
      heldElsewhere: z.number().int().describe('Held by the flight’s other manifests'),
      free: z.number().int().describe('Seats no manifest holds'),
    }),
    people: z.array(ManifestPersonSchema).describe('Everyone ever added, in the order first added'),
    inbound: z
      .array(z.object({ passengerId: z.string(), citizenship: countryCode, at: instantText }))
      .describe('Return-leg passengers: citizens of the sending country'),
    events: z.array(ManifestEventSchema).describe('The whole history, oldest first'),
  }),
);

export function manifestDetailJson(view: ManifestView): z.output<typeof ManifestDetailSchema> {
  const { manifest: m, flight, events, seatsHeldElsewhere } = view;
  const held = seatsHeld(m);
  return {
    ...coreJson(m),
    flight: flightJson(flight),
    legalClearance:
      m.legalClearance === null ? null : { by: m.legalClearance.by, at: formatInstant(m.legalClearance.at) },
    reference: m.reference,
    seats: {
      flight: flight.seats,
      held,
      heldElsewhere: seatsHeldElsewhere,
      free: Math.max(0, flight.seats - held - seatsHeldElsewhere),
    },
    people: m.people.map(manifestPersonJson),
    inbound: m.inbound.map((p) => ({
      passengerId: p.passengerId,
      citizenship: p.citizenship,
      at: formatInstant(p.at),
    })),
    events: events.map((e, i) => eventJson(e, i + 1)),
  };
}

export const StruckPersonSchema = apiSchema(
  'StruckPerson',
  z.object({
    manifestId: z.string(),
    personId: z.string(),
    reasons: z.array(StrikeReasonSchema),
  }),
);

export const struckJson = (s: StruckPerson): z.output<typeof StruckPersonSchema> => ({
  manifestId: s.manifestId,
  personId: s.personId,
  reasons: reasonsJson(s.reasons),
});

/** An optional note for the history; the service writes a default one when none is given. */
export const reasonField = shortText(1000).optional().describe('Why; recorded in the manifest’s history');
