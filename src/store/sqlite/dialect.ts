/**
 * SQLite: one file, opened through better-sqlite3 with write-ahead logging,
 * `synchronous = NORMAL` (durable at checkpoints, never corrupt) and foreign keys on.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, sql, type DialectAdapter, type SqliteDatabase } from 'kysely';
import type { Database } from '../schema.js';
import type { BulkColumn, BulkTable, BulkValue, StoreConnection } from '../store-connection.js';
import { isBusy, STORE_BUSY } from '../store-busy.js';

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32. */
const SQLITE_MAX_PARAMETERS = 32_766;
/**
 * Rows per bulk INSERT statement. Measured on 600,000 fact rows: around a hundred rows per
 * statement, prepared once and reused, beats both one row per statement and statements as
 * large as the parameter limit allows (those must be prepared afresh and cost more to bind).
 */
const BULK_ROWS = 100;
/** Page size of a new store file (see `openSqlite`). */
export const PAGE_BYTES = 32_768;

type Statement = BetterSqlite3.Statement;

/**
 * SQLite's DDL is transactional, but Kysely's SQLite adapter says it is not, so its migrator
 * would run each migration outside a transaction: a process killed during a migration (the
 * import crash test did it) would leave a half-made schema that no later open can migrate
 * ("table … already exists"). Saying so lets the migrator run migrations in a transaction.
 */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class StoreSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
}

/** Statements kept prepared: every distinct query the application makes, with room to spare. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely sees it, with each statement prepared once and reused. Kysely's
 * SQLite driver prepares every query afresh, which costs more than running a small indexed
 * lookup; an API request makes several. Statements are reused only one query at a time,
 * which the driver's single connection guarantees. Least recently used ones are dropped.
 */
function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => void database.close(),
    prepare: (text: string): Statement => {
      let statement = cache.get(text);
      if (statement === undefined) {
        statement = database.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      } else {
        cache.delete(text);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

/** `create: false` opens only an existing file: neither it nor its directory is made. */
export function openSqlite(dbPath: string, options: { readonly create?: boolean } = {}): StoreConnection {
  const create = options.create ?? true;
  if (create) mkdirSync(dirname(dbPath), { recursive: true });
  const database = new BetterSqlite3(dbPath, { fileMustExist: !create });
  // A new file's pages are 32 KiB (SQLite's default is 4 KiB); an existing file keeps its own,
  // since the size is fixed once a file is in WAL mode. Fact rows are a few hundred bytes and
  // come by the million: with larger pages a bulk write splits, journals and checkpoints an
  // eighth as many pages. Measured writing 1,200,000 imported facts: about a third less time
  // per fact (median 3.4 against 5.2 µs), and a full import of a million people 37 against
  // 45–53 s; reading a person back and the population load took the same time either way.
  try {
    database.pragma(`page_size = ${PAGE_BYTES}`);
    database.pragma('journal_mode = WAL');
  } catch (error) {
    database.close();
    if (!isBusy(error)) throw error;
    // An all-or-nothing import holds the store alone while it runs (ingest/sqlite-writer.ts).
    throw new Error(`${dbPath}: ${STORE_BUSY}`);
  }
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  // Another process holding the write lock: wait for it rather than fail at once.
  database.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new StoreSqliteDialect({ database: withStatementCache(database) }) });

  // Bulk inserts bypass Kysely's query building, which costs more than SQLite itself at this
  // volume, and reuse prepared statements: one for a full batch, one for a single row.
  const statements = new Map<string, Statement>();
  const insertStatement = (table: BulkTable, columns: readonly string[], rows: number): Statement => {
    const key = `${table}(${columns.join(',')})x${rows}`;
    let statement = statements.get(key);
    if (statement === undefined) {
      const tuple = `(${columns.map(() => '?').join(',')})`;
      const names = columns.map((c) => `"${c}"`).join(',');
      statement = database.prepare(
        `insert into "${table}" (${names}) values ${Array.from({ length: rows }, () => tuple).join(',')} on conflict do nothing`,
      );
      statements.set(key, statement);
    }
    return statement;
  };

  return {
    dialect: 'sqlite',
    kysely,
    native: { dialect: 'sqlite', database },
    maxParameters: SQLITE_MAX_PARAMETERS,
    // Kysely's SQLite driver has one connection behind a mutex, which serialises writers in
    // this process; `begin immediate` takes the file's write lock up front, which serialises
    // them across processes (a deferred transaction that reads first could fail to upgrade).
    writeTransaction: <T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
      kysely.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        let result: T;
        try {
          result = await work(conn);
        } catch (error) {
          await sql`rollback`.execute(conn);
          throw error;
        }
        await sql`commit`.execute(conn);
        return result;
      }),
    // Runs on the same better-sqlite3 handle as the transaction, whose connection the caller
    // holds, so the rows are part of that transaction.
    insertRows: <T extends BulkTable>(
      _trx: Kysely<Database>,
      table: T,
      columns: readonly BulkColumn<T>[],
      values: readonly BulkValue[],
    ): Promise<number> => {
      const width = columns.length;
      const rows = values.length / width;
      if (!Number.isInteger(rows))
        throw new RangeError(`${values.length} values do not make rows of ${width}`);
      const perStatement = Math.max(1, Math.min(BULK_ROWS, Math.floor(SQLITE_MAX_PARAMETERS / width)));
      const batch = insertStatement(table, columns, perStatement);
      const single = insertStatement(table, columns, 1);
      const params = new Array<BulkValue>(perStatement * width);
      let inserted = 0;
      let row = 0;
      for (; row + perStatement <= rows; row += perStatement) {
        const offset = row * width;
        for (let j = 0; j < params.length; j += 1) params[j] = values[offset + j]!;
        inserted += batch.run(params).changes;
      }
      for (; row < rows; row += 1)
        inserted += single.run(values.slice(row * width, (row + 1) * width)).changes;
      return Promise.resolve(inserted);
    },
  };
}
