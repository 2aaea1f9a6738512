/**
 * The reads an API request makes, each one prepared query (see prepared-query.ts): a person with every fact
 * (`FactStore.getPerson`) and the log's last seq, or both at once (`readPerson`).
 * Answers exactly as the fact store does; a test compares the two on both databases.
 */
import { sql } from 'kysely';
import type { Person } from '../domain/facts.js';
import { personFactFromRow } from './fact-codec.js';
import { readQueries, type PreparedQuery, type ReadQueries } from './prepared-query.js';
import type { OpenedStore } from './open-store.js';

/** Placeholder values, unlike any real parameter, to find the parameters in the compiled SQL. */
const PERSON_MARKER = '\u0000person';

/** The log's last seq as a column of another query (the same SQL in both dialects). */
const LAST_SEQ = sql<number | null>`(select max(seq) from events)`.as('last_seq');

/** A person and the store's last event seq, read in one statement: the person is as of that seq. */
export interface PersonRead {
  readonly person: Person;
  readonly lastSeq: number;
}

export interface PersonReader {
  getPerson(id: string): Promise<Person | undefined>;
  /** The person with the store's last event seq, in one statement; undefined for an unknown id. */
  readPerson(id: string): Promise<PersonRead | undefined>;
  lastSeq(): Promise<number>;
}

export class PreparedPersonReader implements PersonReader {
  private readonly reads: ReadQueries;
  /** [body, retracted_at, last_seq]: values, not row objects, on the busiest read. */
  private readonly facts: PreparedQuery<[string], readonly [string, number | null, number | null]>;
  private readonly person: PreparedQuery<[string], { last_seq: number | null }>;
  private readonly seq: PreparedQuery<[], { seq: number | null }>;

  constructor(store: Pick<OpenedStore, 'kysely' | 'native'>) {
    const db = store.kysely;
    this.reads = readQueries(store);
    // The last seq rides along as an uncorrelated subquery (evaluated once per statement), so
    // that the programme cache's freshness check costs no statement of its own, and the seq
    // is read in the same snapshot as the facts. From person_facts alone, not joined to
    // people: a fact's person always exists (foreign key), and that join was a second index
    // lookup on every request. A person with no facts is found by the second query.
    this.facts = this.reads.prepareValues([PERSON_MARKER] as [string], (id) =>
      db
        .selectFrom('person_facts as f')
        .leftJoin('fact_retractions as r', 'r.fact_id', 'f.id')
        .select(['f.body', 'r.retracted_at', LAST_SEQ])
        .where('f.person_id', '=', id)
        .orderBy('f.seq')
        .orderBy('f.ord'),
    );
    this.person = this.reads.prepare([PERSON_MARKER] as [string], (id) =>
      db.selectFrom('people').select(LAST_SEQ).where('id', '=', id),
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
    return (await this.readPerson(id))?.person;
  }

  async readPerson(id: string): Promise<PersonRead | undefined> {
    const rows = await this.facts.run(id);
    if (rows.length === 0) {
      // Rare: a person recorded without facts, or no such person.
      const found = (await this.person.run(id))[0];
      return found === undefined ? undefined : { person: { id, facts: [] }, lastSeq: found.last_seq ?? 0 };
    }
    const facts = [];
    for (const [body, retractedAt] of rows) facts.push(personFactFromRow(body, retractedAt));
    return { person: { id, facts }, lastSeq: rows[0]![2] ?? 0 };
  }

  async lastSeq(): Promise<number> {
    const rows = await this.seq.run();
    return rows[0]?.seq ?? 0;
  }
}
