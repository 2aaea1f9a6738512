/**
 * SQLite only: the `packed` record of every person fact (packed-fact.ts) also in a narrow
 * table of its own, `person_fact_packs`, keyed by the fact row's rowid, for the population
 * engine's load.
 *
 * Why: a full load reads every fact's packed record in rowid order. In `person_facts` those
 * records sit among the JSON bodies, so the load reads the whole table (about 1.6 GB for six
 * million facts); when the file is not in the page cache, the disk, not the decoding, sets
 * the time (7.7 s against 3.1 s warm). The narrow table holds the same records in about a
 * sixth of the space.
 *
 * The writers copy a transaction's new records in one statement at its end
 * ({@link COPY_NEW_FACT_PACKS}), not row by row (a trigger): SQLite gives a table its next
 * page as it fills one, so copying row by row would interleave the narrow table's pages with
 * the fact rows' and a cold load would again seek across the whole file; copied in one go,
 * each write's records lie on consecutive pages. The loader reads the narrow table only when
 * it ends where the fact rows end (sqlite-fact-reader.ts); verify compares the two in full.
 *
 * PostgreSQL keeps reading `person_facts.packed`: its load streams `COPY … (FORMAT binary)`
 * of that column alone, and its server keeps its own buffer cache.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../schema.js';

export const FACT_PACKS_TABLE = 'person_fact_packs';

/** Copies the packed records of fact rows not yet copied; run by each SQLite writer before it commits. */
export const COPY_NEW_FACT_PACKS = `insert into ${FACT_PACKS_TABLE} (fact, packed)
  select rowid, packed from person_facts where rowid > (select coalesce(max(fact), 0) from ${FACT_PACKS_TABLE}) order by rowid`;

export function factPacksMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'sqlite') return;
      await sql`create table person_fact_packs (fact integer primary key, packed blob not null)`.execute(db);
      await sql.raw(COPY_NEW_FACT_PACKS).execute(db);
    },
  };
}
