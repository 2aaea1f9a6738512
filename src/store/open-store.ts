/**
 * Opens the store: PostgreSQL when a `databaseUrl` (postgres:// or postgresql://) is given,
 * else the SQLite file at `dbPath`. Migrations run on open.
 */
import type { Kysely } from 'kysely';
import type { FactStore } from '../domain/ports.js';
import { RepatriaError } from '../domain/errors.js';
import { KyselyFactStore } from './kysely-fact-store.js';
import { openPostgres } from './postgres/dialect.js';
import { migrateToLatest, type Database, type StoreDialect } from './schema.js';
import { openSqlite } from './sqlite/dialect.js';
import type { StoreConnection } from './store-connection.js';

export interface OpenStoreOptions {
  /** `postgres://…` or `postgresql://…`; empty or absent means SQLite. */
  readonly databaseUrl?: string | undefined;
  /** SQLite file (created with its directory if missing); ignored for PostgreSQL. */
  readonly dbPath: string;
  /** Stamps events' `at`, in epoch milliseconds. Defaults to `Date.now`. */
  readonly clock?: (() => number) | undefined;
}

export interface OpenedStore extends FactStore {
  /** Brings the schema up to date (already done by `openStore`; safe to run again). */
  migrate(): Promise<void>;
  /** For adapters that need queries the port does not offer (e.g. bulk readers). */
  readonly kysely: Kysely<Database>;
  readonly dialect: StoreDialect;
}

class OpenKyselyStore extends KyselyFactStore implements OpenedStore {
  readonly kysely: Kysely<Database>;
  readonly dialect: StoreDialect;

  constructor(connection: StoreConnection, clock: () => number) {
    super(connection, clock);
    this.kysely = connection.kysely;
    this.dialect = connection.dialect;
  }

  migrate(): Promise<void> {
    return migrateToLatest(this.kysely, this.dialect);
  }
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const { databaseUrl, dbPath, clock = Date.now } = options;
  let connection: StoreConnection;
  if (databaseUrl !== undefined && databaseUrl !== '') {
    if (!POSTGRES_URL.test(databaseUrl)) {
      throw new RepatriaError('INVALID_INPUT', 'DATABASE_URL must start with postgres:// or postgresql://');
    }
    connection = openPostgres(databaseUrl);
  } else {
    connection = openSqlite(dbPath);
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
