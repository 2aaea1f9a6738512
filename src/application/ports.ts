/**
 * What the application services need from storage: one transaction at a time, with the
 * reads and appends a manifest command, a court order or a notice makes. The store
 * implements it for SQLite and PostgreSQL (src/store/operations-store.ts); the services
 * never see SQL.
 */
import type { AuditEntry, ChainedEntry, ChainHead, HashText } from '../domain/audit-chain.js';
import type { Day, Instant } from '../domain/dates.js';
import type { Person, PersonFact, ProgramFact, ReturnAgreementFact } from '../domain/facts.js';
import type { FlightInfo, Manifest, ManifestEvent, ManifestState } from '../domain/manifest/manifest.js';
import type { NoticeServing } from '../domain/notice-serving.js';
import type { Actor, Retraction, WriteSummary } from '../domain/ports.js';

/**
 * How a transaction is isolated from the others:
 * - `record`: records facts; runs alone among writers of facts and beside no manifest command,
 *   so that a court order and a manifest command never decide on each other's half-written state;
 * - `operate`: a manifest command; runs beside other manifest commands, which serialise only on
 *   the flight they touch (`flight(id, { lock: true })`) and on the people they add or approve;
 * - `read`: a consistent snapshot, writes nothing.
 */
export type TransactionMode = 'record' | 'operate' | 'read';

/** A message for a user, delivered later by whoever drains the outbox. */
export interface Notification {
  readonly recipient: string;
  readonly kind: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly correlationId: string;
  readonly body: Readonly<Record<string, unknown>>;
}

export interface StoredNotification extends Notification {
  readonly seq: number;
  readonly at: Instant;
}

/** An audit entry before the log gives it a place: `details` as a value, made canonical on write. */
export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'details'> & {
  readonly details: Readonly<Record<string, unknown>>;
};

export interface ManifestFilter {
  readonly flightId?: string | undefined;
  readonly states?: readonly ManifestState[] | undefined;
  /** Manifests that have ever listed this person (struck or not). */
  readonly personId?: string | undefined;
}

/** Which flights to list, in id order, a page at a time. */
export interface FlightFilter {
  /** First and last departure date (inclusive). */
  readonly from?: Day | undefined;
  readonly through?: Day | undefined;
  /** Destination airport code. */
  readonly destination?: string | undefined;
  readonly destinationCountry?: string | undefined;
  /** Flights with ids after this one (the last id of the previous page). */
  readonly afterId?: string | undefined;
  readonly limit: number;
}

/** Which side supplies a flight's aircraft, as in a `return_agreement`'s `transport`. */
export type TransportSide = ReturnAgreementFact['transport'];

/** A flight with who supplies its aircraft (the planner's view of `flights`). */
export interface NetworkFlight extends FlightInfo {
  readonly suppliedBy: TransportSide;
}

/** A detention facility: its id is the `facility` of `custody` facts. */
export interface FacilityInfo {
  readonly id: string;
  readonly name: string;
  /** IATA code of the airport nearest the facility. */
  readonly airport: string;
}

/** The cost of moving one person from a facility to an origin airport. */
export interface TransferInfo {
  readonly facility: string;
  readonly airport: string;
  readonly cost: number;
}

export interface OperationsTx {
  /** `lock`: hold the flight until commit, so that seat counts on it cannot change meanwhile. */
  flight(id: string, options?: { readonly lock?: boolean }): Promise<FlightInfo | undefined>;
  flights(filter: FlightFilter): Promise<FlightInfo[]>;
  /** CONFLICT if the id is taken. `suppliedBy` defaults to `sending`. */
  insertFlight(
    flight: FlightInfo & { readonly suppliedBy?: TransportSide | undefined },
    at: Instant,
    actor: Actor,
  ): Promise<void>;
  /** Flights from `from` through `to` (inclusive), by date then id, with who supplies each. */
  flightsBetween(from: Day, to: Day): Promise<NetworkFlight[]>;

