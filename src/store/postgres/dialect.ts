/**
 * PostgreSQL: a `pg.Pool` from a connection string. `bigint` columns (epoch milliseconds,
 * sequence numbers, counts) come back from pg as text; this pool parses them to numbers, so
 * callers see the same types as with SQLite. The parser is set on this pool only, not globally.
 */
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Driver } from 'kysely';
import type { Database } from '../schema.js';
import type { BulkColumn, BulkTable, BulkValue, StoreConnection } from '../store-connection.js';
import { ConnectionLossDriver } from './connection-loss.js';

/** The wire protocol counts parameters in 16 bits. */
const POSTGRES_MAX_PARAMETERS = 65_535;
/** Rows per bulk INSERT (memory per statement, not a protocol limit: each column is one array parameter). */
const BULK_ROWS = 10_000;

/**
 * PostgreSQL type of every column written in bulk, for the typed arrays that are unnested
 * here and for the import's binary COPY (src/ingest/postgres-writer.ts).
 */
export const COLUMN_TYPES: Record<{ [T in BulkTable]: BulkColumn<T> }[BulkTable], 'text' | 'int4' | 'int8' | 'bytea'> = {
  id: 'text',
  added_seq: 'int8',
  person_id: 'text',
  type: 'text',
  from_day: 'int4',
  through_day: 'int4',
  recorded_at: 'int8',
  body: 'text',
  seq: 'int8',
  ord: 'int4',
  packed: 'bytea',
  fact_id: 'text',
  retracted_at: 'int8',
  reason: 'text',
};
const INT8_OID = 20;
/** Key of the transaction-scoped advisory lock that serialises writers (any constant of our own). */
const WRITE_LOCK_KEY = 72_617_001;

function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} is beyond the safe integer range`);
  return value;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === INT8_OID && format !== 'binary'
      ? parseInt8
      : (pg.types.getTypeParser as (id: number, format?: 'text' | 'binary') => unknown)(
          oid,
          format,
        )) as typeof pg.types.getTypeParser,
};

/** PostgreSQL through Kysely, with a lost connection reported as such (connection-loss.ts). */
class ReportingPostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new ConnectionLossDriver(super.createDriver());
  }
}

export function openPostgres(connectionString: string): StoreConnection {
  const pool = new pg.Pool({ connectionString, types, max: 10 });
  // An idle pooled connection that the server drops (a restart, an administrator) is an
  // 'error' event on the pool; unheard, it would end the process. The pool discards that
  // client and connects anew when next asked; a query in flight gets its own error.
  pool.on('error', () => undefined);
  // The same for a connection checked out of the pool (a transaction between two queries):
  // the pool stops listening while it is out, and an unheard 'error' ends the process. Heard,
  // the connection's next query fails, and that error reaches the caller.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const kysely = new Kysely<Database>({ dialect: new ReportingPostgresDialect({ pool }) });

  return {
    dialect: 'postgres',
    kysely,
    native: { dialect: 'postgres', pool, writeLockKey: WRITE_LOCK_KEY },
    maxParameters: POSTGRES_MAX_PARAMETERS,
    // Sequences hand out numbers at insert time, not at commit: without this lock two writers
    // could commit seqs out of order.
    writeTransaction: <T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
      kysely.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${sql.lit(WRITE_LOCK_KEY)})`.execute(trx);
        return work(trx);
      }),
    // One array parameter per column, unnested into rows: a statement carries any number of
    // rows in a handful of parameters, and pg sends each array as one value.
    insertRows: async <T extends BulkTable>(
      trx: Kysely<Database>,
      table: T,
      columns: readonly BulkColumn<T>[],
      values: readonly BulkValue[],
    ): Promise<number> => {
      const width = columns.length;
      if (values.length % width !== 0)
        throw new RangeError(`${values.length} values do not make rows of ${width}`);
      const names = sql.join(columns.map((c) => sql.ref(c)));
      const rows = values.length / width;
      let inserted = 0;
      for (let start = 0; start < rows; start += BULK_ROWS) {
        const end = Math.min(rows, start + BULK_ROWS);
        const arrays = columns.map((column, j) => {
          const array = new Array<BulkValue>(end - start);
          for (let r = start; r < end; r += 1) array[r - start] = values[r * width + j]!;
          return sql`${array}::${sql.raw(COLUMN_TYPES[column])}[]`;
        });
        const result =
          await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)}) on conflict do nothing`.execute(
            trx,
          );
        inserted += Number(result.numAffectedRows ?? 0n);
      }
      return inserted;
    },
  };
}
