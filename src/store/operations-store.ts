/**
 * The `OperationsStore` port (src/application/ports.ts) over the one Kysely schema, for SQLite
 * and PostgreSQL alike: flights, manifests as event streams, notice servings, the outbox and
 * the hash-chained audit log, in the same transactions as the facts.
 *
 * Isolation (see `TransactionMode`):
 * - SQLite: every writing transaction is `begin immediate` (the store's `writeTransaction`),
 *   so writers run one at a time and every check sees every earlier commit.
 * - PostgreSQL, read committed: a `record` transaction is the store's write transaction (its
 *   advisory lock orders event seqs) plus the decision lock taken exclusively; an `operate`
 *   transaction takes the decision lock shared, so manifest commands run in parallel with one
 *   another but never beside a court order being recorded. Seat counts are guarded by a row lock
 *   on the flight (`select … for update`), people by an advisory lock each, and the audit
 *   chain by a lock of its own held from reading the last hash to commit. Locks are always
 *   taken in that order (decision, flight, people, audit), so no two transactions wait on
 *   each other in a cycle.
 *
 * Insert-only, like the rest of src/store.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  AuditFilter,
  FacilityInfo,
  FlightFilter,
  ManifestFilter,
  NetworkFlight,
  NewAuditEntry,
  Notification,
  OperationsStore,
  OperationsTx,
  StoredNotification,
  TransactionMode,
  TransferInfo,
  TransportSide,
} from '../application/ports.js';
import {
  canonicalJson,
  link,
  type ChainedEntry,
  type HashText,
} from '../domain/audit-chain.js';
import type { Day, Instant } from '../domain/dates.js';
import { RepatriaError } from '../domain/errors.js';
import type { Person, PersonFact, ProgramFact } from '../domain/facts.js';
import { replay, type FlightInfo, type Manifest, type ManifestEvent } from '../domain/manifest/manifest.js';
import type { DeliveryMethod, NoticeRecipient, NoticeServing } from '../domain/notice-serving.js';
import type { Actor, Retraction, WriteSummary } from '../domain/ports.js';
import { recordAuditHead, recordedAuditHead } from './audit-heads.js';
import { chunks } from './chunks.js';
import { personFactFromRow, programFactFromRow } from './fact-codec.js';
import type { FlightsTable, ManifestTables, OperationsDatabase } from './manifest-tables.js';
import type { OpenedStore } from './open-store.js';
import type { Database } from './schema.js';

/** SHA-256, hex: the audit chain's hash. */
export const sha256Hex: HashText = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Advisory lock keys (two-int form; the fact store's own lock is a one-bigint key, a separate
 * key space in PostgreSQL). Any constants of our own.
 */
const LOCK_SPACE = 72_617;
const DECISION_LOCK = 2;
const AUDIT_LOCK = 3;
const PERSON_LOCK_SPACE = 72_618;
/** The advisory lock space of the weekly caps' (country, week) locks. */
const WEEK_LOCK_SPACE = 72_619;

const TERMINAL_BEFORE_DEPARTURE = ['departed', 'cancelled'] as const;

type Db = Kysely<OperationsDatabase>;

/** Whether a database error is a duplicate primary key (SQLite or PostgreSQL). */
function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code } = error as { code?: unknown };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

const personOf = (event: ManifestEvent): string | null =>
  event.kind === 'person_added' || event.kind === 'person_struck' || event.kind === 'arrival_confirmed'
    ? event.personId
    : null;

/** A flight as the manifests read it, from its row. */
const flightOf = (row: Selectable<FlightsTable>): FlightInfo => ({
  id: row.id,
  date: row.flight_date,
  origin: row.origin,
  destination: row.destination,
  originCountry: row.origin_country,
  destinationCountry: row.destination_country,
  seats: row.seats,
});

class KyselyOperationsTx implements OperationsTx {
  private readonly db: Db;

  constructor(
    private readonly trx: Kysely<Database>,
    private readonly store: OpenedStore,
    private readonly mode: TransactionMode,
  ) {
    this.db = trx.withTables<ManifestTables>();
  }

