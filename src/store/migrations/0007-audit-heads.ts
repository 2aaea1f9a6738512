/**
 * `audit_heads`: the end of the audit chain as its writer left it, one row per append (the
 * seq and hash of the last entry it wrote), in the same transaction as the entries.
 *
 * Why: a hash chain proves each entry against the one before it, so removing entries from its
 * end leaves a chain that is intact, only shorter; and since the writer gave each new entry
 * the seq after the last one stored, the next append would have filled the hole without a
 * trace. With the recorded end, `audit verify` finds a log that ends before it (or past it),
 * and the writer chains on from the recorded end, so that entries removed from the end leave
 * a gap before the next entry.
 *
 * Why not a database counter: `audit_log.seq` is given by the writer, not by the database
 * (0004), so neither SQLite's `sqlite_sequence` nor a PostgreSQL sequence records it; and a
 * PostgreSQL sequence is not transactional — an append rolled back still uses up its numbers —
 * so a sequence ahead of the log could not tell a rollback from a removal. A table row commits
 * or rolls back with the entries, in both dialects. Insert-only, like the rest of the store:
 * the end is the row with the greatest seq.
 *
 * A store made before this migration starts from its log as it stands: entries removed from
 * its end before then cannot be found.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export function auditHeadsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('audit_heads')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into audit_heads (seq, hash) select seq, hash from audit_log order by seq desc limit 1`.execute(
        db,
      );
    },
  };
}
