/**
 * The initial schema: people, their facts, programme facts, retractions and the event log.
 *
 * One schema for both dialects. The only differences are spelled out here:
 * - PostgreSQL id columns use the "C" collation, so that ids sort byte-wise exactly as in
 *   SQLite (BINARY). Keyset paging (`id > last`) and every `order by id` then agree between
 *   the dialects whatever the database's default locale.
 * - The event sequence is `integer primary key autoincrement` in SQLite (64-bit there) and a
 *   `bigint` identity in PostgreSQL.
 *
 * Facts and events are insert-only: the store never changes or removes a row.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../schema.js';

export function initialMigration(dialect: StoreDialect): Migration {
  const idType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('people')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('added_seq', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('person_facts')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('person_id', idType, (c) => c.notNull().references('people.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('from_day', 'integer')
        .addColumn('through_day', 'integer')
        .addColumn('recorded_at', 'bigint', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('ord', 'integer', (c) => c.notNull())
        // The fact's decision fields as one binary record, for the population engine (packed-fact.ts).
        .addColumn('packed', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .execute();
      // A person's facts in recording order, read by range: also the order in which a bulk
      // loader streams every fact of every person.
      await db.schema
        .createIndex('person_facts_person_seq')
        .on('person_facts')
        .columns(['person_id', 'seq', 'ord'])
        .execute();

      await db.schema
        .createTable('program_facts')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('from_day', 'integer')
        .addColumn('through_day', 'integer')
        .addColumn('recorded_at', 'bigint', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('ord', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('fact_retractions')
        .addColumn('fact_id', idType, (c) => c.primaryKey())
        .addColumn('retracted_at', 'bigint', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('events')
        .addColumn('seq', dialect === 'postgres' ? 'bigint' : 'integer', (c) =>
          dialect === 'postgres'
            ? c.primaryKey().generatedAlwaysAsIdentity()
            : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
