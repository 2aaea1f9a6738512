/**
 * The `FactStore` port implemented once over Kysely, for SQLite and PostgreSQL alike.
 *
 * Rules kept here:
 * - Insert-only. Recording a fact inserts a row; a retraction inserts a `fact_retractions`
 *   row; nothing is ever changed or removed.
 * - One write call = one transaction = at most one event. A call that changes nothing
 *   (everything already stored identically) writes no event. `addPeople` writes one
 *   summarising event for the whole call (count, first and last id), not one per person: a
 *   load of 100,000 people would otherwise add 100,000 events that say nothing the facts do
 *   not. Each fact row carries the seq of the event that recorded it.
 * - Idempotent: a fact whose id is stored with an identical body (same person) is counted as
 *   `unchanged`. The same id with different content, for another person, or in the other fact
 *   table is a CONFLICT and the whole call stores nothing.
 * - Fact ids are unique across person and programme facts (a retraction names only the id).
 * - A fact given with `retractedAt` is stored with its retraction, so an exported history can
 *   be imported again exactly.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor, FactStore, Retraction, StoredEvent, WriteSummary } from '../domain/ports.js';
import type { Person, PersonFact, ProgramFact } from '../domain/facts.js';
import { RepatriaError } from '../domain/errors.js';
import { chunks } from './chunks.js';
import {
  checkPersonFact,
  checkPersonId,
  checkProgramFact,
  factBody,
  FACT_COLUMNS,
  pushFactColumns,
  personFactFromRow,
  programFactFromRow,
  sameBody,
} from './fact-codec.js';
import { COPY_NEW_FACT_PACKS } from './migrations/0006-fact-packs.js';
import { packFact } from './packed-fact.js';
import type { Database } from './schema.js';
import type { BulkValue, StoreConnection } from './store-connection.js';

type Trx = Kysely<Database>;
type FactTable = 'person_facts' | 'program_facts';
type AnyFact = PersonFact | ProgramFact;

/** A fact to be written, with the person it belongs to (`null` for programme facts). */
interface Incoming<F extends AnyFact> {
  readonly personId: string | null;
  readonly fact: F;
  readonly body: string;
}

interface StoredFactRef {
  readonly table: FactTable;
  readonly personId: string | null;
  readonly body: string;
  readonly recordedAt: number;
}

interface NewRetraction {
  readonly factId: string;
  readonly retractedAt: number;
  readonly reason: string;
}

/** What a write call will insert, once checked against what is stored. */
interface FactPlan<F extends AnyFact> {
  readonly fresh: Incoming<F>[];
  readonly retractions: NewRetraction[];
  readonly unchanged: number;
}

const DEFAULT_PAGE_SIZE = 1000;
/** Reason stored for retractions that arrive as `retractedAt` on an imported fact. */
const IMPORTED_RETRACTION_REASON = 'recorded as retracted';

const hasChanges = (plan: FactPlan<AnyFact>): boolean => plan.fresh.length > 0 || plan.retractions.length > 0;

/** Drops repeats of one fact within a call; the same id with other content is a CONFLICT. */
function dedupe<F extends AnyFact>(
  incoming: readonly Incoming<F>[],
): { unique: Incoming<F>[]; repeats: number } {
  const seen = new Map<string, Incoming<F>>();
  const unique: Incoming<F>[] = [];
  let repeats = 0;
  for (const item of incoming) {
    const first = seen.get(item.fact.id);
    if (first === undefined) {
      seen.set(item.fact.id, item);
      unique.push(item);
    } else if (
      first.personId === item.personId &&
      first.fact.retractedAt === item.fact.retractedAt &&
      sameBody(first.body, item.body)
    ) {
      repeats += 1;
    } else {
      throw new RepatriaError('CONFLICT', `Fact ${item.fact.id} is given twice with different content`);
    }
  }
  return { unique, repeats };
}

/** The retraction that comes with a fact given as already retracted. */
const importedRetraction = (factId: string, retractedAt: number): NewRetraction => ({
  factId,
  retractedAt,
  reason: IMPORTED_RETRACTION_REASON,
});

export class KyselyFactStore implements FactStore {
  constructor(
    protected readonly connection: StoreConnection,
    private readonly clock: () => number,
  ) {}

  private get db(): Kysely<Database> {
    return this.connection.kysely;
  }

  // ---------------------------------------------------------------- writes

