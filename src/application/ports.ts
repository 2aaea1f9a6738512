/**
 * What the application services need from storage: one transaction at a time, with the
 * reads and appends a manifest command, a court order or a notice makes. The store
 * implements it for SQLite and PostgreSQL (src/store/operations-store.ts); the services
 * never see SQL.
 */
import type { AuditEntry, ChainedEntry, HashText } from '../domain/audit-chain.js';
import type { Instant } from '../domain/dates.js';
import type { Person, PersonFact, ProgramFact } from '../domain/facts.js';
import type { FlightInfo, Manifest, ManifestEvent, ManifestState } from '../domain/manifest/manifest.js';
import type { NoticeServing } from '../domain/notice-serving.js';
import type { Actor } from '../domain/ports.js';

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
}

export interface OperationsTx {
  /** `lock`: hold the flight until commit, so that seat counts on it cannot change meanwhile. */
  flight(id: string, options?: { readonly lock?: boolean }): Promise<FlightInfo | undefined>;
  /** CONFLICT if the id is taken. */
  insertFlight(flight: FlightInfo, at: Instant, actor: Actor): Promise<void>;

  /** CONFLICT if the id is taken. */
  insertManifest(id: string, flightId: string, owner: string, at: Instant): Promise<void>;
  manifest(id: string): Promise<Manifest | undefined>;
  manifestEvents(id: string): Promise<ManifestEvent[]>;
  manifests(filter: ManifestFilter): Promise<Manifest[]>;
  /** Manifests not yet departed or cancelled that have ever listed one of the people (`all`: every one). */
  openManifestsWith(personIds: readonly string[] | 'all'): Promise<Manifest[]>;
  /** Appends events after `afterVersion`; CONFLICT if another writer appended first. */
  appendManifestEvents(
    manifestId: string,
    afterVersion: number,
    events: readonly ManifestEvent[],
    correlationId: string,
  ): Promise<void>;

  /** Holds each person until commit (PostgreSQL), so that two manifests cannot take one person at once. */
  lockPeople(ids: readonly string[]): Promise<void>;
  /** The people found, with every fact ever recorded (retracted ones carry `retractedAt`). */
  people(ids: readonly string[]): Promise<Map<string, Person>>;
  programFacts(): Promise<ProgramFact[]>;
  /** As `FactStore.recordPersonFacts`, inside this transaction (`record` mode only). */
  recordPersonFacts(personId: string, facts: readonly PersonFact[], actor: Actor): Promise<void>;
  recordProgramFacts(facts: readonly ProgramFact[], actor: Actor): Promise<void>;

  noticeServings(personId: string): Promise<NoticeServing[]>;
  insertNoticeServing(serving: NoticeServing, actor: Actor, correlationId: string): Promise<void>;

  notify(notifications: readonly Notification[], at: Instant): Promise<void>;
  /** Appends to the audit chain, in order, and returns the entries as linked. */
  audit(entries: readonly NewAuditEntry[]): Promise<ChainedEntry[]>;
}

export interface OperationsStore {
  transaction<T>(mode: TransactionMode, work: (tx: OperationsTx) => Promise<T>): Promise<T>;
  /** Audit entries after `afterSeq`, in seq order, at most `limit`. */
  auditEntries(afterSeq: number, limit: number, subjectId?: string): Promise<ChainedEntry[]>;
  /** Notifications after `afterSeq` not yet delivered. */
  pendingNotifications(afterSeq?: number, limit?: number): Promise<StoredNotification[]>;
  /** The chain's hash function (SHA-256). */
  readonly hash: HashText;
}
