/**
 * A store as an older version of Repatria left it: what the migrations from one on made is
 * undone and their record removed (Kysely's migrator refuses a history with a gap, so every
 * later migration goes too). For the tests that open, restore or load such stores.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { migrations } from '../../src/store/schema.js';

/** How to undo each migration these tests take back (statements valid in both dialects). */
const UNDO: Readonly<Record<string, readonly string[]>> = {
  '0006-fact-packs': ['drop table person_fact_packs'],
  '0007-audit-heads': ['drop table audit_heads'],
  '0008-profile-search': ['drop index person_profiles_a_number', 'drop table profile_name_words'],
};

/** The statements that undo migration `first` and every later one, the record of them last. */
function undoing(first: string): { statements: string[]; forget: string } {
  const later = Object.keys(migrations('sqlite')).filter((name) => name >= first);
  if (later.length === 0) throw new Error(`No migration ${first}`);
  const statements = later.flatMap((name) => {
    const undo = UNDO[name];
    if (undo === undefined) throw new Error(`test/helpers/older-store.ts does not know how to undo migration ${name}`);
    return undo;
  });
  return { statements, forget: 'delete from kysely_migration where name >= ' };
}

/** Undoes migration `first` and every later one on an open SQLite file. */
export function asBeforeMigration(db: BetterSqlite3.Database, first: string): void {
  const { statements, forget } = undoing(first);
  for (const statement of statements) db.exec(statement);
  db.prepare(`${forget}?`).run(first);
}

/** As `asBeforeMigration`, through an open store's Kysely handle (either dialect). */
export async function asBeforeMigrationIn<DB>(db: Kysely<DB>, first: string): Promise<void> {
  const { statements, forget } = undoing(first);
  for (const statement of statements) await sql.raw(statement).execute(db);
  await sql`${sql.raw(forget)}${first}`.execute(db);
}