  async addPeople(people: readonly Person[], actor: Actor): Promise<WriteSummary> {
    // Merge repeated entries of one person, keeping the order people and facts were given in.
    const factsByPerson = new Map<string, PersonFact[]>();
    for (const person of people) {
      checkPersonId(person.id);
      let list = factsByPerson.get(person.id);
      if (list === undefined) {
        list = [];
        factsByPerson.set(person.id, list);
      }
      for (const fact of person.facts) {
        checkPersonFact(fact);
        list.push(fact);
      }
    }
    const personIds = [...factsByPerson.keys()];
    const { unique, repeats } = dedupe(
      personIds.flatMap((personId) =>
        (factsByPerson.get(personId) ?? []).map((fact) => ({ personId, fact, body: factBody(fact) })),
      ),
    );

    return this.connection.writeTransaction(async (trx) => {
      const existing = await this.existingPeople(trx, personIds);
      const newPeople = personIds.filter((id) => !existing.has(id));

      // Facts of people already stored are checked against what is stored. Facts of new people
      // cannot be stored yet (a fact belongs to one person), so they are inserted unchecked and
      // any id already taken shows as a row not inserted: a bulk load pays for no lookups.
      const ofKnown = unique.filter((f) => existing.has(f.personId!));
      const ofNew = existing.size === 0 ? unique : unique.filter((f) => !existing.has(f.personId!));
      const known = await this.planFacts(trx, 'person_facts', ofKnown);
      await this.refuseProgramFactIds(trx, ofNew);
      const retractions = known.retractions;
      for (const { fact } of ofNew)
        if (fact.retractedAt !== undefined) retractions.push(importedRetraction(fact.id, fact.retractedAt));
      const plan: FactPlan<PersonFact> = {
        fresh: known.fresh.length === 0 ? ofNew : [...known.fresh, ...ofNew],
        retractions,
        unchanged: known.unchanged + repeats,
      };
      if (newPeople.length === 0 && !hasChanges(plan))
        return { people: 0, facts: 0, unchanged: plan.unchanged };

      const details = {
        people: newPeople.length,
        firstPersonId: newPeople[0] ?? null,
        lastPersonId: newPeople.at(-1) ?? null,
        facts: plan.fresh.length,
        unchanged: plan.unchanged,
        retractions: plan.retractions.length,
      };
      const subject = newPeople[0] ?? plan.fresh[0]?.personId ?? personIds[0]!;
      const kind = newPeople.length > 0 ? 'person_added' : 'fact_recorded';
      const seq = await this.appendEvent(trx, actor, kind, 'person', subject, details);

      await this.connection.insertRows(
        trx,
        'people',
        ['id', 'added_seq'],
        newPeople.flatMap((id) => [id, seq]),
      );
      await this.insertFacts(trx, 'person_facts', plan.fresh, seq);
      await this.insertRetractions(trx, plan.retractions, seq);
      return { people: newPeople.length, facts: plan.fresh.length, unchanged: plan.unchanged };
    });
  }

  recordPersonFacts(personId: string, facts: readonly PersonFact[], actor: Actor): Promise<WriteSummary> {
    return this.connection.writeTransaction((trx) => this.recordPersonFactsIn(trx, personId, facts, actor));
  }

  /**
   * `recordPersonFacts` inside a write transaction the caller holds (from `writeTransaction`),
   * so that an application service can record facts and their consequences (strikes from
   * manifests, audit entries) all or nothing.
   */
  async recordPersonFactsIn(
    trx: Trx,
    personId: string,
    facts: readonly PersonFact[],
    actor: Actor,
  ): Promise<WriteSummary> {
    checkPersonId(personId);
    facts.forEach(checkPersonFact);
    const { unique, repeats } = dedupe(facts.map((fact) => ({ personId, fact, body: factBody(fact) })));

    const person = await trx.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
    if (person === undefined) throw new RepatriaError('NOT_FOUND', `No person ${personId}`);
    const plan = await this.planFacts(trx, 'person_facts', unique);
    const unchanged = plan.unchanged + repeats;
    if (!hasChanges(plan)) return { people: 0, facts: 0, unchanged };

    const details = {
      facts: plan.fresh.length,
      factIds: plan.fresh.map((f) => f.fact.id),
      unchanged,
      retractions: plan.retractions.length,
    };
    const seq = await this.appendEvent(trx, actor, 'fact_recorded', 'person', personId, details);
    await this.insertFacts(trx, 'person_facts', plan.fresh, seq);
    await this.insertRetractions(trx, plan.retractions, seq);
    return { people: 0, facts: plan.fresh.length, unchanged };
  }

