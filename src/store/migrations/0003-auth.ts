/**
 * Accounts, credentials, person profiles and the access log (issue #6, the HTTP API).
 *
 * Insert-only like the facts: a password change, a sign-out, a token revocation and a
 * disabled account are each a row of their own, and a profile correction is a new version.
 * Secrets are never stored: `secret_hash` is the SHA-256 digest of a random session or token
 * secret, `hash` an argon2id password hash.
 *
 * Numbered 0003 so that the planner's 0002 may land before it on fresh stores; Kysely runs
 * migrations in name order.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../schema.js';

export function authMigration(dialect: StoreDialect): Migration {
  // Person ids reference people.id, which uses the "C" collation in PostgreSQL.
  const idType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();

      // The latest version is the password in force.
      await db.schema
        .createTable('user_passwords')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('set_at', 'bigint', (c) => c.notNull())
        .addColumn('set_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_passwords_pk', ['user_id', 'version'])
        .execute();

      await db.schema
        .createTable('user_disablements')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
        .addColumn('disabled_at', 'bigint', (c) => c.notNull())
        .addColumn('disabled_by', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('secret_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('session_ends')
        .addColumn('secret_hash', 'text', (c) => c.primaryKey().references('sessions.secret_hash'))
        .addColumn('ended_at', 'bigint', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

      await db.schema
        .createTable('api_token_revocations')
        .addColumn('token_id', 'text', (c) => c.primaryKey().references('api_tokens.id'))
        .addColumn('revoked_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_by', 'text', (c) => c.notNull())
        .execute();

      // The latest version of a person's profile is the one in force.
      await db.schema
        .createTable('person_profiles')
        .addColumn('person_id', idType, (c) => c.notNull().references('people.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('date_of_birth', 'integer')
        .addColumn('a_number', 'text')
        .addColumn('recorded_at', 'bigint', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_profiles_pk', ['person_id', 'version'])
        .execute();

      await db.schema
        .createTable('access_events')
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
        .addColumn('request_id', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
