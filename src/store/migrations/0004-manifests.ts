/**
 * Flights, manifests, notice servings, the outbox and the audit chain (issue #5).
 *
 * Insert-only like the facts. A manifest row is only its header (flight, owner); its state is
 * the fold of its `manifest_events`, whose primary key (manifest_id, version) lets only one
 * writer append each version. The audit log is a hash chain (`prev_hash`, `hash`) with
 * writer-given, gap-free `seq`s.
 *
 * `flights` is created here because no earlier migration has one; a planner migration that
 * needs flights should use this table (or move it, on fresh stores, into 0002).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../schema.js';

export function manifestsMigration(dialect: StoreDialect): Migration {
  // Ids sort byte-wise in both dialects, as in 0001 (person ids reference people.id).
  const idType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('flights')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('flight_date', 'integer', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('destination', 'text', (c) => c.notNull())
        .addColumn('origin_country', 'text', (c) => c.notNull())
        .addColumn('destination_country', 'text', (c) => c.notNull())
        .addColumn('seats', 'integer', (c) => c.notNull().check(sql`seats > 0`))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('manifests')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('flight_id', idType, (c) => c.notNull().references('flights.id'))
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('manifests_flight').on('manifests').column('flight_id').execute();

      await db.schema
        .createTable('manifest_events')
        .addColumn('manifest_id', idType, (c) => c.notNull().references('manifests.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('person_id', idType, (c) => c.references('people.id'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('correlation_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('manifest_events_pk', ['manifest_id', 'version'])
        .execute();
      // A person's manifests, for re-deciding them when a court order names the person.
      await db.schema
        .createIndex('manifest_events_person')
        .on('manifest_events')
        .column('person_id')
        .execute();

      await db.schema
        .createTable('notice_servings')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('person_id', idType, (c) => c.notNull().references('people.id'))
        .addColumn('served_on', 'integer', (c) => c.notNull())
        .addColumn('to_person', 'integer', (c) => c.notNull())
        .addColumn('to_counsel', 'integer', (c) => c.notNull())
        .addColumn('no_counsel_of_record', 'integer', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'bigint', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('correlation_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('notice_servings_person')
        .on('notice_servings')
        .column('person_id')
        .execute();

      await db.schema
        .createTable('outbox')
        .addColumn('seq', dialect === 'postgres' ? 'bigint' : 'integer', (c) =>
          dialect === 'postgres'
            ? c.primaryKey().generatedAlwaysAsIdentity()
            : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('correlation_id', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('outbox_deliveries')
        .addColumn('outbox_seq', 'bigint', (c) => c.primaryKey().references('outbox.seq'))
        .addColumn('delivered_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('what', 'text', (c) => c.notNull())
        .addColumn('who', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('correlation_id', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_subject').on('audit_log').column('subject_id').execute();
    },
  };
}