  /** CONFLICT if the id is taken. */
  insertFacility(facility: FacilityInfo, at: Instant, actor: Actor): Promise<void>;
  /** Every facility, by id. */
  facilities(): Promise<FacilityInfo[]>;
  /** Records a cost; it replaces the pair's earlier cost from now on. NOT_FOUND for an unknown facility. */
  insertTransfer(transfer: TransferInfo, at: Instant, actor: Actor): Promise<void>;
  /** The cost in force of every (facility, airport) pair, by facility then airport. */
  transfers(): Promise<TransferInfo[]>;
  /** Ids of people with a custody fact (known or not, retracted or not) whose period meets `from`..`to`. */
  peopleHeldBetween(from: Day, to: Day): Promise<string[]>;

  /** CONFLICT if the id is taken. */
  insertManifest(id: string, flightId: string, owner: string, at: Instant): Promise<void>;
  manifest(id: string): Promise<Manifest | undefined>;
  manifestEvents(id: string): Promise<ManifestEvent[]>;
  manifests(filter: ManifestFilter): Promise<Manifest[]>;
  /** Manifests not yet departed or cancelled that have ever listed one of the people (`all`: every one). */
  openManifestsWith(personIds: readonly string[] | 'all'): Promise<Manifest[]>;
  /**
   * Departed manifests (departed, arrived or closed) that have ever listed one of the people
   * (`all`: every one). With `knownAt`: those whose departure was recorded by then, each
   * folded from the events recorded by then.
   */
  departedManifestsWith(personIds: readonly string[] | 'all', knownAt?: Instant): Promise<Manifest[]>;
  /** Appends events after `afterVersion`; CONFLICT if another writer appended first. */
  appendManifestEvents(
    manifestId: string,
    afterVersion: number,
    events: readonly ManifestEvent[],
    correlationId: string,
  ): Promise<void>;

  /** Holds each person until commit (PostgreSQL), so that two manifests cannot take one person at once. */
  lockPeople(ids: readonly string[]): Promise<void>;
  /**
   * Holds a destination country's ISO week (its Monday) until commit (PostgreSQL), so that two
   * manifests of flights in that week are never approved against each other's unfinished
   * counts of the weekly cap. SQLite runs one writer at a time and needs no lock.
   */
  lockWeek(country: string, monday: Day): Promise<void>;
  /** The people found, with every fact ever recorded (retracted ones carry `retractedAt`). */
  people(ids: readonly string[]): Promise<Map<string, Person>>;
  programFacts(): Promise<ProgramFact[]>;
  /** As `FactStore.recordPersonFacts`, inside this transaction (`record` mode only). */
  recordPersonFacts(personId: string, facts: readonly PersonFact[], actor: Actor): Promise<WriteSummary>;
  /** As `FactStore.retract`, inside this transaction (`record` mode only). */
  retract(retraction: Retraction, actor: Actor): Promise<void>;
  recordProgramFacts(facts: readonly ProgramFact[], actor: Actor): Promise<void>;

  noticeServings(personId: string): Promise<NoticeServing[]>;
  insertNoticeServing(serving: NoticeServing, actor: Actor, correlationId: string): Promise<void>;

  notify(notifications: readonly Notification[], at: Instant): Promise<void>;
  /** Appends to the audit chain, in order, and returns the entries as linked. */
  audit(entries: readonly NewAuditEntry[]): Promise<ChainedEntry[]>;
}

export interface AuditFilter {
  readonly subjectId?: string | undefined;
  /** The acting user's id. */
  readonly who?: string | undefined;
  /** `manifest.approved`, or a prefix ending before a dot: `manifest` matches every `manifest.…` entry. */
  readonly what?: string | undefined;
}

export interface OperationsStore {
  transaction<T>(mode: TransactionMode, work: (tx: OperationsTx) => Promise<T>): Promise<T>;
  /** Audit entries after `afterSeq`, in seq order, at most `limit`, that match every filter given. */
  auditEntries(afterSeq: number, limit: number, filter?: AuditFilter): Promise<ChainedEntry[]>;
  /**
   * The end of the audit chain as its writer recorded it with its latest committed append (the
   * last entry's seq and hash; `EMPTY_CHAIN` before the first), kept apart from the entries so
   * that entries removed from the end of the log are found (`checkEnd`).
   */
  auditHead(): Promise<ChainHead>;
  /** Notifications after `afterSeq` not yet delivered. */
  pendingNotifications(afterSeq?: number, limit?: number): Promise<StoredNotification[]>;
  /** The chain's hash function (SHA-256). */
  readonly hash: HashText;
}
