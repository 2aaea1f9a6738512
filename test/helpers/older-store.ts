/**
 * A SQLite store as an older version of Repatria left it: what the migrations from one on
 * made is undone and their record removed (Kysely's migrator refuses a history with a gap,
 * so every later migration goes too). For the tests that open, restore or load such stores.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { migrations } from '../../src/store/schema.js';

/** How to undo each migration these tests take back. */
const UNDO: Readonly<Record<string, string>> = {
  '0006-fact-packs': 'drop table person_fact_packs',
  '0007-audit-heads': 'drop table audit_heads',
  '0008-profile-a-numbers': 'drop index person_profiles_a_number',
};

/** Undoes migration `first` and every later one on an open SQLite file. */
export function asBeforeMigration(db: BetterSqlite3.Database, first: string): void {
  const later = Object.keys(migrations('sqlite')).filter((name) => name >= first);
  if (later.length === 0) throw new Error(`No migration ${first}`);
  for (const name of later) {
    const undo = UNDO[name];
    if (undo === undefined) throw new Error(`test/helpers/older-store.ts does not know how to undo migration ${name}`);
    db.exec(undo);
  }
  db.prepare('delete from kysely_migration where name >= ?').run(first);
}
