/**
 * Checks that a store is whole: what `repatria verify` runs, and what a restore and the
 * crash tests check after each restart.
 *
 * - the database's own checks (SQLite `quick_check` and `foreign_key_check`; on PostgreSQL,
 *   fact rows whose person is missing);
 * - every row was written by an event of the log, and every fact event wrote exactly the
 *   rows its details count (people, facts, retractions): a transaction that committed is
 *   complete, and nothing is there that no event wrote;
 * - deep (optional, one pass over every fact): every fact body is whole JSON, agrees with its
 *   row's copied columns, and is still a valid fact by the contract's schema when written
 *   back in the interchange form; and the name words (migration 0008) are exactly those of
 *   the profiles' names;
 * - the audit hash chain (`auditChainProblems`, unless told otherwise): every entry in its
 *   place, linked to the one before, and hashing to its stored hash, and the log ending
 *   where its writer recorded.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { parsePersonFact, parseProgramFact } from '../contract/fact-schema.js';
import { checkEnd, checkNext, EMPTY_CHAIN, type ChainHead, type HashText } from '../domain/audit-chain.js';
import { formatDay, formatInstant } from '../domain/dates.js';
import { periodOf, type Fact } from '../domain/facts.js';
import { recordedAuditHead } from './audit-heads.js';
import { canonicalJson } from './checksum.js';
import type { IdentityTables } from './identity-tables.js';
import type { ManifestTables } from './manifest-tables.js';
import { nameWordRows } from './migrations/0008-profile-search.js';
import type { Database, StoreDialect } from './schema.js';

export interface VerifyOptions {
  /** Re-read and re-validate every fact body (one pass over all facts). */
  readonly deep: boolean;
  /**
   * Checks the audit log's hash chain and returns the problems found. Absent: the chain is
   * walked and its end checked (`auditChainProblems`), since a store whose facts verify but
   * whose audit log was cut or changed is not whole; `false`: not checked (a caller that
   * verifies it otherwise).
   */
  readonly auditChain?: ((db: Kysely<Database>) => Promise<string[]>) | false | undefined;
}

export interface VerifyReport {
  readonly ok: boolean;
  /** What is wrong, at most a hundred; empty when ok. */
  readonly findings: readonly string[];
  readonly eventsChecked: number;
  readonly factsChecked: number;
  readonly auditChain: 'verified' | 'not checked';
}

const MAX_FINDINGS = 100;
const PAGE = 10_000;
const FACT_EVENT_KINDS = ['person_added', 'fact_recorded', 'program_fact_recorded', 'fact_retracted'] as const;

/** The chain's hash, as the operations store writes it (SHA-256, hex). */
const sha256Hex: HashText = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Whether the store records the end of its audit chain (migration 0007). Every store opened
 * through `openStore` does; a SQLite copy checked before it is opened (a backup being
 * restored, made before that migration) may not, and then only the chain itself is checked.
 */
