/**
 * Queries built and compiled once, run many times with new parameter values.
 *
 * Kysely builds and compiles a query on every call, and runs it behind its connection
 * mutex; for the few reads every API request makes (its credentials, the person, the log's
 * last seq) that costs more than the database's own work. A query here is compiled once
 * with marker values and each call sends the compiled SQL with the call's values.
 *
 * On SQLite the reads go through a read-only connection of their own, prepared once: WAL
 * lets it read beside the writer, and it sees only committed data (the writer's connection
 * may be inside a transaction between two awaits, so reading through it could see rows that
 * are then rolled back). On PostgreSQL they go through Kysely's pool.
 */
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { NativeConnection } from './store-connection.js';

export interface PreparedQuery<P extends readonly unknown[], R> {
  run(...parameters: P): Promise<R[]>;
}

/**
 * The SQL of `build`, which receives one marker per parameter and must use each exactly
 * once, in order (checked against the compiled parameters).
 */
function compileOnce<P extends readonly unknown[], R>(
  markers: P,
  build: (...markers: P) => Compilable<R>,
): string {
  const compiled = build(...markers).compile();
  const given = compiled.parameters;
  if (given.length !== markers.length || given.some((value, i) => value !== markers[i])) {
    throw new Error(
      `A prepared query must use each of its ${markers.length} parameters once, in order: ${compiled.sql}`,
    );
  }
  return compiled.sql;
}

/** A query compiled once, run through Kysely (any dialect). */
export function prepareQuery<DB, P extends readonly unknown[], R>(
  db: Kysely<DB>,
  markers: P,
  build: (...markers: P) => Compilable<R>,
): PreparedQuery<P, R> {
  const text = compileOnce(markers, build);
  return {
    run: async (...parameters: P): Promise<R[]> =>
      (await db.executeQuery<R>(CompiledQuery.raw(text, [...parameters]))).rows,
  };
}

/** Address space mapped for the read connection (not memory used: pages are the OS's cache). */
const READER_MMAP_BYTES = 1 << 30;
/** SQLite's own page cache for the read connection. */
const READER_CACHE_KIB = 32 * 1024;

export interface ReadQueries {
  prepare<P extends readonly unknown[], R>(
    markers: P,
    build: (...markers: P) => Compilable<R>,
  ): PreparedQuery<P, R>;
  /**
   * As `prepare`, but each row is an array of the selected values in select order: on SQLite
   * no object with named keys is built per row, a measurable share of a hot read.
   */
  prepareValues<P extends readonly unknown[], V extends readonly unknown[]>(
    markers: P,
    build: (...markers: P) => Compilable,
  ): PreparedQuery<P, V>;
  /** Closes the read connection, if there is one of its own. */
  close(): void;
}

/**
 * Prepared reads for a store: a read-only connection of their own on a SQLite file, Kysely
 * otherwise. The connection is opened on the first read, so that an adapter that never
 * reads this way (a CLI command) holds no extra connection.
 */
export function readQueries<DB>(store: {
  readonly kysely: Kysely<DB>;
  readonly native: NativeConnection;
}): ReadQueries {
  const { native } = store;
  if (native.dialect !== 'sqlite' || native.database.memory) {
    return {
      prepare: (markers, build) => prepareQuery(store.kysely, markers, build),
      prepareValues: <P extends readonly unknown[], V extends readonly unknown[]>(
        markers: P,
        build: (...markers: P) => Compilable,
      ): PreparedQuery<P, V> => {
        const query = prepareQuery<DB, P, Record<string, unknown>>(store.kysely, markers, build);
        // Drivers return a row's columns in select order, which `Object.values` keeps.
        return {
          run: async (...parameters: P) =>
            (await query.run(...parameters)).map((row) => Object.values(row) as unknown as V),
        };
      },
      close: () => undefined,
    };
  }
  let reader: BetterSqlite3.Database | undefined;
  const connection = (): BetterSqlite3.Database => {
    if (reader === undefined) {
      reader = new BetterSqlite3(native.database.name, { readonly: true, fileMustExist: true });
      // A checkpoint or a writer holding a lock: wait, as the writer's connection does.
      reader.pragma('busy_timeout = 5000');
      // Pages read through the map rather than a system call each, and a cache large enough
      // for the indexes the lookups walk: these reads are on every request's path.
      reader.pragma(`mmap_size = ${READER_MMAP_BYTES}`);
      reader.pragma(`cache_size = -${READER_CACHE_KIB}`);
    }
    return reader;
  };
  const prepare = <P extends readonly unknown[], R>(
    markers: P,
    build: (...markers: P) => Compilable,
    values: boolean,
  ): PreparedQuery<P, R> => {
    const text = compileOnce(markers, build);
    let statement: BetterSqlite3.Statement | undefined;
    return {
      run: (...parameters: P): Promise<R[]> => {
        statement ??= connection().prepare(text).raw(values);
        return Promise.resolve(statement.all(...parameters) as R[]);
      },
    };
  };
  return {
    prepare: <P extends readonly unknown[], R>(markers: P, build: (...markers: P) => Compilable<R>) =>
      prepare<P, R>(markers, build, false),
    prepareValues: <P extends readonly unknown[], V extends readonly unknown[]>(
      markers: P,
      build: (...markers: P) => Compilable,
    ) => prepare<P, V>(markers, build, true),
    close: () => {
      reader?.close();
      reader = undefined;
    },
  };
}
