/**
 * A manifest: the people a flight is to carry, and its lifecycle
 * draft → in_review → approved → boarding → departed → arrived → closed, or cancelled
 * before departure. The manifest is the fold (`evolve`) of its events; nothing else about it
 * is stored. Every event names the actor, the role they acted in, the instant and the reason.
 */
import { dayOfInstant, type Day, type Instant } from '../dates.js';
import type { CountryCode } from '../facts.js';
import type { Role } from '../roles.js';
import type { StrikeReason } from './strike-codes.js';

export const MANIFEST_STATES = [
  'draft',
  'in_review',
  'approved',
  'boarding',
  'departed',
  'arrived',
  'closed',
  'cancelled',
] as const;
export type ManifestState = (typeof MANIFEST_STATES)[number];

export const isManifestState = (text: string): text is ManifestState =>
  (MANIFEST_STATES as readonly string[]).includes(text);

/** States in which the flight has not left: people may still be struck, court orders still apply. */
export const NOT_DEPARTED: readonly ManifestState[] = ['draft', 'in_review', 'approved', 'boarding'];
/** States in which a manifest holds seats on its flight. */
export const HOLDS_SEATS: readonly ManifestState[] = [
  'approved',
  'boarding',
  'departed',
  'arrived',
  'closed',
];

/** The flight a manifest is drawn for, as the manifest rules read it. */
export interface FlightInfo {
  readonly id: string;
  /** Departure date: the day every decision about the people on board is asked about. */
  readonly date: Day;
  /** Airport codes. */
  readonly origin: string;
  readonly destination: string;
  /** The sending country: citizens of it may come back on the return leg. */
  readonly originCountry: CountryCode;
  /** The receiving country: people on the outbound leg must be its nationals. */
  readonly destinationCountry: CountryCode;
  readonly seats: number;
}

/** Who acted, in which role, when, and why: carried by every event. */
export interface EventMeta {
  readonly at: Instant;
  readonly actor: string;
  readonly role: Role;
  readonly reason: string;
}

/** What led to a strike: a person's decision, or a check the system ran. */
export const STRIKE_CAUSES = ['manual', 'fact_recorded', 'approval_check', 'departure_check'] as const;
export type StrikeCause = (typeof STRIKE_CAUSES)[number];

export const ARRIVAL_OUTCOMES = ['accepted', 'refused'] as const;
export type ArrivalOutcome = (typeof ARRIVAL_OUTCOMES)[number];

export type ManifestEventBody =
  | { readonly kind: 'created'; readonly flightId: string; readonly owner: string }
  | { readonly kind: 'person_added'; readonly personId: string }
  | {
      readonly kind: 'person_struck';
      readonly personId: string;
      readonly reasons: readonly StrikeReason[];
      readonly cause: StrikeCause;
    }
  | { readonly kind: 'submitted' }
  | { readonly kind: 'review_cleared' }
  | { readonly kind: 'review_returned' }
  | { readonly kind: 'approved' }
  /** The departure check: `cleared` are the people it found free to fly. */
  | { readonly kind: 'boarding_started'; readonly cleared: readonly string[] }
  | { readonly kind: 'departed'; readonly boarded: readonly string[]; readonly notBoarded: readonly string[] }
  | { readonly kind: 'arrived'; readonly reference: string }
  | {
      readonly kind: 'arrival_confirmed';
      readonly personId: string;
      readonly outcome: ArrivalOutcome;
      readonly reference: string;
    }
  | { readonly kind: 'inbound_recorded'; readonly passengerId: string; readonly citizenship: CountryCode }
  | { readonly kind: 'closed' }
  | { readonly kind: 'cancelled' };

export type ManifestEvent = EventMeta & ManifestEventBody;
export type ManifestEventKind = ManifestEvent['kind'];

export interface Strike {
  readonly reasons: readonly StrikeReason[];
  readonly cause: StrikeCause;
  readonly at: Instant;
  readonly by: string;
  readonly role: Role;
  readonly note: string;
}

export interface ArrivalConfirmation {
  readonly outcome: ArrivalOutcome;
  readonly reference: string;
  readonly at: Instant;
}

export interface ManifestPerson {
  readonly personId: string;
  readonly addedAt: Instant;
  readonly addedBy: string;
  /** Set when struck; cleared if the person is added again while the manifest is a draft. */
  readonly strike: Strike | null;
  /** Set at departure: whether the person actually boarded. */
  readonly boarded: boolean | null;
  readonly arrival: ArrivalConfirmation | null;
}

export interface InboundPassenger {
  /** The sending country's reference for the citizen, not a name. */
  readonly passengerId: string;
  readonly citizenship: CountryCode;
  readonly at: Instant;
}

export interface Manifest {
  readonly id: string;
  readonly flightId: string;
  /** The user who drafted it: told of every strike they did not make themselves. */
  readonly owner: string;
  readonly state: ManifestState;
  /** Number of events folded: the next event is `version + 1`. */
  readonly version: number;
  /** Everyone ever added, in the order first added. */
  readonly people: readonly ManifestPerson[];
  /** Legal review passed since the manifest was last returned to draft. */
  readonly legalClearance: { readonly by: string; readonly at: Instant } | null;
  readonly inbound: readonly InboundPassenger[];
  readonly reference: string | null;
  /** When the departure was recorded; null before. */
  readonly departedAt: Instant | null;
}

/** People on the manifest now: added and not struck. */
export const onBoardList = (m: Manifest): ManifestPerson[] => m.people.filter((p) => p.strike === null);

