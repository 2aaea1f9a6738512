/**
 * The PostgreSQL bulk writer: COPY into the store's tables on one pooled connection, one
 * transaction per batch (or one for the whole import) under the store's writer lock.
 *
 * COPY has no `on conflict do nothing`: a batch whose ids are all new (a first import) goes
 * in with COPY at once; if an id is taken, COPY fails with a unique violation, the attempt is
 * rolled back to its savepoint, and the batch is checked against the store and written again
 * without the taken ids.
 *
 * Foreign keys: checked by PostgreSQL row by row, a fact's person costs the server more than
 * storing the fact (a `select … for key share` on `people` per row: measured on 600,000
 * facts, 17 µs of server CPU per fact with the check, 7 µs without). When the role may set
 * `session_replication_role` (a superuser, or one granted `SET` on it, PostgreSQL 15+), each
 * import transaction sets it to `replica`, which leaves out those per-row checks for that
 * transaction only, and checks the batch's people once, as a set, before it commits
 * ({@link PostgresBulkWriter.checkPeople}); that is what the SQLite writer does with
 * `foreign_keys = OFF`, and `repatria verify` looks for orphans in both. Any other role
 * imports with the per-row checks, slower and just as correct. `replica` leaves out every
 * other trigger of the transaction too: the store defines none on the tables an import
 * writes, and one added there would need this writer to do its work as well.
 *
 * A lost connection (server restart, network) in batch mode is retried with a new connection
 * for up to a minute; the batch is checked again, so a batch whose commit did reach the
 * server is not written twice. In all-or-nothing mode the transaction is gone with the
 * connection: the import fails, with nothing of it committed.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { OpenedStore } from '../store/open-store.js';
import { isConnectionLost } from '../store/postgres/connection-loss.js';
import type { BulkValue } from '../store/store-connection.js';
import { NULL, NUMBER, unpackBatch, unpackValues, ValueReader, type Batch, type PackedBatch } from './batch.js';
import {
  batchEvent,
  changesAnything,
  factId,
  freshPlan,
  IMPORTED_RETRACTION_REASON,
  outcomeOf,
  planBatch,
  tableOf,
  type BatchHead,
  type BatchPlan,
  type BulkWriter,
  type Lookups,
  type StoredFact,
  WriteMismatchError,
  type WriteOutcome,
  type WriterOptions,
} from './bulk-writer.js';
import { COLUMN_TYPES } from '../store/postgres/dialect.js';
import { BinaryCopyWriter } from './copy-binary.js';
import { PERSON_ROW, PERSON_ROW_COLUMNS, PROGRAM_ROW_COLUMNS } from './fact-rows.js';

/** The columns of a person fact row as the fresh path COPYs them, with their types: the row values (fact-rows.ts), then seq and ord. */
const PERSON_FACT_COPY = ([...PERSON_ROW_COLUMNS, 'seq', 'ord'] as const).map((c) => [c, COLUMN_TYPES[c]] as const);

/** SQLSTATE of a unique violation. */
const UNIQUE_VIOLATION = '23505';
/** How long a batch is retried after losing the connection, and the waits between tries. */
const RETRY_FOR_MS = 60_000;
const RETRY_WAITS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000];
/** Bytes of COPY text sent per write. */
const COPY_CHUNK_CHARS = 1 << 18;

/** Writing to PostgreSQL failed in a way the import reports as such. */
export class PostgresImportError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'PostgresImportError';
  }
}

const errorCode = (error: unknown): unknown => (error instanceof Error ? (error as { code?: unknown }).code : undefined);

