/**
 * Opens the store: PostgreSQL when a `databaseUrl` (postgres:// or postgresql://) is given,
 * else the SQLite file at `dbPath`. Migrations run on open.
 */
import type { Kysely } from 'kysely';
import type { PersonFact, ProgramFact } from '../domain/facts.js';
import type { Actor, FactStore, Retraction, WriteSummary } from '../domain/ports.js';
import { RepatriaError } from '../domain/errors.js';
import { KyselyFactStore } from './kysely-fact-store.js';
import { openPostgres } from './postgres/dialect.js';
import { migrateToLatest, type Database, type StoreDialect } from './schema.js';
import { openSqlite } from './sqlite/dialect.js';
import { requireStoreFile } from './store-file.js';
import type { NativeConnection, StoreConnection } from './store-connection.js';

export interface OpenStoreOptions {
  /** `postgres://…` or `postgresql://…`; empty or absent means SQLite. */
  readonly databaseUrl?: string | undefined;
  /** SQLite file (created with its directory if missing, unless `create` is false); ignored for PostgreSQL. */
  readonly dbPath: string;
  /**
   * SQLite: `false` refuses a missing file (NOT_FOUND) instead of creating an empty store, for
   * callers that only use a store already there. Default `true`.
   */
  readonly create?: boolean | undefined;
  /** Stamps events' `at`, in epoch milliseconds. Defaults to `Date.now`. */
  readonly clock?: (() => number) | undefined;
}

export interface OpenedStore extends FactStore {
  /** Brings the schema up to date (already done by `openStore`; safe to run again). */
  migrate(): Promise<void>;
  /** For adapters that need queries the port does not offer (e.g. bulk readers). */
  readonly kysely: Kysely<Database>;
  readonly dialect: StoreDialect;
  /** The driver under Kysely, for bulk paths (see `NativeConnection`). */
  readonly native: NativeConnection;
  /**
   * Runs `work` in one write transaction, serialised with every other writer (the fact
   * store's own included), for adapters that keep tables of their own beside the facts.
   */
  writeTransaction<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** `recordPersonFacts` inside a transaction from `writeTransaction`: facts and their consequences commit together. */
  recordPersonFactsIn(
    trx: Kysely<Database>,
    personId: string,
    facts: readonly PersonFact[],
    actor: Actor,
  ): Promise<WriteSummary>;
  /** `recordProgramFacts` inside a transaction from `writeTransaction`. */
  recordProgramFactsIn(
    trx: Kysely<Database>,
    facts: readonly ProgramFact[],
    actor: Actor,
  ): Promise<WriteSummary>;
  /** `retract` inside a transaction from `writeTransaction`. */
  retractIn(trx: Kysely<Database>, retraction: Retraction, actor: Actor): Promise<void>;
}

class OpenKyselyStore extends KyselyFactStore implements OpenedStore {
  readonly kysely: Kysely<Database>;
  readonly dialect: StoreDialect;
  readonly native: NativeConnection;

  constructor(connection: StoreConnection, clock: () => number) {
    super(connection, clock);
    this.kysely = connection.kysely;
    this.dialect = connection.dialect;
    this.native = connection.native;
  }

  migrate(): Promise<void> {
    return migrateToLatest(this.kysely, this.dialect);
  }

  writeTransaction<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.connection.writeTransaction(work);
  }
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const { databaseUrl, dbPath, clock = Date.now, create = true } = options;
  let connection: StoreConnection;
  if (databaseUrl !== undefined && databaseUrl !== '') {
    if (!POSTGRES_URL.test(databaseUrl)) {
      throw new RepatriaError('INVALID_INPUT', 'DATABASE_URL must start with postgres:// or postgresql://');
    }
    connection = openPostgres(databaseUrl);
  } else {
    if (!create) requireStoreFile(dbPath);
    connection = openSqlite(dbPath, { create });
  }
  const store = new OpenKyselyStore(connection, clock);
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
