/**
 * The database schema as Kysely types, and the migrations that create it.
 *
 * Facts and events are insert-only. Every column of those tables is typed `never` for
 * updates, so an `updateTable` on them does not compile; a test greps `src/store` for any
 * update or delete statement as well.
 *
 * Numbers: `bigint` columns hold epoch milliseconds and sequence numbers, all well inside
 * `Number.MAX_SAFE_INTEGER`; the PostgreSQL adapter parses them to numbers (pg returns text).
 */
import { Migrator, sql, type ColumnType, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { initialMigration } from './migrations/0001-initial.js';
import { authMigration } from './migrations/0003-auth.js';
import { manifestsMigration } from './migrations/0004-manifests.js';
import { networkMigration } from './migrations/0005-network.js';
import { factPacksMigration } from './migrations/0006-fact-packs.js';
import { auditHeadsMigration } from './migrations/0007-audit-heads.js';
import { profileSearchMigration } from './migrations/0008-profile-search.js';

export type StoreDialect = 'sqlite' | 'postgres';

/** Written once, never changed. */
type Immutable<T> = ColumnType<T, T, never>;

export interface PeopleTable {
  readonly id: Immutable<string>;
  /** Seq of the event that added the person. */
  readonly added_seq: Immutable<number>;
}

/** Columns shared by both fact tables. `body` is the JSON of the whole domain fact. */
interface FactColumns {
  readonly id: Immutable<string>;
  readonly type: Immutable<string>;
  readonly from_day: Immutable<number | null>;
  readonly through_day: Immutable<number | null>;
  readonly recorded_at: Immutable<number>;
  /** JSON of the domain fact without `retractedAt` (that lives in fact_retractions). */
  readonly body: Immutable<string>;
  /** Seq of the event that recorded the fact: who recorded it, and when, is in the log. */
  readonly seq: Immutable<number>;
  /**
   * Position of the fact among those recorded by that event. Facts are read back in
   * (seq, ord) order, which is the order callers gave them in; the domain reads that order
   * (the first nationality is the default destination; the last listed record breaks ties).
   */
  readonly ord: Immutable<number>;
}

export interface PersonFactsTable extends FactColumns {
  readonly person_id: Immutable<string>;
  /** The decision fields and person id as one binary record (packed-fact.ts), read in bulk by the sweep. */
  readonly packed: Immutable<Uint8Array>;
}

export type ProgramFactsTable = FactColumns;

export interface FactRetractionsTable {
  readonly fact_id: Immutable<string>;
  readonly retracted_at: Immutable<number>;
  readonly reason: Immutable<string>;
  /** Seq of the event that recorded the retraction. */
  readonly seq: Immutable<number>;
}

export interface EventsTable {
  /** Given by the database (autoincrement / identity); never written by the store. */
  readonly seq: ColumnType<number, never, never>;
  readonly at: Immutable<number>;
  readonly actor: Immutable<string>;
  readonly role: Immutable<string>;
  readonly kind: Immutable<string>;
  readonly subject_type: Immutable<string>;
  readonly subject_id: Immutable<string>;
  /** JSON. */
  readonly details: Immutable<string>;
}

export interface Database {
  readonly people: PeopleTable;
  readonly person_facts: PersonFactsTable;
  readonly program_facts: ProgramFactsTable;
  readonly fact_retractions: FactRetractionsTable;
  readonly events: EventsTable;
}

/** Every migration, in order. Names sort in the order they must run. */
export function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
    '0003-auth': authMigration(dialect),
    '0004-manifests': manifestsMigration(dialect),
    '0005-network': networkMigration(dialect),
    '0006-fact-packs': factPacksMigration(dialect),
    '0007-audit-heads': auditHeadsMigration(),
    '0008-profile-search': profileSearchMigration(dialect),
  };
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (schema === undefined || schema === null)
    throw new Error('The PostgreSQL search_path names no existing schema');
  return schema;
}

/** Brings the schema up to date; throws if a migration fails. */
export async function migrateToLatest(db: Kysely<Database>, dialect: StoreDialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations(dialect)) };
  // Kysely looks for its own bookkeeping tables in every schema of the database unless told
  // which one to use; with several stores in one database (one schema each, as the tests do)
  // it would find another store's tables. Ours live in the current schema, beside the data.
  const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  const migrator = new Migrator({ db, provider, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed`, { cause: error });
  }
}
