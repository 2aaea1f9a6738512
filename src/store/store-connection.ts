/**
 * What each dialect folder (`sqlite/`, `postgres/`) provides: a Kysely instance over the one
 * schema, a way to run a write transaction with every writer serialised, and a bulk insert.
 *
 * Writers are serialised so that event seqs are handed out in commit order: a reader following
 * `events(afterSeq)` can never miss an event that commits later with a smaller seq.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database, StoreDialect } from './schema.js';

/** Tables written in bulk (the event log is written one row at a time, through Kysely). */
export type BulkTable = 'people' | 'person_facts' | 'program_facts' | 'fact_retractions';

export type BulkColumn<T extends BulkTable> = keyof Database[T] & string;
export type BulkValue = string | number | Uint8Array | null;

/**
 * The driver under Kysely, for bulk paths that bypass query building (src/ingest: prepared
 * statements on SQLite, COPY on PostgreSQL). They must serialise with other writers as
 * `writeTransaction` does: on SQLite hold Kysely's connection and `begin immediate`; on
 * PostgreSQL take the advisory lock `writeLockKey` in the transaction.
 */
export type NativeConnection =
  | { readonly dialect: 'sqlite'; readonly database: BetterSqlite3.Database }
  | { readonly dialect: 'postgres'; readonly pool: pg.Pool; readonly writeLockKey: number };

export interface StoreConnection {
  readonly dialect: StoreDialect;
  readonly kysely: Kysely<Database>;
  readonly native: NativeConnection;
  /** Most bound parameters one statement may carry. */
  readonly maxParameters: number;
  /** Runs `work` in one transaction, alone among writers; commits if it resolves, rolls back if it throws. */
  writeTransaction<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * Inserts rows in multi-row statements, skipping rows whose primary key is taken
   * (`on conflict do nothing`), and returns how many were inserted: fewer than given means an
   * id was already used. `values` holds the rows one after another, `columns.length` values
   * each (a flat list: a bulk load of 600,000 facts allocates no object per row). Only inside
   * `writeTransaction`, with the `trx` it passed.
   */
  insertRows<T extends BulkTable>(
    trx: Kysely<Database>,
    table: T,
    columns: readonly BulkColumn<T>[],
    values: readonly BulkValue[],
  ): Promise<number>;
}