async function recordsAuditHead(db: Kysely<Database>, dialect: StoreDialect): Promise<boolean> {
  if (dialect === 'postgres') return true;
  const { rows } = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'audit_heads'`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * Walks the audit log's hash chain in seq order and checks that it ends where its writer
 * recorded (the check `repatria audit verify` runs, src/domain/audit-chain.ts); names the
 * first entry that does not fit, or nothing when intact.
 */
export async function auditChainProblems(db: Kysely<Database>, dialect: StoreDialect): Promise<string[]> {
  const audit = db.withTables<ManifestTables>();
  const recorded = await recordsAuditHead(db, dialect);
  // Read before and after the walk, which runs beside writers (see `WalkedEnd`).
  const before = recorded ? await recordedAuditHead(audit) : undefined;
  let head: ChainHead = EMPTY_CHAIN;
  let hashAtBefore: string | undefined;
  for (;;) {
    const rows = await audit.selectFrom('audit_log').selectAll().where('seq', '>', head.seq).orderBy('seq').limit(PAGE).execute();
    for (const r of rows) {
      const entry = {
        seq: r.seq,
        when: r.at,
        what: r.what,
        who: r.who,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        correlationId: r.correlation_id,
        details: r.details,
        prevHash: r.prev_hash,
        hash: r.hash,
      };
      const broken = checkNext(head, entry, sha256Hex);
      if (broken !== undefined) return [`${broken.message} (${head.seq} entries before it verified)`];
      head = { seq: entry.seq, hash: entry.hash };
      if (entry.seq === before?.seq) hashAtBefore = entry.hash;
    }
    if (rows.length < PAGE) break;
  }
  if (before === undefined) return [];
  const broken = checkEnd({ walked: head, hashAtBefore, before, after: await recordedAuditHead(audit) });
  return broken === undefined ? [] : [`${broken.message} (${broken.seq - 1} entries before it verified)`];
}

/** Rows per seq in one table (`seq` column given). */
async function countsBySeq(db: Kysely<Database>, table: 'people' | 'person_facts' | 'program_facts' | 'fact_retractions'): Promise<Map<number, number>> {
  const column = table === 'people' ? 'added_seq' : 'seq';
  const { rows } = await sql<{ seq: number | string; n: number | string }>`select ${sql.ref(column)} as seq, count(*) as n from ${sql.table(table)} group by ${sql.ref(column)}`.execute(db);
  return new Map(rows.map((r) => [Number(r.seq), Number(r.n)]));
}

const numberOf = (details: Record<string, unknown>, key: string, fallback: number): number => {
  const value = details[key];
  return typeof value === 'number' ? value : fallback;
};

export async function verifyStore(db: Kysely<Database>, dialect: StoreDialect, options: VerifyOptions): Promise<VerifyReport> {
  const findings: string[] = [];
  const find = (text: string): void => {
    if (findings.length < MAX_FINDINGS) findings.push(text);
  };

  if (dialect === 'sqlite') {
    const { rows } = await sql<{ quick_check: string }>`pragma quick_check`.execute(db);
    for (const r of rows) if (r.quick_check !== 'ok') find(`SQLite quick_check: ${r.quick_check}`);
    // Bulk imports write with foreign keys unchecked per row (src/ingest/sqlite-writer.ts).
    const orphans = await sql<{ table: string; rowid: number; parent: string }>`pragma foreign_key_check`.execute(db);
    for (const r of orphans.rows) find(`${r.table} row ${r.rowid} refers to a missing ${r.parent} row`);
    // The sweep loader's copy of each fact's packed record (migration 0006), kept by the
    // writers; a store (or backup) from before that migration has no such table yet.
    const { rows: narrow } = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'person_fact_packs'`.execute(db);
    if ((narrow[0]?.n ?? 0) > 0) await checkFactPacks(db, find);
  } else {
    // Bulk imports may write without PostgreSQL's per-row foreign key checks (src/ingest/postgres-writer.ts).
    const { rows: orphans } = await sql<{ id: string; person_id: string }>`select f.id, f.person_id from person_facts f
      where not exists (select 1 from people p where p.id = f.person_id) order by f.id limit ${MAX_FINDINGS}`.execute(db);
    for (const r of orphans) find(`person_facts row ${r.id} refers to a missing people row (${r.person_id})`);
  }

  // Every row's event, and every fact event's rows.
  const written = {
    people: await countsBySeq(db, 'people'),
    personFacts: await countsBySeq(db, 'person_facts'),
    programFacts: await countsBySeq(db, 'program_facts'),
    retractions: await countsBySeq(db, 'fact_retractions'),
  };
  const seen = new Set<number>();
  let eventsChecked = 0;
  let afterSeq = 0;
  for (;;) {
    const events = await db
      .selectFrom('events')
      .select(['seq', 'kind', 'details'])
      .where('seq', '>', afterSeq)
      .where('kind', 'in', FACT_EVENT_KINDS)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const e of events) {
      const seq = e.seq;
      seen.add(seq);
      eventsChecked += 1;
      let details: Record<string, unknown>;
      try {
        details = JSON.parse(e.details) as Record<string, unknown>;
      } catch {
        find(`event ${seq}: details are not JSON`);
        continue;
      }
      const program = e.kind === 'program_fact_recorded';
      const expected = {
        people: e.kind === 'person_added' || e.kind === 'fact_recorded' ? numberOf(details, 'people', 0) : 0,
        facts: e.kind === 'fact_retracted' ? 0 : numberOf(details, 'facts', 0),
        retractions: e.kind === 'fact_retracted' ? 1 : numberOf(details, 'retractions', 0),
      };
      const actual = {
        people: written.people.get(seq) ?? 0,
        facts: (program ? written.programFacts : written.personFacts).get(seq) ?? 0,
        retractions: written.retractions.get(seq) ?? 0,
      };
      for (const key of ['people', 'facts', 'retractions'] as const) {
        if (expected[key] !== actual[key]) find(`event ${seq} (${e.kind}) records ${expected[key]} ${key} but ${actual[key]} rows carry its seq`);
      }
      const otherTable = (program ? written.personFacts : written.programFacts).get(seq);
      if (otherTable !== undefined) find(`event ${seq} (${e.kind}) wrote ${otherTable} rows into the wrong fact table`);
    }
    if (events.length < PAGE) break;
    afterSeq = events.at(-1)!.seq;
  }
  for (const [table, counts] of Object.entries(written)) {
    for (const [seq, n] of counts) if (!seen.has(seq)) find(`${n} rows of ${table} carry seq ${seq}, which is no fact event of the log`);
  }

  let factsChecked = 0;
  if (options.deep) {
    factsChecked += await checkBodies(db, 'person_facts', find);
    factsChecked += await checkBodies(db, 'program_facts', find);
    // A store (or backup) from before migration 0008 has no words yet.
    if (await hasTable(db, dialect, 'profile_name_words')) await checkNameWords(db, find);
  }

  let auditChain: VerifyReport['auditChain'] = 'not checked';
  if (options.auditChain !== false) {
    const problems = options.auditChain === undefined ? await auditChainProblems(db, dialect) : await options.auditChain(db);
    for (const problem of problems) find(`audit chain: ${problem}`);
    auditChain = 'verified';
  }
  return { ok: findings.length === 0, findings, eventsChecked, factsChecked, auditChain };
}