  recordProgramFacts(facts: readonly ProgramFact[], actor: Actor): Promise<WriteSummary> {
    return this.connection.writeTransaction((trx) => this.recordProgramFactsIn(trx, facts, actor));
  }

  /** `recordProgramFacts` inside a write transaction the caller holds (see `recordPersonFactsIn`). */
  async recordProgramFactsIn(trx: Trx, facts: readonly ProgramFact[], actor: Actor): Promise<WriteSummary> {
    facts.forEach(checkProgramFact);
    const { unique, repeats } = dedupe(facts.map((fact) => ({ personId: null, fact, body: factBody(fact) })));

    const plan = await this.planFacts(trx, 'program_facts', unique);
    const unchanged = plan.unchanged + repeats;
    if (!hasChanges(plan)) return { people: 0, facts: 0, unchanged };

    const details = {
      facts: plan.fresh.length,
      factIds: plan.fresh.map((f) => f.fact.id),
      unchanged,
      retractions: plan.retractions.length,
    };
    const subject = plan.fresh[0]?.fact.id ?? plan.retractions[0]!.factId;
    const seq = await this.appendEvent(trx, actor, 'program_fact_recorded', 'fact', subject, details);
    await this.insertFacts(trx, 'program_facts', plan.fresh, seq);
    await this.insertRetractions(trx, plan.retractions, seq);
    return { people: 0, facts: plan.fresh.length, unchanged };
  }

  async retract(retraction: Retraction, actor: Actor): Promise<void> {
    await this.connection.writeTransaction((trx) => this.retractIn(trx, retraction, actor));
  }

  /** `retract` inside a write transaction the caller holds (see `recordPersonFactsIn`). */
  async retractIn(trx: Trx, retraction: Retraction, actor: Actor): Promise<void> {
    const { factId, retractedAt, reason } = retraction;
    if (!Number.isSafeInteger(retractedAt))
      throw new RepatriaError('INVALID_INPUT', `Retraction of ${factId} has no valid instant`);
    {
      const stored = (await this.storedFacts(trx, [factId])).get(factId);
      if (stored === undefined) throw new RepatriaError('NOT_FOUND', `No fact ${factId}`);
      const previous = await trx
        .selectFrom('fact_retractions')
        .select('fact_id')
        .where('fact_id', '=', factId)
        .executeTakeFirst();
      if (previous !== undefined) throw new RepatriaError('CONFLICT', `Fact ${factId} is already retracted`);
      if (retractedAt < stored.recordedAt) {
        throw new RepatriaError('INVALID_INPUT', `Fact ${factId} cannot be retracted before it was recorded`);
      }
      const seq = await this.appendEvent(trx, actor, 'fact_retracted', 'fact', factId, {
        retractedAt,
        reason,
      });
      await this.insertRetractions(trx, [{ factId, retractedAt, reason }], seq);
    }
  }

  // ---------------------------------------------------------------- reads

  async getPerson(id: string): Promise<Person | undefined> {
    const person = await this.db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst();
    if (person === undefined) return undefined;
    const rows = await this.personFactRows()
      .where('f.person_id', '=', id)
      .orderBy('f.seq')
      .orderBy('f.ord')
      .execute();
    return { id, facts: rows.map((r) => personFactFromRow(r.body, r.retracted_at)) };
  }

  async *people(pageSize: number = DEFAULT_PAGE_SIZE): AsyncIterable<readonly Person[]> {
    if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
      throw new RepatriaError('INVALID_INPUT', `Page size must be a positive integer, not ${pageSize}`);
    }
    let after: string | undefined;
    for (;;) {
      const afterId = after;
      const ids = (
        await this.db
          .selectFrom('people')
          .select('id')
          .$if(afterId !== undefined, (qb) => qb.where('id', '>', afterId!))
          .orderBy('id')
          .limit(pageSize)
          .execute()
      ).map((r) => r.id);
      const first = ids[0];
      const last = ids.at(-1);
      if (first === undefined || last === undefined) return;

      // The page is a contiguous id range, so its facts are one range scan of the
      // (person_id, seq, ord) index rather than a list of ids.
      const rows = await this.personFactRows()
        .select('f.person_id')
        .where('f.person_id', '>=', first)
        .where('f.person_id', '<=', last)
        .orderBy('f.person_id')
        .orderBy('f.seq')
        .orderBy('f.ord')
        .execute();
      const facts = new Map<string, PersonFact[]>(ids.map((id) => [id, []]));
      for (const row of rows) facts.get(row.person_id)?.push(personFactFromRow(row.body, row.retracted_at));
      yield ids.map((id) => ({ id, facts: facts.get(id) ?? [] }));

      if (ids.length < pageSize) return;
      after = last;
    }
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

