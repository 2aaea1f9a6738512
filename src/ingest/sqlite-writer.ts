/**
 * The SQLite bulk writer: prepared multi-row INSERTs on the store's own better-sqlite3
 * handle, one transaction per batch (or one for the whole import), holding Kysely's
 * connection throughout so that nothing else in this process writes in between, and
 * `begin immediate` so that no other process does.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { OpenedStore } from '../store/open-store.js';
import { COPY_NEW_FACT_PACKS } from '../store/migrations/0006-fact-packs.js';
import type { BulkValue } from '../store/store-connection.js';
import { isBusy } from '../store/store-busy.js';
import { STRING, unpackBatch, unpackValues, ValueReader, type Batch, type PackedBatch } from './batch.js';
import {
  batchEvent,
  changesAnything,
  factId,
  freshPlan,
  IMPORTED_RETRACTION_REASON,
  outcomeOf,
  planBatch,
  tableOf,
  WriteMismatchError,
  type BatchHead,
  type BatchPlan,
  type BulkWriter,
  type Lookups,
  type StoredFact,
  type WriteOutcome,
  type WriterOptions,
} from './bulk-writer.js';
import { PERSON_ROW_COLUMNS, PROGRAM_ROW_COLUMNS } from './fact-rows.js';

type Statement = BetterSqlite3.Statement;

/**
 * Rows per INSERT statement. As the store measured for its own bulk path, about a hundred
 * rows per statement, prepared once, beats both single rows and statements as large as the
 * parameter limit allows.
 */
const ROWS_PER_STATEMENT = 100;
/**
 * Page cache while importing (KiB, as SQLite's negative cache_size): a batch of 50,000 facts
 * touches some 15 MB of table and index pages; with the default 2 MB cache SQLite spills
 * them mid-transaction. Measured on 600,000 facts: about a fifth less CPU per fact with 64 MB.
 */
const IMPORT_CACHE_KIB = 65_536;
/**
 * WAL size between automatic checkpoints while importing (64 MB; SQLite's default is 1,000
 * pages, 4 MB with its default pages): a batch writes several megabytes, so with the default
 * nearly every commit checkpoints and waits on fsync. Measured on 600,000 facts: the same
 * CPU, a third less time. Set in bytes, as pages of the file's own size (a store made before
 * 32 KiB pages keeps 4 KiB ones): a larger WAL saved nothing on 1,200,000 facts, only moved
 * the copying to the end, where the reading thread is no longer running beside it.
 */
const IMPORT_CHECKPOINT_BYTES = 64 * 1024 * 1024;

const NO_COLUMNS: ReadonlySet<string> = new Set();
/**
 * The person fact columns that always hold text. The first-import path binds them as the
 * batch's UTF-8 bytes and has SQLite take the bytes as text (`cast(? as text)`: the same
 * bytes, typed text, in a UTF-8 database), rather than making a JavaScript string of each
 * that better-sqlite3 then turns back into UTF-8; a file in UTF-16 is given strings.
 * Measured on 1,200,000 facts, six rounds taking turns: the writer's CPU per fact about 6%
 * less (3.57–3.92 against 3.82–3.95 µs in the machine's fast phases, 5.22–5.37 against
 * 5.61–5.90 in its slow ones).
 */
const TEXT_COLUMNS: ReadonlySet<string> = new Set(['id', 'person_id', 'type', 'body']);

/**
 * An all-or-nothing import is one transaction. In WAL mode each of its pages is written
 * twice: into the WAL, then into the database by a checkpoint that can only start once the
 * transaction has committed, at the end, with nothing else left to run beside it (a million
 * people: 11 s of a 37 s import went to that last copy). With a rollback journal, pages
 * added to the end of the file (nearly all of a bulk import) go straight into the database
 * and need no journal; only pages that existed before are journaled, and after a crash the
 * next open rolls the journal back, so nothing of the import stays. So when this connection
 * is the only one open on the store (leaving WAL mode needs that; otherwise it stays in
 * WAL, as before), the writer switches to a rollback journal for an all-or-nothing import,
 * with `synchronous = FULL` (the safe setting for that journal), and back to WAL when it
 * closes; opening a store (dialect.ts) also puts it back in WAL mode, after a crash
 * included. The price: until the import ends, no other process can open the store (it is
 * told the store is busy), where in WAL mode it could read the store as it was before.
 * Measured on 6,000,000 facts: 22.9–27.8 s against 31.4–41.0 s in WAL mode. Batch mode
 * stays in WAL mode: a commit per batch costs a rollback journal two syncs each, and it was
 * slower (27.9 against 24.4 s).
 */