async function hasTable(db: Kysely<Database>, dialect: StoreDialect, name: string): Promise<boolean> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${name}`.execute(db)
      : await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = ${name}`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * A set of rows as a count and a fingerprint that does not depend on their order: the XOR of
 * each row's 64-bit hash. Rows of a set are distinct, so none cancels another, and the two
 * sides of a comparison can each be read in the order of their own key. The hash (cyrb53's
 * mixing, two 32-bit lanes) finds a copy that drifted from its source, cheaply per row; it
 * is no guard against a forgery made to match.
 */
class RowSetPrint {
  count = 0;
  private low = 0;
  private high = 0;

  add(row: string): void {
    this.count += 1;
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < row.length; i += 1) {
      const c = row.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    this.low ^= h1;
    this.high ^= h2;
  }

  equals(other: RowSetPrint): boolean {
    return this.count === other.count && this.low === other.low && this.high === other.high;
  }
}

/** Every row `read` gives, a page at a time: each page read after the last row of the one before. */
async function* keysetPages<R>(read: (after: R | undefined) => Promise<R[]>): AsyncIterable<R[]> {
  let after: R | undefined;
  for (;;) {
    const rows = await read(after);
    yield rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1);
  }
}

/** profile_name_words holds the words of every profile version's name, and nothing else. */
async function checkNameWords(db: Kysely<Database>, find: (text: string) => void): Promise<void> {
  const tables = db.withTables<IdentityTables>();
  const expected = new RowSetPrint();
  const profiles = keysetPages((after: { person_id: string; version: number; name: string } | undefined) =>
    tables
      .selectFrom('person_profiles')
      .select(['person_id', 'version', 'name'])
      .$if(after !== undefined, (q) =>
        q.where((eb) => eb(eb.refTuple('person_id', 'version'), '>', eb.tuple(after!.person_id, after!.version))),
      )
      .orderBy('person_id')
      .orderBy('version')
      .limit(PAGE)
      .execute(),
  );
  for await (const rows of profiles)
    for (const w of nameWordRows(rows.map((r) => ({ personId: r.person_id, version: r.version, name: r.name }))))
      expected.add(`${w.word}\t${w.person_id}\t${w.version}`);
  const stored = new RowSetPrint();
  const words = keysetPages((after: { word: string; person_id: string; version: number } | undefined) =>
    tables
      .selectFrom('profile_name_words')
      .select(['word', 'person_id', 'version'])
      .$if(after !== undefined, (q) =>
        q.where((eb) =>
          eb(eb.refTuple('word', 'person_id', 'version'), '>', eb.tuple(after!.word, after!.person_id, after!.version)),
        ),
      )
      .orderBy('word')
      .orderBy('person_id')
      .orderBy('version')
      .limit(PAGE)
      .execute(),
  );
  for await (const rows of words) for (const w of rows) stored.add(`${w.word}\t${w.person_id}\t${w.version}`);
  if (!expected.equals(stored))
    find(
      `profile_name_words disagrees with the profiles' names: ${expected.count} words expected, ${stored.count} stored` +
        (expected.count === stored.count ? ', some of them different' : ''),
    );
}