  async countPeople(): Promise<number> {
    const row = await this.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Events after `afterSeq` in seq order; all of them unless a `limit` is given. */
  async events(afterSeq = 0, limit?: number): Promise<StoredEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .$if(limit !== undefined, (qb) => qb.limit(limit!))
      .execute();
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      role: r.role,
      kind: r.kind as StoredEvent['kind'],
      subjectType: r.subject_type as StoredEvent['subjectType'],
      subjectId: r.subject_id,
      details: r.details,
    }));
  }

  async lastSeq(): Promise<number> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
      .executeTakeFirst();
    return row?.seq ?? 0;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  // ---------------------------------------------------------------- helpers

  private personFactRows() {
    return this.db
      .selectFrom('person_facts as f')
      .leftJoin('fact_retractions as r', 'r.fact_id', 'f.id')
      .select(['f.body', 'r.retracted_at']);
  }

  private async existingPeople(trx: Trx, ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const chunk of chunks(ids, this.connection.maxParameters)) {
      const rows = await trx.selectFrom('people').select('id').where('id', 'in', chunk).execute();
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  /** Facts already stored under any of these ids, in either fact table. */
  private async storedFacts(trx: Trx, ids: readonly string[]): Promise<Map<string, StoredFactRef>> {
    const found = new Map<string, StoredFactRef>();
    for (const chunk of chunks(ids, this.connection.maxParameters)) {
      const people = await trx
        .selectFrom('person_facts')
        .select(['id', 'person_id', 'body', 'recorded_at'])
        .where('id', 'in', chunk)
        .execute();
      for (const r of people) {
        found.set(r.id, {
          table: 'person_facts',
          personId: r.person_id,
          body: r.body,
          recordedAt: r.recorded_at,
        });
      }
      const program = await trx
        .selectFrom('program_facts')
        .select(['id', 'body', 'recorded_at'])
        .where('id', 'in', chunk)
        .execute();
      for (const r of program) {
        found.set(r.id, { table: 'program_facts', personId: null, body: r.body, recordedAt: r.recorded_at });
      }
    }
    return found;
  }

  /** Person facts of new people may not reuse a programme fact's id (the tables share one id space). */
  private async refuseProgramFactIds(trx: Trx, incoming: readonly Incoming<PersonFact>[]): Promise<void> {
    if (incoming.length === 0) return;
    // Programme facts are few (reference data): reading their ids beats looking up every new id.
    const programIds = new Set(
      (await trx.selectFrom('program_facts').select('id').execute()).map((r) => r.id),
    );
    const taken = incoming.find((f) => programIds.has(f.fact.id));
    if (taken !== undefined)
      throw new RepatriaError('CONFLICT', `Fact ${taken.fact.id} is already recorded as a programme fact`);
  }

  private async storedRetractions(trx: Trx, ids: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const chunk of chunks(ids, this.connection.maxParameters)) {
      const rows = await trx
        .selectFrom('fact_retractions')
        .select(['fact_id', 'retracted_at'])
        .where('fact_id', 'in', chunk)
        .execute();
      for (const r of rows) found.set(r.fact_id, r.retracted_at);
    }
    return found;
  }

  /**
   * Sorts facts (already free of repeats) into new ones, identical re-recordings and new
   * retractions; throws CONFLICT, before anything is written, if an id is used for something else.
   */
  private async planFacts<F extends AnyFact>(
    trx: Trx,
    table: FactTable,
    incoming: readonly Incoming<F>[],
  ): Promise<FactPlan<F>> {
    if (incoming.length === 0) return { fresh: [], retractions: [], unchanged: 0 };
    const stored = await this.storedFacts(
      trx,
      incoming.map((f) => f.fact.id),
    );
    const retractedIds = incoming
      .filter((f) => f.fact.retractedAt !== undefined && stored.has(f.fact.id))
      .map((f) => f.fact.id);
    const retracted =
      retractedIds.length === 0 ? new Map<string, number>() : await this.storedRetractions(trx, retractedIds);

    const fresh: Incoming<F>[] = [];
    const retractions: NewRetraction[] = [];
    let unchanged = 0;
    for (const item of incoming) {
      const { id, retractedAt } = item.fact;
      const existing = stored.get(id);
      if (existing === undefined) {
        fresh.push(item);
        if (retractedAt !== undefined) retractions.push(importedRetraction(id, retractedAt));
        continue;
      }
      if (existing.table !== table) {
        const other = existing.table === 'person_facts' ? 'a person fact' : 'a programme fact';
        throw new RepatriaError('CONFLICT', `Fact ${id} is already recorded as ${other}`);
      }
      if (existing.personId !== item.personId) {
        throw new RepatriaError('CONFLICT', `Fact ${id} is already recorded for another person`);
      }
      if (!sameBody(existing.body, item.body)) {
        throw new RepatriaError('CONFLICT', `Fact ${id} is already recorded with different content`);
      }
      unchanged += 1;
      if (retractedAt !== undefined) {
        const storedAt = retracted.get(id);
        if (storedAt === undefined) retractions.push(importedRetraction(id, retractedAt));
        else if (storedAt !== retractedAt)
          throw new RepatriaError('CONFLICT', `Fact ${id} is already retracted at another instant`);
      }
    }
    return { fresh, retractions, unchanged };
  }

  /**
   * Inserts facts recorded by event `seq`, numbering them in the order given (`ord`). Ids
   * already taken are skipped by the insert; if any was, the call is refused with the reason.
   */
  private async insertFacts<F extends AnyFact>(
    trx: Trx,
    table: FactTable,
    facts: readonly Incoming<F>[],
    seq: number,
  ): Promise<void> {
    if (facts.length === 0) return;
    const values: BulkValue[] = [];
    let inserted: number;
    if (table === 'person_facts') {
      facts.forEach((f, ord) => {
        values.push(f.fact.id, f.personId);
        pushFactColumns(values, f.fact, f.body);
        values.push(seq, ord, packFact(f.personId!, f.fact as PersonFact));
      });
      inserted = await this.connection.insertRows(
        trx,
        table,
        ['id', 'person_id', ...FACT_COLUMNS, 'seq', 'ord', 'packed'],
        values,
      );
      // SQLite: the sweep loader's narrow copy of the records, in one statement (migration 0006).
      if (this.connection.dialect === 'sqlite') await sql.raw(COPY_NEW_FACT_PACKS).execute(trx);
    } else {
      facts.forEach((f, ord) => {
        values.push(f.fact.id);
        pushFactColumns(values, f.fact, f.body);
        values.push(seq, ord);
      });
      inserted = await this.connection.insertRows(trx, table, ['id', ...FACT_COLUMNS, 'seq', 'ord'], values);
    }
    if (inserted === facts.length) return;

    // Some id was taken: the checks that explain which and why (they throw). Rows this call
    // inserted compare as unchanged; everything is rolled back by the throw.
    const stored = await this.storedFacts(
      trx,
      facts.map((f) => f.fact.id),
    );
    const taken = facts.find((f) => {
      const s = stored.get(f.fact.id);
      return s !== undefined && (s.table !== table || s.personId !== f.personId || s.body !== f.body);
    });
    if (taken !== undefined) await this.planFacts(trx, table, [taken]);
    throw new RepatriaError('CONFLICT', `Fact ${taken?.fact.id ?? '(unknown)'} is already recorded`);
  }

  private async insertRetractions(
    trx: Trx,
    retractions: readonly NewRetraction[],
    seq: number,
  ): Promise<void> {
    const values = retractions.flatMap((r) => [r.factId, r.retractedAt, r.reason, seq]);
    const inserted = await this.connection.insertRows(
      trx,
      'fact_retractions',
      ['fact_id', 'retracted_at', 'reason', 'seq'],
      values,
    );
    if (inserted !== retractions.length)
      throw new RepatriaError('CONFLICT', 'A fact of this call is already retracted');
  }

  private async appendEvent(
    trx: Trx,
    actor: Actor,
    kind: StoredEvent['kind'],
    subjectType: StoredEvent['subjectType'],
    subjectId: string,
    details: Record<string, unknown>,
  ): Promise<number> {
    const at = this.clock();
    if (!Number.isSafeInteger(at)) throw new Error(`The store's clock gave ${at}, not epoch milliseconds`);
    const row = await trx
      .insertInto('events')
      .values({
        at,
        actor: actor.id,
        role: actor.role,
        kind,
        subject_type: subjectType,
        subject_id: subjectId,
        details: JSON.stringify(details),
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    return row.seq;
  }
}
