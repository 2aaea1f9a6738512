/**
 * A stable checksum of what the store holds, for backups, bad-input tests and crash tests.
 *
 * - `content`: SHA-256 over every person (in id order) with their facts in the order the
 *   domain reads them (recording order: seq, then position in the call), every programme fact
 *   in recording order, and every retraction (in fact id order, with its instant and
 *   reason). Facts are hashed as canonical JSON (keys sorted), so two stores holding the same
 *   facts agree whatever path wrote them and in whichever batches: an import resumed after a
 *   crash and one run straight through give the same content checksum.
 * - `log`: SHA-256 over the event log (every column, in seq order) and each row's seq and
 *   position: what happened and when. Two runs of one import differ here (their events are
 *   stamped with the clock); a refused import must leave it unchanged.
 *
 * Reads go through any Kysely handle, a transaction included (a backup checksums the
 * snapshot it dumps), in pages of a bounded size.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface StoreCounts {
  readonly people: number;
  readonly personFacts: number;
  readonly programFacts: number;
  readonly retractions: number;
  readonly events: number;
}

export interface StoreChecksum {
  /** `sha256:` and hex: the facts, whatever wrote them. */
  readonly content: string;
  /** `sha256:` and hex: the event log and which event wrote each row. */
  readonly log: string;
  readonly counts: StoreCounts;
}

const PAGE = 10_000;

/** JSON with object keys sorted at every level; keys holding `undefined` are left out (as JSON does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

const line = (hash: Hash, ...cells: (string | number | null)[]): void => {
  hash.update(`${cells.map((c) => (c === null ? '\\N' : String(c))).join('\t')}\n`);
};

/** A fact body as hashed: canonical, with `retractedAt` from its retraction when it has one. */
function canonicalFact(body: string, retractedAt: number | null): string {
  const fact = JSON.parse(body) as Record<string, unknown>;
  return canonicalJson({ ...fact, retractedAt: retractedAt ?? undefined });
}

export async function storeChecksum(db: Kysely<Database>): Promise<StoreChecksum> {
  const content = createHash('sha256');
  const log = createHash('sha256');
  const counts = { people: 0, personFacts: 0, programFacts: 0, retractions: 0, events: 0 };

  // People and their facts: two ordered streams, merged by person id (both sort ids byte-wise).
  let facts = await personFactPage(db, undefined);
  let factAt = 0;
  let afterPerson: string | undefined;
  for (;;) {
    const after = afterPerson;
    const people = await db
      .selectFrom('people')
      .select(['id', 'added_seq'])
      .$if(after !== undefined, (q) => q.where('id', '>', after!))
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const person of people) {
      counts.people += 1;
      line(content, 'P', person.id);
      line(log, 'P', person.id, person.added_seq);
      for (;;) {
        if (factAt >= facts.length) {
          const last = facts.at(-1);
          if (last === undefined || facts.length < PAGE) break;
          facts = await personFactPage(db, last);
          factAt = 0;
          continue;
        }
        const f = facts[factAt]!;
        if (f.person_id !== person.id) break;
        factAt += 1;
        counts.personFacts += 1;
        line(content, 'F', f.id, canonicalFact(f.body, f.retracted_at));
        line(log, 'F', f.id, f.seq, f.ord);
      }
    }
    if (people.length < PAGE) break;
    afterPerson = people.at(-1)!.id;
  }
  if (factAt < facts.length) throw new Error(`person fact ${facts[factAt]!.id} belongs to no stored person`);

  const program = await db
    .selectFrom('program_facts as f')
    .leftJoin('fact_retractions as r', 'r.fact_id', 'f.id')
    .select(['f.id', 'f.body', 'f.seq', 'f.ord', 'r.retracted_at'])
    .orderBy('f.seq')
    .orderBy('f.ord')
    .execute();
  for (const f of program) {
    counts.programFacts += 1;
    line(content, 'G', f.id, canonicalFact(f.body, f.retracted_at));
    line(log, 'G', f.id, f.seq, f.ord);
  }

  let afterFact: string | undefined;
  for (;;) {
    const after = afterFact;
    const rows = await db
      .selectFrom('fact_retractions')
      .select(['fact_id', 'retracted_at', 'reason', 'seq'])
      .$if(after !== undefined, (q) => q.where('fact_id', '>', after!))
      .orderBy('fact_id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      counts.retractions += 1;
      line(content, 'R', r.fact_id, r.retracted_at, r.reason);
      line(log, 'R', r.fact_id, r.seq);
    }
    if (rows.length < PAGE) break;
    afterFact = rows.at(-1)!.fact_id;
  }

  let afterSeq = 0;
  for (;;) {
    const rows = await db.selectFrom('events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(PAGE).execute();
    for (const e of rows) {
      counts.events += 1;
      line(log, 'E', e.seq, e.at, e.actor, e.role, e.kind, e.subject_type, e.subject_id, e.details);
    }
    if (rows.length < PAGE) break;
    afterSeq = rows.at(-1)!.seq;
  }

  const counted = `${counts.people}/${counts.personFacts}/${counts.programFacts}/${counts.retractions}`;
  line(content, 'N', counted);
  line(log, 'N', counted, counts.events);
  return { content: `sha256:${content.digest('hex')}`, log: `sha256:${log.digest('hex')}`, counts };
}

interface FactRow {
  readonly id: string;
  readonly person_id: string;
  readonly body: string;
  readonly seq: number;
  readonly ord: number;
  readonly retracted_at: number | null;
}

/** The next page of person facts in (person_id, seq, ord) order, after `last`. */
async function personFactPage(db: Kysely<Database>, last: FactRow | undefined): Promise<FactRow[]> {
  return db
    .selectFrom('person_facts as f')
    .leftJoin('fact_retractions as r', 'r.fact_id', 'f.id')
    .select(['f.id', 'f.person_id', 'f.body', 'f.seq', 'f.ord', 'r.retracted_at'])
    .$if(last !== undefined, (q) =>
      q.where((eb) => eb(eb.refTuple('f.person_id', 'f.seq', 'f.ord'), '>', eb.tuple(last!.person_id, last!.seq, last!.ord))),
    )
    .orderBy('f.person_id')
    .orderBy('f.seq')
    .orderBy('f.ord')
    .limit(PAGE)
    .execute();
}