const ALL_OR_NOTHING_JOURNAL = 'delete';

/**
 * Switches the connection to ALL_OR_NOTHING_JOURNAL if no other connection has the store
 * open; true if it did. Another connection makes SQLite answer busy (or with the mode it
 * stays in): asked without waiting, since waiting would not make it go away.
 */
function leaveWal(db: BetterSqlite3.Database): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return db.pragma(`journal_mode = ${ALL_OR_NOTHING_JOURNAL}`, { simple: true }) === ALL_OR_NOTHING_JOURNAL;
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${String(timeout)}`);
  }
}

export class SqliteBulkWriter implements BulkWriter {
  private readonly statements = new Map<string, Statement>();
  private readonly runSeqs = new Set<number>();
  private inTransaction = false;
  /** TEXT_COLUMNS when the file's text is UTF-8 (SQLite's default), so that it may be given as UTF-8 bytes; else none. */
  private readonly textColumns: ReadonlySet<string>;
  /** Per person fact column, whether it is one of `textColumns`. */
  private readonly textAsBytes: readonly boolean[];
  /** The connection's settings before the import, restored by `close`. */
  private readonly previous: { cache: unknown; checkpoint: unknown; foreignKeys: unknown; journal: unknown; synchronous: unknown };
  /** Whether this all-or-nothing import writes with a rollback journal (ALL_OR_NOTHING_JOURNAL). */
  readonly rollbackJournal: boolean;

  private constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly options: WriterOptions,
    private readonly release: () => Promise<void>,
  ) {
    this.previous = {
      cache: db.pragma('cache_size', { simple: true }),
      checkpoint: db.pragma('wal_autocheckpoint', { simple: true }),
      foreignKeys: db.pragma('foreign_keys', { simple: true }),
      journal: db.pragma('journal_mode', { simple: true }),
      synchronous: db.pragma('synchronous', { simple: true }),
    };
    this.textColumns = db.pragma('encoding', { simple: true }) === 'UTF-8' ? TEXT_COLUMNS : NO_COLUMNS;
    this.textAsBytes = PERSON_ROW_COLUMNS.map((c) => this.textColumns.has(c));
    db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
    const pageBytes = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`wal_autocheckpoint = ${Math.ceil(IMPORT_CHECKPOINT_BYTES / pageBytes)}`);
    // The writer keeps person_facts.person_id → people.id true by construction: a batch inserts
    // its new people before their facts, and a fact's person is new in the batch or already
    // stored (the checked path looks it up). Checking it again per row cost a fifth of the
    // writer's time; `repatria verify` runs SQLite's foreign_key_check over the whole store.
    db.pragma('foreign_keys = OFF');
    this.rollbackJournal = options.single && leaveWal(db);
    if (this.rollbackJournal) db.pragma('synchronous = FULL');
  }

  /** Takes the store's connection for the writer's lifetime (until `close`). */
  static async open(store: OpenedStore, options: WriterOptions): Promise<SqliteBulkWriter> {
    if (store.native.dialect !== 'sqlite') throw new Error('SqliteBulkWriter needs a SQLite store');
    const { database } = store.native;
    // Kysely's SQLite driver guards its one connection with a mutex: holding it keeps every
    // other query of this process out while the writer uses the handle directly.
    let letGo: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let acquired: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (acquired = resolve));
    const done = store.kysely.connection().execute(async () => {
      acquired();
      await held;
    });
    // `done` settles first only if the connection could not be taken at all.
    await Promise.race([ready, done]);
    return new SqliteBulkWriter(database, options, async () => {
      letGo();
      await done;
    });
  }

  async write(batch: PackedBatch): Promise<WriteOutcome> {
    const { db } = this;
    if (!this.options.single) db.exec('begin immediate');
    else if (!this.inTransaction) {
      db.exec('begin immediate');
      this.inTransaction = true;
    }
    try {
      const outcome = await this.writeBatch(batch);
      // The sweep loader's narrow copy of the new records, in one statement (migration 0006).
      if (outcome.facts > 0) this.statement('copy-packs', COPY_NEW_FACT_PACKS).run();
      if (!this.options.single) db.exec('commit');
      return outcome;
    } catch (error) {
      if (!this.options.single) db.exec('rollback');
      throw error;
    }
  }

  finish(commit: boolean): Promise<void> {
    if (this.inTransaction) {
      this.db.exec(commit ? 'commit' : 'rollback');
      this.inTransaction = false;
    }
    return Promise.resolve();
  }

  async close(): Promise<void> {
    try {
      if (this.inTransaction) await this.finish(false);
      this.db.pragma(`cache_size = ${String(this.previous.cache)}`);
      this.db.pragma(`wal_autocheckpoint = ${String(this.previous.checkpoint)}`);
      this.db.pragma(`foreign_keys = ${String(this.previous.foreignKeys)}`);
      if (this.rollbackJournal) {
        this.db.pragma(`synchronous = ${String(this.previous.synchronous)}`);
        // What is written is committed (or rolled back) by now: should the switch back find
        // the store busy, the next open of the store makes it (dialect.ts).
        try {
          this.db.pragma(`journal_mode = ${String(this.previous.journal)}`);
        } catch (error) {
          if (!isBusy(error)) throw error;
        }
      }
    } finally {
      await this.release();
    }
  }

  private async writeBatch(packed: PackedBatch): Promise<WriteOutcome> {
    const { db } = this;
    if (packed.factRow.length === 0 && packed.rowLine.length === 0) return { people: 0, facts: 0, unchanged: 0, retractions: 0, refused: [] };
    // Programme facts share their id space with person facts, which an insert into
    // program_facts cannot see: they always take the checked path (they are few).
    if (packed.kind === 'person') {
      const head: BatchHead = { ...packed, rowPerson: unpackValues(packed.rowPerson) as string[] };
      db.exec('savepoint optimistic');
      const fresh = freshPlan(head);
      if (this.tryFresh(packed, head, fresh)) {
        db.exec('release optimistic');
        return outcomeOf(fresh);
      }
      db.exec('rollback to optimistic');
      db.exec('release optimistic');
    }
    const batch = unpackBatch(packed);
    const plan = await this.plan(batch);
    if (changesAnything(plan) && !this.tryPlan(batch, plan)) {
      throw new WriteMismatchError('rows checked as new were found taken while writing them');
    }
    return outcomeOf(plan);
  }

  private writeEvent(head: BatchHead, plan: BatchPlan, idOf: (fact: number) => string): number {
    const event = batchEvent(head, plan, idOf);
    const { lastInsertRowid } = this.statement(
      'event',
      'insert into events (at, actor, role, kind, subject_type, subject_id, details) values (?, ?, ?, ?, ?, ?, ?)',
    ).run(this.options.clock(), this.options.actor.id, this.options.actor.role, event.kind, event.subjectType, event.subjectId, event.details);
    const seq = Number(lastInsertRowid);
    this.runSeqs.add(seq);
    return seq;
  }

  private insertPeople(people: readonly string[], seq: number): boolean {
    if (people.length === 0) return true;
    const values: BulkValue[] = [];
    for (const person of people) values.push(person, seq);
    return this.insert('people', ['id', 'added_seq'], values) === people.length;
  }

  private insertRetractions(retractions: readonly { id: string; retractedAt: number }[], seq: number): boolean {
    if (retractions.length === 0) return true;
    const values: BulkValue[] = [];
    for (const r of retractions) values.push(r.id, r.retractedAt, IMPORTED_RETRACTION_REASON, seq);
    return this.insert('fact_retractions', ['fact_id', 'retracted_at', 'reason', 'seq'], values) === retractions.length;
  }

  /**
   * The first-import attempt: every person and fact of the batch is new. Values go from the
   * packed batch straight into the statements; false if any insert skipped a row.
   */
  private tryFresh(packed: PackedBatch, head: BatchHead, plan: BatchPlan): boolean {
    const seq = this.writeEvent(head, plan, () => '');
    if (!this.insertPeople(plan.people, seq)) return false;
    const width = PERSON_ROW_COLUMNS.length;
    const count = packed.factRow.length;
    const reader = new ValueReader(packed.values);
    const { textAsBytes } = this;
    const retractions: { id: string; retractedAt: number }[] = [];
    const fill = (params: BulkValue[], at: number, ord: number): void => {
      for (let j = 0; j < width; j += 1) {
        const kind = reader.step();
        params[at + j] = kind === STRING && textAsBytes[j] ? reader.bytes.subarray(reader.start, reader.start + reader.length) : reader.value(kind);
      }
      const retractedAt = packed.retractedAt[ord]!;
      if (!Number.isNaN(retractedAt)) {
        const id = params[at]!;
        retractions.push({ id: typeof id === 'string' ? id : (id as Buffer).toString('utf8'), retractedAt });
      }
    };
    const inserted = this.insertFactRows('person_facts', PERSON_ROW_COLUMNS, count, seq, fill, this.textColumns);
    return inserted === count && this.insertRetractions(retractions, seq);
  }

  /** Writes a checked plan; false if any insert skipped a row. */
  private tryPlan(batch: Batch, plan: BatchPlan): boolean {
    const seq = this.writeEvent(batch, plan, (f) => factId(batch, f));
    if (!this.insertPeople(plan.people, seq)) return false;
    const produced = batch.kind === 'person' ? PERSON_ROW_COLUMNS : PROGRAM_ROW_COLUMNS;
    const width = produced.length;
    const { values } = batch;
    const facts = plan.facts;
    const inserted = this.insertFactRows(tableOf(batch.kind), produced, facts.length, seq, (params, at, ord) => {
      const from = facts[ord]! * width;
      for (let j = 0; j < width; j += 1) params[at + j] = values[from + j]!;
    });
    if (inserted !== facts.length) return false;
    return this.insertRetractions(
      plan.retractions.map((r) => ({ id: factId(batch, r.fact), retractedAt: r.retractedAt })),
      seq,
    );
  }

  /**
   * Inserts `count` fact rows, `fill` writing each row's produced values at `params[at…]`;
   * seq and the row's position (`ord`) follow them. Returns how many were inserted.
   */
  private insertFactRows(
    table: 'person_facts' | 'program_facts',
    produced: readonly string[],
    count: number,
    seq: number,
    fill: (params: BulkValue[], at: number, ord: number) => void,
    textColumns: ReadonlySet<string> = NO_COLUMNS,
  ): number {
    const width = produced.length;
    const rowWidth = width + 2;
    const columns = [...produced, 'seq', 'ord'];
    const full = this.insertStatement(table, columns, ROWS_PER_STATEMENT, textColumns);
    const params = new Array<BulkValue>(ROWS_PER_STATEMENT * rowWidth);
    let inserted = 0;
    let k = 0;
    for (let ord = 0; ord < count; ord += 1) {
      fill(params, k, ord);
      params[k + width] = seq;
      params[k + width + 1] = ord;
      k += rowWidth;
      if (k === params.length) {
        inserted += full.run(params).changes;
        k = 0;
      }
    }
    if (k > 0) inserted += this.insertStatement(table, columns, k / rowWidth, textColumns).run(params.slice(0, k)).changes;
    return inserted;
  }

  private insert(table: string, columns: readonly string[], values: readonly BulkValue[]): number {
    const width = columns.length;
    const rows = values.length / width;
    let inserted = 0;
    for (let row = 0; row < rows; row += ROWS_PER_STATEMENT) {
      const n = Math.min(ROWS_PER_STATEMENT, rows - row);
      inserted += this.insertStatement(table, columns, n).run(values.slice(row * width, (row + n) * width)).changes;
    }
    return inserted;
  }

  /** `textColumns`: columns given as UTF-8 bytes, stored as the text they spell. */
  private insertStatement(table: string, columns: readonly string[], rows: number, textColumns: ReadonlySet<string> = NO_COLUMNS): Statement {
    const key = `${table}(${columns.map((c) => (textColumns.has(c) ? `text ${c}` : c)).join(',')})x${rows}`;
    let statement = this.statements.get(key);
    if (statement === undefined) {
      const tuple = `(${columns.map((c) => (textColumns.has(c) ? 'cast(? as text)' : '?')).join(',')})`;
      const names = columns.map((c) => `"${c}"`).join(',');
      // `or fail`: a row breaking a constraint (none should) fails the statement without
      // undoing the rows before it, and the writer then rolls back the whole batch. With the
      // default (abort), SQLite saves every page a multi-row statement changes, so that it
      // can undo the statement alone: with 32 KiB pages those copies went to a temporary
      // file, some 91,000 page writes (3 GB) for 1,200,000 facts; now about a tenth as many.
      statement = this.db.prepare(`insert or fail into "${table}" (${names}) values ${Array.from({ length: rows }, () => tuple).join(',')} on conflict do nothing`);
      this.statements.set(key, statement);
    }
    return statement;
  }

  private statement(key: string, sqlText: string): Statement {
    let statement = this.statements.get(key);
    if (statement === undefined) {
      statement = this.db.prepare(sqlText);
      this.statements.set(key, statement);
    }
    return statement;
  }

  /** The checked plan, from point lookups (each a few microseconds on an indexed key). */
  private plan(batch: Batch): Promise<BatchPlan> {
    const person = this.statement('get-person-fact', 'select person_id, body, seq from person_facts where id = ?');
    const program = this.statement('get-program-fact', 'select body, seq from program_facts where id = ?');
    const people = this.statement('get-person', 'select added_seq from people where id = ?');
    const retraction = this.statement('get-retraction', 'select retracted_at from fact_retractions where fact_id = ?');
    const lookups: SyncLookups = {
      facts: (ids) => {
        const found = new Map<string, StoredFact>();
        for (const id of ids) {
          const p = person.get(id) as { person_id: string; body: string; seq: number } | undefined;
          if (p !== undefined) {
            found.set(id, { table: 'person_facts', personId: p.person_id, body: p.body, seq: p.seq });
            continue;
          }
          const g = program.get(id) as { body: string; seq: number } | undefined;
          if (g !== undefined) found.set(id, { table: 'program_facts', personId: null, body: g.body, seq: g.seq });
        }
        return found;
      },
      people: (ids) => {
        const found = new Map<string, number>();
        for (const id of ids) {
          const row = people.get(id) as { added_seq: number } | undefined;
          if (row !== undefined) found.set(id, row.added_seq);
        }
        return found;
      },
      retractions: (ids) => {
        const found = new Map<string, number>();
        for (const id of ids) {
          const row = retraction.get(id) as { retracted_at: number } | undefined;
          if (row !== undefined) found.set(id, row.retracted_at);
        }
        return found;
      },
    };
    return planBatch(batch, asyncLookups(lookups), this.runSeqs, this.options);
  }
}

type SyncLookups = { [K in keyof Lookups]: (...args: Parameters<Lookups[K]>) => Awaited<ReturnType<Lookups[K]>> };

const asyncLookups = (sync: SyncLookups): Lookups => ({
  facts: (ids) => Promise.resolve(sync.facts(ids)),
  people: (ids) => Promise.resolve(sync.people(ids)),
  retractions: (ids) => Promise.resolve(sync.retractions(ids)),
});