  private get postgres(): boolean {
    return this.store.dialect === 'postgres';
  }

  private writable(what: string): void {
    if (this.mode === 'read') throw new Error(`${what} in a read transaction`);
  }

  async flight(id: string, options?: { readonly lock?: boolean }): Promise<FlightInfo | undefined> {
    const row = await this.db
      .selectFrom('flights')
      .selectAll()
      .where('id', '=', id)
      // SQLite has no row locks and needs none: its writers run one at a time.
      .$if(options?.lock === true && this.postgres, (qb) => qb.forUpdate())
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return flightOf(row);
  }

  async flights(filter: FlightFilter): Promise<FlightInfo[]> {
    const { from, through, destination, destinationCountry, afterId, limit } = filter;
    const rows = await this.db
      .selectFrom('flights')
      .selectAll()
      .$if(from !== undefined, (qb) => qb.where('flight_date', '>=', from!))
      .$if(through !== undefined, (qb) => qb.where('flight_date', '<=', through!))
      .$if(destination !== undefined, (qb) => qb.where('destination', '=', destination!))
      .$if(destinationCountry !== undefined, (qb) => qb.where('destination_country', '=', destinationCountry!))
      .$if(afterId !== undefined, (qb) => qb.where('id', '>', afterId!))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(flightOf);
  }

  async insertFlight(
    flight: FlightInfo & { readonly suppliedBy?: TransportSide | undefined },
    at: Instant,
    actor: Actor,
  ): Promise<void> {
    this.writable('insertFlight');
    const taken = (): RepatriaError =>
      new RepatriaError('CONFLICT', `Flight ${flight.id} is already registered`);
    if ((await this.flight(flight.id)) !== undefined) throw taken();
    await this.insertOnce(taken, () =>
      this.db
        .insertInto('flights')
        .values({
          id: flight.id,
          flight_date: flight.date,
          origin: flight.origin,
          destination: flight.destination,
          origin_country: flight.originCountry,
          destination_country: flight.destinationCountry,
          seats: flight.seats,
          created_at: at,
          created_by: actor.id,
          supplied_by: flight.suppliedBy ?? 'sending',
        })
        .execute(),
    );
  }

