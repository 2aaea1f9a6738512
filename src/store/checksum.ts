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
 *   stamped with the clock); a refused import must leave it unchanged. It also covers, row by
 *   row in key order, the tables the application writes beside the facts (flights, manifests
 *   and their events, notices, the outbox, the audit chain, accounts, profiles, the access
 *   log), so that a backup's manifest pins them too.
 *
 * Reads go through any Kysely handle, a transaction included (a backup checksums the
 * snapshot it dumps), in pages of a bounded size.
 */
import { createHash, type Hash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface StoreCounts {
  readonly people: number;
  readonly personFacts: number;
  readonly programFacts: number;
  readonly retractions: number;
  readonly events: number;
  /** Manifests, their events and audit entries: absent from manifests of older backups. */
  readonly manifests?: number;
  readonly manifestEvents?: number;
  readonly auditEntries?: number;
}

export interface StoreChecksum {
  /** `sha256:` and hex: the facts, whatever wrote them. */
  readonly content: string;
  /** `sha256:` and hex: the event log and which event wrote each row. */
  readonly log: string;
  readonly counts: StoreCounts;
}

const PAGE = 10_000;

/**
 * Tables outside the fact store, each with its primary key (the order rows are hashed in).
 * `audit_heads` is not among them: it only records where `audit_log` was written up to, and a
 * backup made before it existed (migration 0007) gains its rows when opened, so that hashing
 * it would fail every restore of such a backup against its manifest.
 */
const OTHER_TABLES: readonly { readonly table: string; readonly key: readonly string[]; readonly count?: 'manifests' | 'manifestEvents' | 'auditEntries' }[] = [
  { table: 'flights', key: ['id'] },
  { table: 'facilities', key: ['id'] },
  { table: 'transfers', key: ['seq'] },
  { table: 'manifests', key: ['id'], count: 'manifests' },
  { table: 'manifest_events', key: ['manifest_id', 'version'], count: 'manifestEvents' },
  { table: 'notice_servings', key: ['id'] },
  { table: 'outbox', key: ['seq'] },
  { table: 'outbox_deliveries', key: ['outbox_seq'] },
  { table: 'audit_log', key: ['seq'], count: 'auditEntries' },
  { table: 'users', key: ['id'] },
  { table: 'user_passwords', key: ['user_id', 'version'] },
  { table: 'user_disablements', key: ['user_id'] },
  { table: 'sessions', key: ['secret_hash'] },
  { table: 'session_ends', key: ['secret_hash'] },
  { table: 'api_tokens', key: ['id'] },
  { table: 'api_token_revocations', key: ['token_id'] },
  { table: 'person_profiles', key: ['person_id', 'version'] },
  { table: 'access_events', key: ['seq'] },
];

type Cell = string | number | bigint | boolean | null | Uint8Array | Date;

/** A cell as hashed: the same text for the same value in both dialects' drivers. */
const cellText = (value: Cell): string | number | null => {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return value.getTime();
  return String(value);
};

/** Every row of a table in key order, a page at a time: its columns sorted by name. */
async function hashTable(db: Kysely<Database>, hash: Hash, table: string, key: readonly string[]): Promise<number> {
  const keys = sql.join(key.map((k) => sql.ref(k)));
  let rows = 0;
  let last: Record<string, Cell> | undefined;
  for (;;) {
    const after = last;
    const where = after === undefined ? sql`` : sql`where (${keys}) > (${sql.join(key.map((k) => after[k]))})`;
    const page = await sql<Record<string, Cell>>`select * from ${sql.table(table)} ${where} order by ${keys} limit ${PAGE}`.execute(db);
    for (const row of page.rows) {
      rows += 1;
      line(hash, table, ...Object.keys(row).sort().map((column) => `${column}=${String(cellText(row[column] ?? null))}`));
    }
    if (page.rows.length < PAGE) return rows;
    last = page.rows.at(-1);
  }
}

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

  const others = { manifests: 0, manifestEvents: 0, auditEntries: 0 };
  for (const { table, key, count } of OTHER_TABLES) {
    const n = await hashTable(db, log, table, key);
    if (count !== undefined) others[count] = n;
  }

  const counted = `${counts.people}/${counts.personFacts}/${counts.programFacts}/${counts.retractions}`;
  line(content, 'N', counted);
  line(log, 'N', counted, counts.events);
  return { content: `sha256:${content.digest('hex')}`, log: `sha256:${log.digest('hex')}`, counts: { ...counts, ...others } };
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