/**
 * How many are on board, as people read it: once the departure is recorded, those who
 * boarded (it marks everyone not struck as boarded or not); before it, everyone not struck.
 */
export const peopleAboard = (m: Manifest): number =>
  m.people.filter((p) => (p.boarded === null ? p.strike === null : p.boarded)).length;

/**
 * People a manifest commits to its flight's destination, for the weekly caps: everyone on
 * board of a manifest not yet departed (a draft too: planned people are spoken for), the
 * people who boarded once it has left, none once cancelled.
 */
export function peopleCommitted(m: Manifest): number {
  if (NOT_DEPARTED.includes(m.state)) return onBoardList(m).length;
  return seatsHeld(m);
}

/** Seats the manifest holds on its flight: people not struck, or once departed those who boarded. */
export function seatsHeld(m: Manifest): number {
  if (!HOLDS_SEATS.includes(m.state)) return 0;
  if (m.state === 'approved' || m.state === 'boarding') return onBoardList(m).length;
  return m.people.filter((p) => p.boarded === true).length;
}

const replacePerson = (
  m: Manifest,
  personId: string,
  change: (p: ManifestPerson) => ManifestPerson,
): readonly ManifestPerson[] => m.people.map((p) => (p.personId === personId ? change(p) : p));

/** Applies one event. Events are facts: they were decided already, so nothing is refused here. */
export function evolve(m: Manifest | undefined, event: ManifestEvent, manifestId = ''): Manifest {
  if (event.kind === 'created') {
    return {
      id: manifestId,
      flightId: event.flightId,
      owner: event.owner,
      state: 'draft',
      version: 1,
      people: [],
      legalClearance: null,
      inbound: [],
      reference: null,
      departedAt: null,
    };
  }
  if (m === undefined) throw new Error(`A ${event.kind} event cannot start a manifest`);
  const next = (change: Partial<Manifest>): Manifest => ({ ...m, ...change, version: m.version + 1 });
  switch (event.kind) {
    case 'person_added': {
      const existing = m.people.some((p) => p.personId === event.personId);
      const fresh: ManifestPerson = {
        personId: event.personId,
        addedAt: event.at,
        addedBy: event.actor,
        strike: null,
        boarded: null,
        arrival: null,
      };
      return next({
        people: existing ? replacePerson(m, event.personId, () => fresh) : [...m.people, fresh],
      });
    }
    case 'person_struck':
      return next({
        people: replacePerson(m, event.personId, (p) => ({
          ...p,
          strike: {
            reasons: event.reasons,
            cause: event.cause,
            at: event.at,
            by: event.actor,
            role: event.role,
            note: event.reason,
          },
        })),
      });
    case 'submitted':
      return next({ state: 'in_review' });
    case 'review_cleared':
      return next({ legalClearance: { by: event.actor, at: event.at } });
    case 'review_returned':
      return next({ state: 'draft', legalClearance: null });
    case 'approved':
      return next({ state: 'approved' });
    case 'boarding_started':
      return next({ state: 'boarding' });
    case 'departed': {
      const boarded = new Set(event.boarded);
      return next({
        state: 'departed',
        departedAt: event.at,
        people: m.people.map((p) => (p.strike === null ? { ...p, boarded: boarded.has(p.personId) } : p)),
      });
    }
    case 'arrived':
      return next({ state: 'arrived', reference: event.reference });
    case 'arrival_confirmed':
      return next({
        people: replacePerson(m, event.personId, (p) => ({
          ...p,
          arrival: { outcome: event.outcome, reference: event.reference, at: event.at },
        })),
      });
    case 'inbound_recorded':
      return next({
        inbound: [
          ...m.inbound,
          { passengerId: event.passengerId, citizenship: event.citizenship, at: event.at },
        ],
      });
    case 'closed':
      return next({ state: 'closed' });
    case 'cancelled':
      return next({ state: 'cancelled' });
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/**
 * The manifest its events describe; `undefined` for none. With `knownAt`, the manifest as
 * it was known at that instant: the events recorded later are left out.
 */
export function replay(manifestId: string, events: readonly ManifestEvent[], knownAt?: Instant): Manifest | undefined {
  let m: Manifest | undefined;
  for (const e of events) {
    if (knownAt !== undefined && e.at > knownAt) break;
    m = evolve(m, e, manifestId);
  }
  return m;
}

/**
 * People already returned, with the manifest that returned them: everyone who boarded a
 * departed manifest, unless the receiving country refused them on arrival (they come back,
 * and may be planned again). Such a person is not planned or added to a manifest again.
 */
export function returnedPeople(departed: readonly Manifest[]): Map<string, string> {
  return new Map([...returns(departed)].map(([personId, r]) => [personId, r.manifestId]));
}

/** A person's return: the manifest they left on, and the day its departure was recorded (UTC). */
export interface PersonReturn {
  readonly manifestId: string;
  readonly day: Day;
}

/** {@link returnedPeople} with the day of each return: from that day on, the person counts as returned. */
export function returns(departed: readonly Manifest[]): Map<string, PersonReturn> {
  const out = new Map<string, PersonReturn>();
  for (const m of departed) {
    if (m.departedAt === null) continue;
    const day = dayOfInstant(m.departedAt);
    for (const p of m.people)
      if (p.boarded === true && p.arrival?.outcome !== 'refused' && !out.has(p.personId))
        out.set(p.personId, { manifestId: m.id, day });
  }
  return out;
}