/** A value in COPY's text format. */
function copyValue(value: BulkValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    return /[\\\n\r\t]/.test(value) ? value.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t')) : value;
  }
  // bytea in hex form; the backslash itself escaped for COPY.
  return `\\\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
}

/** COPY text of rows given as generators of values, in chunks. */
function* copyChunks(rows: Iterable<readonly BulkValue[]>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i += 1) line += (i === 0 ? '' : '\t') + copyValue(row[i]!);
    chunk += `${line}\n`;
    if (chunk.length >= COPY_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * Whether the role may set `session_replication_role` (superuser-only before PostgreSQL 15;
 * from 15 on, also a role granted `SET` on it).
 */
async function maySkipRowChecks(client: pg.PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ version: string; superuser: string }>(
    "select current_setting('server_version_num') as version, current_setting('is_superuser') as superuser",
  );
  const { version, superuser } = rows[0]!;
  if (superuser === 'on') return true;
  if (Number(version) < 150_000) return false;
  const granted = await client.query<{ allowed: boolean }>("select has_parameter_privilege('session_replication_role', 'SET') as allowed");
  return granted.rows[0]!.allowed;
}

/** The people a run of fact rows names, each once per run of rows (a person's rows come together). */
class PeopleNamed {
  readonly people: string[] = [];
  private last: BulkValue = null;
  private lastBytes: Uint8Array = new Uint8Array(0);

  add(person: BulkValue | undefined): void {
    if (person === this.last || typeof person !== 'string') return;
    this.last = person;
    this.people.push(person);
  }

  /** A person id given as `length` UTF-8 bytes of `source` at `start`; read as text only when it changes. */
  addBytes(source: Buffer, start: number, length: number): void {
    const last = this.lastBytes;
    if (last.length === length) {
      let i = 0;
      while (i < length && last[i] === source[start + i]) i += 1;
      if (i === length) return;
    }
    this.lastBytes = source.subarray(start, start + length);
    this.people.push(source.toString('utf8', start, start + length));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A checked-out client whose connection drops between two queries emits 'error', which
 * unheard would end the process; heard, the next query fails with a connection error, which
 * `write` retries (or reports).
 */
function listened(client: pg.PoolClient): pg.PoolClient {
  client.on('error', () => undefined);
  return client;
}

export class PostgresBulkWriter implements BulkWriter {
  private readonly runSeqs = new Set<number>();
  private inTransaction = false;
  /** Whether `client` was given back to the pool (a lost connection, then no new one). */
  private released = false;

  private constructor(
    private readonly pool: pg.Pool,
    private client: pg.PoolClient,
    private readonly lockKey: number,
    /** Whether import transactions leave out the per-row foreign key checks (see the top of this file). */
    private readonly skipsRowChecks: boolean,
    private readonly options: WriterOptions & { readonly onNotice?: ((text: string) => void) | undefined },
  ) {}

  static async open(store: OpenedStore, options: WriterOptions & { readonly onNotice?: ((text: string) => void) | undefined }): Promise<PostgresBulkWriter> {
    if (store.native.dialect !== 'postgres') throw new Error('PostgresBulkWriter needs a PostgreSQL store');
    const { pool, writeLockKey } = store.native;
    const client = listened(await pool.connect());
    try {
      return new PostgresBulkWriter(pool, client, writeLockKey, await maySkipRowChecks(client), options);
    } catch (error) {
      client.release();
      throw error;
    }
  }

  async write(batch: PackedBatch): Promise<WriteOutcome> {
    if (this.options.single) {
      try {
        if (!this.inTransaction) {
          await this.begin();
          this.inTransaction = true;
        }
        return await this.writeBatch(batch);
      } catch (error) {
        if (isConnectionLost(error)) {
          this.inTransaction = false;
          throw new PostgresImportError('the connection to PostgreSQL was lost; the import was all-or-nothing, so nothing of it is committed: run it again', { cause: error });
        }
        throw error;
      }
    }
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      let pending: { seq: number | undefined; outcome: WriteOutcome } | undefined;
      try {
        await this.begin();
        const outcome = await this.writeBatch(batch, (seq) => (pending = { seq, outcome: { people: 0, facts: 0, unchanged: 0, retractions: 0, refused: [] } }));
        if (pending !== undefined) pending.outcome = outcome;
        else pending = { seq: undefined, outcome };
        await this.client.query('commit');
        return outcome;
      } catch (error) {
        if (!isConnectionLost(error)) {
          await this.client.query('rollback').catch(() => undefined);
          throw error;
        }
        // The commit may or may not have reached the server before the connection went.
        this.client.release(error instanceof Error ? error : true);
        this.released = true;
        const wait = RETRY_WAITS_MS[Math.min(attempt, RETRY_WAITS_MS.length - 1)]!;
        if (Date.now() - started + wait > RETRY_FOR_MS) {
          throw new PostgresImportError(
            `lost the connection to PostgreSQL and could not get it back within ${RETRY_FOR_MS / 1000} s; the batches before were committed: run the import again to resume`,
            { cause: error },
          );
        }
        this.options.onNotice?.(`PostgreSQL connection lost (${error instanceof Error ? error.message : String(error)}); retrying the batch in ${wait} ms\n`);
        await sleep(wait);
        this.client = await this.reconnect(started);
        this.released = false;
        if (pending?.seq !== undefined) {
          const { rows } = await this.client.query<{ seq: number }>('select seq from events where seq = $1', [pending.seq]);
          if (rows.length > 0) return pending.outcome; // committed before the connection went
          this.runSeqs.delete(pending.seq);
        }
      }
    }
  }

  async finish(commit: boolean): Promise<void> {
    if (!this.inTransaction) return;
    this.inTransaction = false;
    await this.client.query(commit ? 'commit' : 'rollback');
  }

  async close(): Promise<void> {
    if (this.released) return;
    try {
      if (this.inTransaction) await this.finish(false);
    } finally {
      this.client.release();
      this.released = true;
    }
  }

  private async reconnect(started: number): Promise<pg.PoolClient> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return listened(await this.pool.connect());
      } catch (error) {
        const wait = RETRY_WAITS_MS[Math.min(attempt, RETRY_WAITS_MS.length - 1)]!;
        if (!isConnectionLost(error) || Date.now() - started + wait > RETRY_FOR_MS) {
          throw new PostgresImportError(`could not reconnect to PostgreSQL: ${error instanceof Error ? error.message : String(error)}; run the import again to resume`, { cause: error });
        }
        await sleep(wait);
      }
    }
  }

  private async begin(): Promise<void> {
    await this.client.query('begin');
    await this.client.query('select pg_advisory_xact_lock($1)', [this.lockKey]);
    // `local`: for this transaction only, whatever happens to it.
    if (this.skipsRowChecks) await this.client.query('set local session_replication_role = replica');
  }

  /**
   * With the per-row checks left out: that every person the batch's fact rows name is stored,
   * in one query. A failure rolls the batch back; it would be a fault of this writer, since a
   * batch writes its new people before their facts and looks up the others.
   */
  private async checkPeople(people: readonly string[]): Promise<void> {
    if (!this.skipsRowChecks || people.length === 0) return;
    const { rows } = await this.client.query<{ id: string }>(
      'select u.id from unnest($1::text[]) as u(id) where not exists (select 1 from people p where p.id = u.id) limit 1',
      [people],
    );
    if (rows.length > 0) throw new WriteMismatchError(`fact rows name person "${rows[0]!.id}", who is not stored`);
  }

  private async writeBatch(packed: PackedBatch, onEvent?: (seq: number) => void): Promise<WriteOutcome> {
    if (packed.factRow.length === 0 && packed.rowLine.length === 0) return { people: 0, facts: 0, unchanged: 0, retractions: 0, refused: [] };
    // Programme facts share their id space with person facts, which COPY into program_facts
    // cannot see: they always take the checked path (they are few).
    if (packed.kind === 'person') {
      const head: BatchHead = { ...packed, rowPerson: unpackValues(packed.rowPerson) as string[] };
      await this.client.query('savepoint optimistic');
      const fresh = freshPlan(head);
      try {
        await this.writeFresh(packed, head, fresh, onEvent);
        await this.client.query('release savepoint optimistic');
        return outcomeOf(fresh);
      } catch (error) {
        if (errorCode(error) !== UNIQUE_VIOLATION) throw error;
        await this.client.query('rollback to savepoint optimistic');
        await this.client.query('release savepoint optimistic');
      }
    }
    const batch = unpackBatch(packed);
    const plan = await planBatch(batch, this.lookups(), this.runSeqs, this.options);
    if (changesAnything(plan)) await this.writePlan(batch, plan, onEvent);
    return outcomeOf(plan);
  }

  private async writeEvent(head: BatchHead, plan: BatchPlan, idOf: (fact: number) => string, onEvent?: (seq: number) => void): Promise<number> {
    const event = batchEvent(head, plan, idOf);
    const { rows } = await this.client.query<{ seq: number }>(
      'insert into events (at, actor, role, kind, subject_type, subject_id, details) values ($1, $2, $3, $4, $5, $6, $7) returning seq',
      [this.options.clock(), this.options.actor.id, this.options.actor.role, event.kind, event.subjectType, event.subjectId, event.details],
    );
    const seq = rows[0]!.seq;
    this.runSeqs.add(seq);
    onEvent?.(seq);
    return seq;
  }

  /**
   * The first-import attempt: every person and fact new. Rows go from the packed batch
   * straight into COPY, never held as a list of values (which, for a batch of 50,000 facts,
   * outlives the young generation: measured, 160 MB more at the peak of a million people).
   */
  private async writeFresh(packed: PackedBatch, head: BatchHead, plan: BatchPlan, onEvent?: (seq: number) => void): Promise<void> {
    const seq = await this.writeEvent(head, plan, () => '', onEvent);
    if (plan.people.length > 0) await this.copy('people', ['id', 'added_seq'], plan.people.map((p) => [p, seq]));
    const width = PERSON_ROW_COLUMNS.length;
    const reader = new ValueReader(packed.values);
    const retractions: BulkValue[][] = [];
    const named = new PeopleNamed();
    // The values go from the batch's buffers into COPY's (copy-binary.ts) without becoming
    // JavaScript values; only the person id is read, when it changes, to check (checkPeople).
    function* chunks(): Generator<Buffer> {
      const out = new BinaryCopyWriter(PERSON_FACT_COPY.map(([, type]) => type));
      for (let ord = 0; ord < packed.factRow.length; ord += 1) {
        out.startRow();
        const retractedAt = packed.retractedAt[ord]!;
        let id = '';
        for (let j = 0; j < width; j += 1) {
          const kind = reader.step();
          if (kind === NUMBER) out.numberField(reader.number, j);
          else if (kind === NULL) out.nullField();
          else {
            out.bytesField(reader.bytes, reader.start, reader.length);
            if (j === PERSON_ROW.personId) named.addBytes(reader.bytes, reader.start, reader.length);
            else if (j === PERSON_ROW.id && !Number.isNaN(retractedAt)) id = reader.bytes.toString('utf8', reader.start, reader.start + reader.length);
          }
        }
        out.numberField(seq, width);
        out.numberField(ord, width + 1);
        if (!Number.isNaN(retractedAt)) retractions.push([id, retractedAt, IMPORTED_RETRACTION_REASON, seq]);
        if (out.ready) yield* out.take();
      }
      yield* out.end();
    }
    await this.copyChunks('person_facts', PERSON_FACT_COPY.map(([c]) => c), chunks(), 'binary');
    await this.checkPeople(named.people);
    if (retractions.length > 0) await this.copy('fact_retractions', ['fact_id', 'retracted_at', 'reason', 'seq'], retractions);
  }

  private async writePlan(batch: Batch, plan: BatchPlan, onEvent?: (seq: number) => void): Promise<void> {
    const seq = await this.writeEvent(batch, plan, (f) => factId(batch, f), onEvent);
    if (plan.people.length > 0) await this.copy('people', ['id', 'added_seq'], plan.people.map((p) => [p, seq]));
    if (plan.facts.length > 0) {
      const produced = batch.kind === 'person' ? PERSON_ROW_COLUMNS : PROGRAM_ROW_COLUMNS;
      const width = produced.length;
      const { values } = batch;
      const facts = plan.facts;
      const named = new PeopleNamed();
      function* factRows(): Generator<BulkValue[]> {
        const row = new Array<BulkValue>(width + 2);
        for (let ord = 0; ord < facts.length; ord += 1) {
          const from = facts[ord]! * width;
          for (let j = 0; j < width; j += 1) row[j] = values[from + j]!;
          if (batch.kind === 'person') named.add(row[PERSON_ROW.personId]);
          row[width] = seq;
          row[width + 1] = ord;
          yield row;
        }
      }
      await this.copy(tableOf(batch.kind), [...produced, 'seq', 'ord'], factRows());
      await this.checkPeople(named.people);
    }
    if (plan.retractions.length > 0) {
      await this.copy(
        'fact_retractions',
        ['fact_id', 'retracted_at', 'reason', 'seq'],
        plan.retractions.map((r) => [factId(batch, r.fact), r.retractedAt, IMPORTED_RETRACTION_REASON, seq]),
      );
    }
  }

  private async copy(table: string, columns: readonly string[], rows: Iterable<readonly BulkValue[]>): Promise<void> {
    const stream = this.client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
    await pipeline(Readable.from(copyChunks(rows), { objectMode: false }), stream);
  }

  /** COPY of chunks made as the stream asks for them. */
  private async copyChunks(table: string, columns: readonly string[], chunks: Iterable<Buffer>, format: 'binary'): Promise<void> {
    const stream = this.client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin (format ${format})`));
    await pipeline(Readable.from(chunks, { objectMode: false }), stream);
  }

  private lookups(): Lookups {
    const client = this.client;
    return {
      facts: async (ids) => {
        const found = new Map<string, StoredFact>();
        const person = await client.query<{ id: string; person_id: string; body: string; seq: number }>(
          'select id, person_id, body, seq from person_facts where id = any($1::text[])',
          [ids],
        );
        for (const r of person.rows) found.set(r.id, { table: 'person_facts', personId: r.person_id, body: r.body, seq: r.seq });
        const program = await client.query<{ id: string; body: string; seq: number }>('select id, body, seq from program_facts where id = any($1::text[])', [ids]);
        for (const r of program.rows) found.set(r.id, { table: 'program_facts', personId: null, body: r.body, seq: r.seq });
        return found;
      },
      people: async (ids) => {
        const { rows } = await client.query<{ id: string; added_seq: number }>('select id, added_seq from people where id = any($1::text[])', [ids]);
        return new Map(rows.map((r) => [r.id, r.added_seq]));
      },
      retractions: async (ids) => {
        const { rows } = await client.query<{ fact_id: string; retracted_at: number }>(
          'select fact_id, retracted_at from fact_retractions where fact_id = any($1::text[])',
          [ids],
        );
        return new Map(rows.map((r) => [r.fact_id, r.retracted_at]));
      },
    };
  }
}
