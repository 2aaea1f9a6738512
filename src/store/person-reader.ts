/**
 * The reads an API request makes, each one prepared query (see prepared-query.ts): a person with every fact
 * (`FactStore.getPerson`) and the log's last seq, or both at once (`readPerson`).
 * Answers exactly as the fact store does; a test compares the two on both databases.
 *
 * The people asked for in one turn of the event loop are read together, in one statement:
 * under load, the requests read in one poll of the sockets all reach this read in the same
 * turn (src/api/server.ts), and one statement for all their people costs less than one per
 * person (the read transaction, the driver's call, the log's last seq are paid once, and
 * SQLite's code stays in the CPU's caches). Every person of one statement is read in one
 * snapshot, with that snapshot's last seq. Nothing is remembered from one turn to the next.
 */
import type DataLoader from 'dataloader';
import { sql, type RawBuilder } from 'kysely';
import type { Person, PersonFact } from '../domain/facts.js';
import { personFactFromRow } from './fact-codec.js';
import { readQueries, type PreparedQuery, type ReadQueries } from './prepared-query.js';
import type { OpenedStore } from './open-store.js';
import { perTurn } from './per-turn.js';

/** Placeholder values, unlike any real parameter, to find the parameters in the compiled SQL. */
const PERSON_MARKER = '\u0000person';
const PEOPLE_MARKER: PersonIds = ['\u0000people'];

/** The log's last seq as a column of another query (the same SQL in both dialects). */
const LAST_SEQ = sql<number | null>`(select max(seq) from events)`.as('last_seq');

/**
 * The most people one statement reads. The list is one parameter (a JSON array on SQLite, an
 * array on PostgreSQL), so this bounds the statement's work, not its text.
 */
export const MAX_PEOPLE_PER_READ = 256;

/** The ids of one read: a JSON array of them on SQLite, the array itself on PostgreSQL. */
type PersonIds = string | readonly string[];

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
  /** [person_id, body, retracted_at, last_seq]: values, not row objects, on the busiest read. */
  private readonly facts: PreparedQuery<[PersonIds], readonly [string, string, number | null, number | null]>;
  private readonly person: PreparedQuery<[string], { last_seq: number | null }>;
  private readonly seq: PreparedQuery<[], { seq: number | null }>;
  /** How a list of ids is passed: SQLite takes no arrays, so it unpacks a JSON one. */
  private readonly idsParameter: (ids: readonly string[]) => PersonIds;
  /** Gathers the reads asked for in one turn, answered together on the next. */
  private readonly loader: DataLoader<string, PersonRead | undefined>;

  constructor(store: Pick<OpenedStore, 'kysely' | 'native'>) {
    const db = store.kysely;
    this.reads = readQueries(store);
    const sqlite = store.native.dialect === 'sqlite';
    this.idsParameter = sqlite ? (ids) => JSON.stringify(ids) : (ids) => ids;
    const among = (ids: PersonIds): RawBuilder<unknown> =>
      sqlite ? sql`(select value from json_each(${ids}))` : sql`any(${ids})`;
    // The last seq rides along as an uncorrelated subquery (evaluated once per statement), so
    // that the programme cache's freshness check costs no statement of its own, and the seq
    // is read in the same snapshot as the facts. From person_facts alone, not joined to
    // people: a fact's person always exists (foreign key), and that join was a second index
    // lookup on every request. A person with no facts is found by the second query. Ordered
    // as the index `person_facts(person_id, seq, ord)` is, so that no sort is needed.
    this.facts = this.reads.prepareValues([PEOPLE_MARKER] as [PersonIds], (ids) =>
      db
        .selectFrom('person_facts as f')
        .leftJoin('fact_retractions as r', 'r.fact_id', 'f.id')
        .select(['f.person_id', 'f.body', 'r.retracted_at', LAST_SEQ])
        .where(sql`f.person_id`, sqlite ? 'in' : '=', among(ids))
        .orderBy('f.person_id')
        .orderBy('f.seq')
        .orderBy('f.ord'),
    );
    this.person = this.reads.prepare([PERSON_MARKER] as [string], (id) =>
      db.selectFrom('people').select(LAST_SEQ).where('id', '=', id),
    );
    this.seq = this.reads.prepare([] as [], () =>
      db.selectFrom('events').select((eb) => eb.fn.max<number | null>('seq').as('seq')),
    );
    this.loader = perTurn((ids) => this.readTogether(ids), MAX_PEOPLE_PER_READ);
  }

  /** Closes this reader's own connection (the store itself stays open). */
  close(): void {
    this.reads.close();
  }

  async getPerson(id: string): Promise<Person | undefined> {
    return (await this.readPerson(id))?.person;
  }

  readPerson(id: string): Promise<PersonRead | undefined> {
    return this.loader.load(id);
  }

  async lastSeq(): Promise<number> {
    const rows = await this.seq.run();
    return rows[0]?.seq ?? 0;
  }

  /** The people of `ids` (an id may come more than once), in one statement, in that order. */
  private async readTogether(ids: readonly string[]): Promise<(PersonRead | undefined)[]> {
    const rows = await this.facts.run(this.idsParameter([...new Set(ids)]));
    const facts = new Map<string, PersonFact[]>();
    for (const [personId, body, retractedAt] of rows) {
      let list = facts.get(personId);
      if (list === undefined) facts.set(personId, (list = []));
      list.push(personFactFromRow(body, retractedAt));
    }
    const lastSeq = rows[0]?.[3] ?? 0;
    const given = new Set<string>();
    const out: (PersonRead | undefined)[] = [];
    for (const id of ids) {
      const list = facts.get(id);
      if (list === undefined) {
        // Rare: a person recorded without facts, or no such person.
        const found = (await this.person.run(id))[0];
        out.push(
          found === undefined ? undefined : { person: { id, facts: [] }, lastSeq: found.last_seq ?? 0 },
        );
        continue;
      }
      // The same person asked for twice in a turn: each caller gets a list of its own.
      out.push({ person: { id, facts: given.has(id) ? [...list] : list }, lastSeq });
      given.add(id);
    }
    return out;
  }
}