/** Every fact row has its packed copy in person_fact_packs, equal to its own, and no copy is left over. */
async function checkFactPacks(db: Kysely<Database>, find: (text: string) => void): Promise<void> {
  const { rows: packs } = await sql<{ missing: number; differ: number; extra: number }>`
    select (select count(*) from person_facts f where not exists (select 1 from person_fact_packs p where p.fact = f.rowid)) as missing,
           (select count(*) from person_facts f join person_fact_packs p on p.fact = f.rowid where p.packed <> f.packed) as differ,
           (select count(*) from person_fact_packs p where not exists (select 1 from person_facts f where f.rowid = p.fact)) as extra`.execute(db);
  const { missing = 0, differ = 0, extra = 0 } = packs[0] ?? {};
  if (missing + differ + extra > 0)
    find(`person_fact_packs disagrees with person_facts: ${missing} facts have no packed copy, ${differ} copies differ, ${extra} copies have no fact`);
}

/** Every body of a fact table: whole JSON, the same as its row's columns, valid by the contract. */
async function checkBodies(db: Kysely<Database>, table: 'person_facts' | 'program_facts', find: (text: string) => void): Promise<number> {
  let checked = 0;
  let after: string | undefined;
  for (;;) {
    const last = after;
    const rows = await db
      .selectFrom(table)
      .select(['id', 'type', 'from_day', 'through_day', 'recorded_at', 'body'])
      .$if(last !== undefined, (q) => q.where('id', '>', last!))
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      checked += 1;
      const problem = bodyProblem(row, table);
      if (problem !== undefined) find(`${table} ${row.id}: ${problem}`);
    }
    if (rows.length < PAGE) return checked;
    after = rows.at(-1)!.id;
  }
}

interface FactRowColumns {
  readonly id: string;
  readonly type: string;
  readonly from_day: number | null;
  readonly through_day: number | null;
  readonly recorded_at: number;
  readonly body: string;
}

const DAY_FIELDS: ReadonlySet<string> = new Set(['from', 'through', 'servedOn', 'resolvedOn']);

function bodyProblem(row: FactRowColumns, table: 'person_facts' | 'program_facts'): string | undefined {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(row.body) as Record<string, unknown>;
  } catch {
    return 'the body is not whole JSON';
  }
  if (body.id !== row.id) return `the body is fact ${JSON.stringify(body.id)}`;
  if (body.type !== row.type) return `the body is of type ${JSON.stringify(body.type)}, the row of type ${row.type}`;
  if (body.recordedAt !== row.recorded_at) return 'recorded_at differs from the body';
  const fact = body as unknown as Fact;
  const period = periodOf(fact);
  if ((period?.from ?? null) !== row.from_day || (period?.through ?? null) !== row.through_day) return 'from_day/through_day differ from the body';
  // Back to the interchange form and through the contract's schema: the same fact again.
  const text: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (DAY_FIELDS.has(key)) {
      if (typeof value === 'number') text[key] = formatDay(value);
    } else text[key] = key === 'recordedAt' ? formatInstant(fact.recordedAt) : value;
  }
  const parsed = table === 'person_facts' ? parsePersonFact(text) : parseProgramFact(text);
  if (!parsed.ok) return `the body is not a valid fact: ${parsed.issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`;
  if (canonicalJson(parsed.value) !== canonicalJson(fact)) return 'the body does not read back as the same fact';
  return undefined;
}
