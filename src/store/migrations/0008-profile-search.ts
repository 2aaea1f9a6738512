/**
 * Finding people by what identifies them (the A-number, the name): what a lawyer or another
 * agency knows a person by, where Repatria's own ids mean nothing to them.
 *
 * - An index of profiles by A-number, which the search reads and every profile written is
 *   checked against (another person's current A-number). Without it both read every profile.
 * - `profile_name_words`: each word of each profile version's name, as `nameWords` writes it
 *   (lower case, accents dropped), keyed by word, so that a name search reads the profiles
 *   whose words begin with the words searched instead of every profile. Like the packed fact
 *   records (0006) it is a copy, written with the profile in the same transaction; the
 *   profile is the truth. Filled here from the profiles already stored.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { nameWords } from '../../domain/profile.js';
import type { StoreDialect } from '../schema.js';

/** Profiles read, and word rows written, at a time while filling the table. */
const FILL_PAGE = 2_000;

/** The word rows of some profile versions: each distinct word of each name once. */
export function nameWordRows(
  profiles: readonly { readonly personId: string; readonly version: number; readonly name: string }[],
): { word: string; person_id: string; version: number }[] {
  return profiles.flatMap((p) =>
    [...new Set(nameWords(p.name))].map((word) => ({ word, person_id: p.personId, version: p.version })),
  );
}

export function profileSearchMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('person_profiles_a_number').on('person_profiles').column('a_number').execute();
      await db.schema
        .createTable('profile_name_words')
        // Compared byte by byte in both dialects (PostgreSQL's C collation, SQLite's own), so
        // that the words beginning with a prefix are one range of the key.
        .addColumn('word', dialect === 'postgres' ? sql`text collate "C"` : 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('profile_name_words_pk', ['word', 'person_id', 'version'])
        // The key is the table: a prefix search reads it in word order and nothing else.
        .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
        .execute();
      let after: { personId: string; version: number } | undefined;
      for (;;) {
        const from = after;
        const { rows } = await sql<{ person_id: string; version: number; name: string }>`
          select person_id, version, name from person_profiles
          ${from === undefined ? sql`` : sql`where (person_id, version) > (${from.personId}, ${from.version})`}
          order by person_id, version limit ${FILL_PAGE}`.execute(db);
        const words = nameWordRows(rows.map((r) => ({ personId: r.person_id, version: r.version, name: r.name })));
        for (let i = 0; i < words.length; i += FILL_PAGE)
          await sql`insert into profile_name_words (word, person_id, version) values ${sql.join(
            words.slice(i, i + FILL_PAGE).map((w) => sql`(${w.word}, ${w.person_id}, ${w.version})`),
          )}`.execute(db);
        if (rows.length < FILL_PAGE) return;
        const last = rows.at(-1)!;
        after = { personId: last.person_id, version: last.version };
      }
    },
  };
}
