/**
 * The reads an API request makes, each one prepared query (see prepared-query.ts): a person with every fact
 * (`FactStore.getPerson`, in one statement rather than two) and the log's last seq.
 * Answers exactly as the fact store does; a test compares the two on both databases.
 */
import type { Person } from '../domain/facts.js';
import { personFactFromRow } from './fact-codec.js';
import { readQueries, type PreparedQuery, type ReadQueries } from './prepared-query.js';
import type { OpenedStore } from './open-store.js';

/** Placeholder values, unlike any real parameter, to find the parameters in the compiled SQL. */
const PERSON_MARKER = '\u0000person';

export interface PersonReader {
  getPerson(id: string): Promise<Person | undefined>;
  lastSeq(): Promise<number>;
}

export class PreparedPersonReader implements PersonReader {
  private readonly reads: ReadQueries;
  private readonly person: PreparedQuery<
    [string],
    { id: string; body: string | null; retracted_at: number | null }
  >;
  private readonly seq: PreparedQuery<[], { seq: number | null }>;

  constructor(store: Pick<OpenedStore, 'kysely' | 'native'>) {
    const db = store.kysely;
    this.reads = readQueries(store);
    // From people, so that a person with no facts is found too (one row, body null).
    this.person = this.reads.prepare([PERSON_MARKER] as [string], (id) =>
      db
        .selectFrom('people as p')
        .leftJoin('person_facts as f', 'f.person_id', 'p.id')
        .leftJoin('fact_retractions as r', 'r.fact_id', 'f.id')
        .select(['p.id', 'f.body', 'r.retracted_at'])
        .where('p.id', '=', id)
        .orderBy('f.seq')
        .orderBy('f.ord'),
    );
    this.seq = this.reads.prepare([] as [], () =>
      db.selectFrom('events').select((eb) => eb.fn.max<number | null>('seq').as('seq')),
    );
  }

  /** Closes this reader's own connection (the store itself stays open). */
  close(): void {
    this.reads.close();
  }

  async getPerson(id: string): Promise<Person | undefined> {
    const rows = await this.person.run(id);
    if (rows.length === 0) return undefined;
    const facts = [];
    for (const row of rows) if (row.body !== null) facts.push(personFactFromRow(row.body, row.retracted_at));
    return { id, facts };
  }

  async lastSeq(): Promise<number> {
    const rows = await this.seq.run();
    return rows[0]?.seq ?? 0;
  }
}