  async flightsBetween(from: Day, to: Day): Promise<NetworkFlight[]> {
    const rows = await this.db
      .selectFrom('flights')
      .selectAll()
      .where('flight_date', '>=', from)
      .where('flight_date', '<=', to)
      .orderBy('flight_date')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      ...flightOf(row),
      suppliedBy: row.supplied_by === 'receiving' ? 'receiving' : 'sending',
    }));
  }

  async insertFacility(facility: FacilityInfo, at: Instant, actor: Actor): Promise<void> {
    this.writable('insertFacility');
    const taken = (): RepatriaError =>
      new RepatriaError('CONFLICT', `Facility ${facility.id} is already registered`);
    const existing = await this.db
      .selectFrom('facilities')
      .select('id')
      .where('id', '=', facility.id)
      .executeTakeFirst();
    if (existing !== undefined) throw taken();
    await this.insertOnce(taken, () =>
      this.db
        .insertInto('facilities')
        .values({
          id: facility.id,
          name: facility.name,
          airport: facility.airport,
          created_at: at,
          created_by: actor.id,
        })
        .execute(),
    );
  }

  async facilities(): Promise<FacilityInfo[]> {
    const rows = await this.db.selectFrom('facilities').select(['id', 'name', 'airport']).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, airport: r.airport }));
  }

  async insertTransfer(transfer: TransferInfo, at: Instant, actor: Actor): Promise<void> {
    this.writable('insertTransfer');
    const known = await this.db
      .selectFrom('facilities')
      .select('id')
      .where('id', '=', transfer.facility)
      .executeTakeFirst();
    if (known === undefined) throw new RepatriaError('NOT_FOUND', `No facility ${transfer.facility}.`);
    await this.db
      .insertInto('transfers')
      .values({
        facility_id: transfer.facility,
        airport: transfer.airport,
        cost: transfer.cost,
        recorded_at: at,
        recorded_by: actor.id,
      })
      .execute();
  }

  async transfers(): Promise<TransferInfo[]> {
    // The latest row of each pair is the cost in force (insert-only: a new cost is a new row).
    const rows = await this.db
      .selectFrom('transfers')
      .select(['facility_id', 'airport', 'cost', 'seq'])
      .orderBy('facility_id')
      .orderBy('airport')
      .orderBy('seq')
      .execute();
    const latest = new Map<string, TransferInfo>();
    for (const r of rows)
      latest.set(`${r.facility_id}\u0000${r.airport}`, { facility: r.facility_id, airport: r.airport, cost: r.cost });
    return [...latest.values()];
  }

  async peopleHeldBetween(from: Day, to: Day): Promise<string[]> {
    const rows = await this.db
      .selectFrom('person_facts')
      .select('person_id')
      .distinct()
      .where('type', '=', 'custody')
      .where('from_day', '<=', to)
      .where((eb) => eb.or([eb('through_day', 'is', null), eb('through_day', '>=', from)]))
      .orderBy('person_id')
      .execute();
    return rows.map((r) => r.person_id);
  }

  /** Runs an insert; a concurrent writer that took the key first makes it `refusal()`, not a raw database error. */
  private async insertOnce(refusal: () => RepatriaError, insert: () => Promise<unknown>): Promise<void> {
    try {
      await insert();
    } catch (error) {
      if (isDuplicateKey(error)) throw refusal();
      throw error;
    }
  }

  async insertManifest(id: string, flightId: string, owner: string, at: Instant): Promise<void> {
    this.writable('insertManifest');
    const refusal = (): RepatriaError => new RepatriaError('CONFLICT', `Manifest ${id} already exists`);
    const taken = await this.db.selectFrom('manifests').select('id').where('id', '=', id).executeTakeFirst();
    if (taken !== undefined) throw refusal();
    await this.insertOnce(refusal, () =>
      this.db.insertInto('manifests').values({ id, flight_id: flightId, owner, created_at: at }).execute(),
    );
  }

  async manifestEvents(id: string): Promise<ManifestEvent[]> {
    const rows = await this.db
      .selectFrom('manifest_events')
      .select('body')
      .where('manifest_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((r) => JSON.parse(r.body) as ManifestEvent);
  }

  async manifest(id: string): Promise<Manifest | undefined> {
    return replay(id, await this.manifestEvents(id));
  }

  /** Folds the manifests of these ids, in id order; with `knownAt`, as known at that instant. */
  private async fold(ids: readonly string[], knownAt?: Instant): Promise<Manifest[]> {
    const events = new Map<string, ManifestEvent[]>(ids.map((id) => [id, []]));
    for (const chunk of chunks(ids, 1000)) {
      const rows = await this.db
        .selectFrom('manifest_events')
        .select(['manifest_id', 'body'])
        .where('manifest_id', 'in', chunk)
        .orderBy('manifest_id')
        .orderBy('version')
        .execute();
      for (const r of rows) events.get(r.manifest_id)?.push(JSON.parse(r.body) as ManifestEvent);
    }
    return [...ids].sort().flatMap((id) => {
      const m = replay(id, events.get(id) ?? [], knownAt);
      return m === undefined ? [] : [m];
    });
  }

  async manifests(filter: ManifestFilter): Promise<Manifest[]> {
    const { flightId, states, personId } = filter;
    const ids = await this.db
      .selectFrom('manifests')
      .select('id')
      .$if(flightId !== undefined, (qb) => qb.where('flight_id', '=', flightId!))
      .$if(personId !== undefined, (qb) =>
        qb.where(
          'id',
          'in',
          this.db.selectFrom('manifest_events').select('manifest_id').where('person_id', '=', personId!),
        ),
      )
      .orderBy('id')
      .execute();
    const all = await this.fold(ids.map((r) => r.id));
    return states === undefined ? all : all.filter((m) => states.includes(m.state));
  }

  async openManifestsWith(personIds: readonly string[] | 'all'): Promise<Manifest[]> {
    return this.manifestsListing(personIds, 'not in', TERMINAL_BEFORE_DEPARTURE);
  }

  async departedManifestsWith(personIds: readonly string[] | 'all', knownAt?: Instant): Promise<Manifest[]> {
    const departed = await this.manifestsListing(personIds, 'in', ['departed'], knownAt);
    // As known at an instant, a departure recorded later has not happened yet.
    return knownAt === undefined ? departed : departed.filter((m) => m.departedAt !== null);
  }

  /**
   * Manifests that have ever listed one of the people (`all`: every manifest), kept (`in`) or
   * left out (`not in`) by whether they have an event of one of `kinds`.
   */
  private async manifestsListing(
    personIds: readonly string[] | 'all',
    op: 'in' | 'not in',
    kinds: readonly ManifestEvent['kind'][],
    knownAt?: Instant,
  ): Promise<Manifest[]> {
    const marked = this.db
      .selectFrom('manifest_events as x')
      .select('x.manifest_id')
      .where('x.kind', 'in', kinds);
    const ids = new Set<string>();
    if (personIds === 'all') {
      const rows = await this.db.selectFrom('manifests').select('id').where('id', op, marked).execute();
      for (const r of rows) ids.add(r.id);
    } else {
      for (const chunk of chunks([...new Set(personIds)], 1000)) {
        const rows = await this.db
          .selectFrom('manifest_events')
          .select('manifest_id')
          .distinct()
          .where('person_id', 'in', chunk)
          .where('manifest_id', op, marked)
          .execute();
        for (const r of rows) ids.add(r.manifest_id);
      }
    }
    return this.fold([...ids], knownAt);
  }

  async appendManifestEvents(
    manifestId: string,
    afterVersion: number,
    events: readonly ManifestEvent[],
    correlationId: string,
  ): Promise<void> {
    this.writable('appendManifestEvents');
    if (events.length === 0) return;
    const last = await this.db
      .selectFrom('manifest_events')
      .select((eb) => eb.fn.max<number | null>('version').as('version'))
      .where('manifest_id', '=', manifestId)
      .executeTakeFirst();
    const current = last?.version ?? 0;
    if (current !== afterVersion) {
      throw new RepatriaError(
        'CONFLICT',
        `Manifest ${manifestId} changed while this command was decided; try again`,
      );
    }
    try {
      await this.db
        .insertInto('manifest_events')
        .values(
          events.map((e, i) => ({
            manifest_id: manifestId,
            version: afterVersion + 1 + i,
            kind: e.kind,
            person_id: personOf(e),
            at: e.at,
            actor: e.actor,
            role: e.role,
            reason: e.reason,
            body: JSON.stringify(e),
            correlation_id: correlationId,
          })),
        )
        .execute();
    } catch (error) {
      // The primary key (manifest_id, version) admits one writer per version.
      if (isDuplicateKey(error))
        throw new RepatriaError(
          'CONFLICT',
          `Manifest ${manifestId} changed while this command was decided; try again`,
        );
      throw error;
    }
  }

  async lockPeople(ids: readonly string[]): Promise<void> {
    if (!this.postgres || ids.length === 0) return;
    // One lock per person, taken in the order of the lock keys, so that two transactions locking
    // overlapping sets never wait on each other in a cycle (ids that share a hash share a lock).
    await sql`select count(pg_advisory_xact_lock(${sql.lit(PERSON_LOCK_SPACE)}, k.h)) from (select distinct hashtext(p.id) as h from unnest(${[...ids]}::text[]) as p(id) order by h) as k`.execute(
      this.trx,
    );
  }

  async lockWeek(country: string, monday: Day): Promise<void> {
    if (!this.postgres) return;
    // Taken after the flight's and the people's locks by every command that takes it, so it
    // closes no cycle with them.
    await sql`select pg_advisory_xact_lock(${sql.lit(WEEK_LOCK_SPACE)}, hashtext(${`${country}|${monday}`}))`.execute(this.trx);
  }

  async people(ids: readonly string[]): Promise<Map<string, Person>> {
    const facts = new Map<string, PersonFact[]>();
    for (const chunk of chunks([...new Set(ids)], 1000)) {
      const found = await this.db.selectFrom('people').select('id').where('id', 'in', chunk).execute();
      for (const r of found) facts.set(r.id, []);
      const rows = await this.db
        .selectFrom('person_facts as f')
        .leftJoin('fact_retractions as r', 'r.fact_id', 'f.id')
        .select(['f.person_id', 'f.body', 'r.retracted_at'])
        .where('f.person_id', 'in', chunk)
        .orderBy('f.person_id')
        .orderBy('f.seq')
        .orderBy('f.ord')
        .execute();
      for (const r of rows) facts.get(r.person_id)?.push(personFactFromRow(r.body, r.retracted_at));
    }
    return new Map([...facts].map(([id, list]) => [id, { id, facts: list }]));
  }

  async programFacts(): Promise<ProgramFact[]> {
    const rows = await this.db
      .selectFrom('program_facts as f')
      .leftJoin('fact_retractions as r', 'r.fact_id', 'f.id')
      .select(['f.body', 'r.retracted_at'])
      .orderBy('f.seq')
      .orderBy('f.ord')
      .execute();
    return rows.map((r) => programFactFromRow(r.body, r.retracted_at));
  }

  async recordPersonFacts(personId: string, facts: readonly PersonFact[], actor: Actor): Promise<WriteSummary> {
    this.recording();
    return this.store.recordPersonFactsIn(this.trx, personId, facts, actor);
  }

  async retract(retraction: Retraction, actor: Actor): Promise<void> {
    this.recording();
    await this.store.retractIn(this.trx, retraction, actor);
  }

  async recordProgramFacts(facts: readonly ProgramFact[], actor: Actor): Promise<void> {
    this.recording();
    await this.store.recordProgramFactsIn(this.trx, facts, actor);
  }

  /** Facts are recorded only in `record` transactions: those hold the store's write lock. */
  private recording(): void {
    if (this.mode !== 'record')
      throw new Error(`Facts can only be recorded in a record transaction, not ${this.mode}`);
  }

  async noticeServings(personId: string): Promise<NoticeServing[]> {
    const rows = await this.db
      .selectFrom('notice_servings')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('recorded_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      servedOn: r.served_on,
      to: [
        ...(r.to_person === 1 ? ['person' as const] : []),
        ...(r.to_counsel === 1 ? ['counsel' as const] : []),
      ],
      noCounselOfRecord: r.no_counsel_of_record === 1,
      language: r.language,
      method: r.method as DeliveryMethod,
      recordedAt: r.recorded_at,
    }));
  }

  async insertNoticeServing(serving: NoticeServing, actor: Actor, correlationId: string): Promise<void> {
    this.writable('insertNoticeServing');
    const to = (who: NoticeRecipient): number => (serving.to.includes(who) ? 1 : 0);
    await this.db
      .insertInto('notice_servings')
      .values({
        id: serving.id,
        person_id: serving.personId,
        served_on: serving.servedOn,
        to_person: to('person'),
        to_counsel: to('counsel'),
        no_counsel_of_record: serving.noCounselOfRecord ? 1 : 0,
        language: serving.language,
        method: serving.method,
        recorded_at: serving.recordedAt,
        recorded_by: actor.id,
        role: actor.role,
        correlation_id: correlationId,
      })
      .execute();
  }

  async notify(notifications: readonly Notification[], at: Instant): Promise<void> {
    this.writable('notify');
    if (notifications.length === 0) return;
    await this.db
      .insertInto('outbox')
      .values(
        notifications.map((n) => ({
          at,
          recipient: n.recipient,
          kind: n.kind,
          subject_type: n.subjectType,
          subject_id: n.subjectId,
          correlation_id: n.correlationId,
          body: canonicalJson(n.body),
        })),
      )
      .execute();
  }

  async audit(entries: readonly NewAuditEntry[]): Promise<ChainedEntry[]> {
    this.writable('audit');
    if (entries.length === 0) return [];
    // Held to commit: the next writer reads the last hash only once this chain link is visible.
    if (this.postgres)
      await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_SPACE)}, ${sql.lit(AUDIT_LOCK)})`.execute(
        this.trx,
      );
    // On from the end this writer recorded, not from the last entry stored: entries removed
    // from the end of the log then leave a gap before the next one, which verification names,
    // rather than being written over by it.
    const last = await recordedAuditHead(this.db);
    let seq = last.seq;
    let prevHash = last.hash;
    const linked = entries.map((e) => {
      seq += 1;
      const entry = link({ ...e, seq, details: canonicalJson(e.details) }, prevHash, sha256Hex);
      prevHash = entry.hash;
      return entry;
    });
    await this.db
      .insertInto('audit_log')
      .values(
        linked.map((e) => ({
          seq: e.seq,
          at: e.when,
          what: e.what,
          who: e.who,
          subject_type: e.subjectType,
          subject_id: e.subjectId,
          correlation_id: e.correlationId,
          details: e.details,
          prev_hash: e.prevHash,
          hash: e.hash,
        })),
      )
      .execute();
    await recordAuditHead(this.db, { seq, hash: prevHash });
    return linked;
  }
}

/** The operations port over an opened store. */
export function operationsStore(store: OpenedStore): OperationsStore {
  const db = store.kysely.withTables<ManifestTables>();
  const postgres = store.dialect === 'postgres';
  const lockDecisions = (trx: Kysely<Database>, shared: boolean) =>
    shared
      ? sql`select pg_advisory_xact_lock_shared(${sql.lit(LOCK_SPACE)}, ${sql.lit(DECISION_LOCK)})`.execute(
          trx,
        )
      : sql`select pg_advisory_xact_lock(${sql.lit(LOCK_SPACE)}, ${sql.lit(DECISION_LOCK)})`.execute(trx);

  return {
    hash: sha256Hex,

    transaction<T>(mode: TransactionMode, work: (tx: OperationsTx) => Promise<T>): Promise<T> {
      const run = (trx: Kysely<Database>): Promise<T> => work(new KyselyOperationsTx(trx, store, mode));
      if (mode === 'read') {
        return postgres
          ? store.kysely.transaction().setIsolationLevel('repeatable read').execute(run)
          : store.kysely.transaction().execute(run);
      }
      if (!postgres) return store.writeTransaction(run);
      if (mode === 'record') {
        return store.writeTransaction(async (trx) => {
          await lockDecisions(trx, false);
          return run(trx);
        });
      }
      return store.kysely.transaction().execute(async (trx) => {
        await lockDecisions(trx, true);
        return run(trx);
      });
    },

    async auditEntries(afterSeq: number, limit: number, filter: AuditFilter = {}): Promise<ChainedEntry[]> {
      const { subjectId, who, what } = filter;
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', afterSeq)
        .$if(subjectId !== undefined, (qb) => qb.where('subject_id', '=', subjectId!))
        .$if(who !== undefined, (qb) => qb.where('who', '=', who!))
        // A prefix compared as text, not with LIKE, whose wildcards (`_`) occur in the names.
        .$if(what !== undefined, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb('what', '=', what!),
              eb(sql<string>`substr(what, 1, ${what!.length + 1})`, '=', `${what!}.`),
            ]),
          ),
        )
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
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
      }));
    },

    auditHead: () => recordedAuditHead(db),

    async pendingNotifications(afterSeq = 0, limit = 1000): Promise<StoredNotification[]> {
      const rows = await db
        .selectFrom('outbox as o')
        .leftJoin('outbox_deliveries as d', 'd.outbox_seq', 'o.seq')
        .select([
          'o.seq',
          'o.at',
          'o.recipient',
          'o.kind',
          'o.subject_type',
          'o.subject_id',
          'o.correlation_id',
          'o.body',
        ])
        .where('d.outbox_seq', 'is', null)
        .where('o.seq', '>', afterSeq)
        .orderBy('o.seq')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        recipient: r.recipient,
        kind: r.kind,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        correlationId: r.correlation_id,
        body: JSON.parse(r.body) as Record<string, unknown>,
      }));
    },
  };
}
