/**
 * What a lost PostgreSQL connection (a server restart, a network cut, an administrator ending
 * the session) looks like to callers of the store: one error that says so, and says whether
 * the command may have been committed, instead of the driver's own words ("Connection
 * terminated unexpectedly", "the database system is shutting down", "connect ECONNREFUSED").
 *
 * Nothing is retried here: a command of the application (an approval, a court order) is not
 * known to be safe to run twice, so the caller is told and decides. The bulk import retries
 * its batches itself (src/ingest/postgres-writer.ts), re-checking what reached the server.
 */
import type { CompiledQuery, DatabaseConnection, Driver, QueryCompiler, QueryResult, TransactionSettings } from 'kysely';

/** SQLSTATEs and driver errors that mean the connection or the server went away. */
const CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/** Whether an error means the connection to PostgreSQL (or the server) is gone. */
export function isConnectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof DatabaseConnectionError) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_LOST.has(code)) return true;
  return /Connection terminated|connection is closed|Client has encountered a connection error|terminating connection|not queryable/i.test(error.message);
}

/** The connection to PostgreSQL could not be made, or was lost; `maybeCommitted` when it went during a commit. */
export class DatabaseConnectionError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(
    message: string,
    readonly maybeCommitted: boolean,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseConnectionError';
  }
}

const detail = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function connectFailed(error: unknown): unknown {
  if (!isConnectionLost(error) || error instanceof DatabaseConnectionError) return error;
  return new DatabaseConnectionError(`cannot reach PostgreSQL (${detail(error)}); nothing was done: run the command again once the database is back`, false, { cause: error });
}

function lost(error: unknown, committing: boolean): unknown {
  if (!isConnectionLost(error) || error instanceof DatabaseConnectionError) return error;
  return committing
    ? new DatabaseConnectionError(
        `the connection to PostgreSQL was lost while committing (${detail(error)}): the command may or may not have been stored; check before running it again`,
        true,
        { cause: error },
      )
    : new DatabaseConnectionError(`the connection to PostgreSQL was lost (${detail(error)}); the command was not stored: run it again once the database is back`, false, { cause: error });
}

async function guarded<T>(work: () => Promise<T>, map: (error: unknown) => unknown): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw map(error);
  }
}

/** Kysely's PostgreSQL driver with connection losses reported as `DatabaseConnectionError`. */
export class ConnectionLossDriver implements Driver {
  readonly #inner: Driver;
  /** The driver's own connection behind each one handed out. */
  readonly #inners = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(inner: Driver) {
    this.#inner = inner;
  }

  #unwrap(connection: DatabaseConnection): DatabaseConnection {
    return this.#inners.get(connection) ?? connection;
  }

  init(): Promise<void> {
    return guarded(() => this.#inner.init(), connectFailed);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await guarded(() => this.#inner.acquireConnection(), connectFailed);
    const outer: DatabaseConnection = {
      executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> => guarded(() => inner.executeQuery<R>(query), (e) => lost(e, false)),
      streamQuery: <R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> => inner.streamQuery<R>(query, chunkSize),
    };
    this.#inners.set(outer, inner);
    return outer;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return guarded(() => this.#inner.beginTransaction(this.#unwrap(connection), settings), (e) => lost(e, false));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return guarded(() => this.#inner.commitTransaction(this.#unwrap(connection)), (e) => lost(e, true));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await this.#inner.rollbackTransaction(this.#unwrap(connection));
    } catch (error) {
      // The server ends a transaction whose connection is gone: there is nothing to roll back,
      // and the error that led here (which Kysely throws next) is the one to report.
      if (!isConnectionLost(error)) throw error;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    const inner = this.#inner;
    if (inner.savepoint === undefined) throw new Error('the driver has no savepoints');
    await guarded(() => inner.savepoint!(this.#unwrap(connection), name, compile), (e) => lost(e, false));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    const inner = this.#inner;
    if (inner.rollbackToSavepoint === undefined) throw new Error('the driver has no savepoints');
    await guarded(() => inner.rollbackToSavepoint!(this.#unwrap(connection), name, compile), (e) => lost(e, false));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    const inner = this.#inner;
    if (inner.releaseSavepoint === undefined) throw new Error('the driver has no savepoints');
    await guarded(() => inner.releaseSavepoint!(this.#unwrap(connection), name, compile), (e) => lost(e, false));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(this.#unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}
