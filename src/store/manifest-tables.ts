/**
 * Kysely types of the tables of migration 0004 (flights, manifests and their events, notice
 * servings, the outbox and the audit chain). Every column is written once and never changed
 * (`Immutable`), as in `schema.ts`: a manifest's state is the fold of its events, a delivered
 * notification is a row of `outbox_deliveries`, and the audit log only grows.
 */
import type { ColumnType } from 'kysely';
import type { Database } from './schema.js';

type Immutable<T> = ColumnType<T, T, never>;

export interface FlightsTable {
  readonly id: Immutable<string>;
  readonly flight_date: Immutable<number>;
  readonly origin: Immutable<string>;
  readonly destination: Immutable<string>;
  readonly origin_country: Immutable<string>;
  readonly destination_country: Immutable<string>;
  readonly seats: Immutable<number>;
  readonly created_at: Immutable<number>;
  readonly created_by: Immutable<string>;
  /** Who supplies the aircraft (migration 0005); `sending` for flights registered before it. */
  readonly supplied_by: ColumnType<string, string | undefined, never>;
}

/** A detention facility (migration 0005); its id is the `facility` of `custody` facts. */
export interface FacilitiesTable {
  readonly id: Immutable<string>;
  readonly name: Immutable<string>;
  readonly airport: Immutable<string>;
  readonly created_at: Immutable<number>;
  readonly created_by: Immutable<string>;
}

/** The cost of moving one person from a facility to an airport; the latest row of a pair is in force. */
export interface TransfersTable {
  readonly seq: ColumnType<number, never, never>;
  readonly facility_id: Immutable<string>;
  readonly airport: Immutable<string>;
  readonly cost: Immutable<number>;
  readonly recorded_at: Immutable<number>;
  readonly recorded_by: Immutable<string>;
}

export interface ManifestsTable {
  readonly id: Immutable<string>;
  readonly flight_id: Immutable<string>;
  readonly owner: Immutable<string>;
  readonly created_at: Immutable<number>;
}

export interface ManifestEventsTable {
  readonly manifest_id: Immutable<string>;
  /** 1, 2, 3 … per manifest: the primary key (manifest_id, version) refuses a second writer of one version. */
  readonly version: Immutable<number>;
  readonly kind: Immutable<string>;
  /** The person the event is about, for finding a person's manifests; `null` for the others. */
  readonly person_id: Immutable<string | null>;
  readonly at: Immutable<number>;
  readonly actor: Immutable<string>;
  readonly role: Immutable<string>;
  readonly reason: Immutable<string>;
  /** JSON of the whole domain event. */
  readonly body: Immutable<string>;
  readonly correlation_id: Immutable<string>;
}

export interface NoticeServingsTable {
  readonly id: Immutable<string>;
  readonly person_id: Immutable<string>;
  readonly served_on: Immutable<number>;
  readonly to_person: Immutable<number>;
  readonly to_counsel: Immutable<number>;
  readonly no_counsel_of_record: Immutable<number>;
  readonly language: Immutable<string>;
  readonly method: Immutable<string>;
  readonly recorded_at: Immutable<number>;
  readonly recorded_by: Immutable<string>;
  readonly role: Immutable<string>;
  readonly correlation_id: Immutable<string>;
}

export interface OutboxTable {
  readonly seq: ColumnType<number, never, never>;
  readonly at: Immutable<number>;
  /** User id of the person told. */
  readonly recipient: Immutable<string>;
  readonly kind: Immutable<string>;
  readonly subject_type: Immutable<string>;
  readonly subject_id: Immutable<string>;
  readonly correlation_id: Immutable<string>;
  /** JSON. */
  readonly body: Immutable<string>;
}

export interface OutboxDeliveriesTable {
  readonly outbox_seq: Immutable<number>;
  readonly delivered_at: Immutable<number>;
}

export interface AuditLogTable {
  /** Given by the writer (the recorded end + 1, see `audit_heads`) under the chain's lock, so that the chain has no gaps. */
  readonly seq: Immutable<number>;
  readonly at: Immutable<number>;
  readonly what: Immutable<string>;
  readonly who: Immutable<string>;
  readonly subject_type: Immutable<string>;
  readonly subject_id: Immutable<string>;
  readonly correlation_id: Immutable<string>;
  readonly details: Immutable<string>;
  readonly prev_hash: Immutable<string>;
  readonly hash: Immutable<string>;
}

/** The end of the audit chain after each append (migration 0007): the last entry's seq and hash. */
export interface AuditHeadsTable {
  readonly seq: Immutable<number>;
  readonly hash: Immutable<string>;
}

/** A type alias, not an interface: `Kysely.withTables` needs an index-signature-compatible type. */
export type ManifestTables = {
  readonly flights: FlightsTable;
  readonly manifests: ManifestsTable;
  readonly manifest_events: ManifestEventsTable;
  readonly notice_servings: NoticeServingsTable;
  readonly outbox: OutboxTable;
  readonly outbox_deliveries: OutboxDeliveriesTable;
  readonly audit_log: AuditLogTable;
  readonly audit_heads: AuditHeadsTable;
  readonly facilities: FacilitiesTable;
  readonly transfers: TransfersTable;
};

export type OperationsDatabase = Database & ManifestTables;
