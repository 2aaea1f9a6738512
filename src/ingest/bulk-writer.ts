/**
 * Writing batches straight into the store's tables, with the semantics of
 * `FactStore.addPeople` / `recordProgramFacts` (src/store/README.md):
 *
 * - one batch = one event (`person_added`, `fact_recorded` or `program_fact_recorded`, with
 *   the same details those calls write), and every row it inserts carries that event's seq;
 *   a batch that changes nothing writes no event;
 * - a fact id already stored with the same content (same person) is `unchanged`; with other
 *   content, for another person or in the other fact table, the row is refused;
 * - a fact given with `retractedAt` is stored with its retraction;
 * - within one import (`runSeqs`: the events it wrote), an id met again is a repeat in the
 *   file and refused, as is a person on two lines when rows are people.
 *
 * The dialect writers (sqlite-writer.ts, postgres-writer.ts) first try the common case of a
 * first import, where every person and fact is new: they write the event and every row and
 * check that nothing was skipped. If something was (an id already stored: a resumed import,
 * or a conflict), they roll that attempt back and write the plan made here from lookups.
 */
import type { Actor, StoredEvent } from '../domain/ports.js';
import { sameBody } from '../store/fact-codec.js';
import type { Batch, PackedBatch, RowKind } from './batch.js';
import { PERSON_ROW, PROGRAM_ROW } from './fact-rows.js';

/** Reason stored for retractions that arrive as `retractedAt` on an imported fact (as the store does). */
export const IMPORTED_RETRACTION_REASON = 'recorded as retracted';

/** A row of the batch that the store refused. */
export interface RefusedRow {
  /** Row index in the batch. */
  readonly row: number;
  readonly factId: string | null;
  /** `fact_id`/`id`, or the person's id field. */
  readonly field: string;
  readonly reason: string;
}

export interface WriteOutcome {
  readonly people: number;
  readonly facts: number;
  readonly unchanged: number;
  readonly retractions: number;
  readonly refused: readonly RefusedRow[];
}

export interface BulkWriter {
  /** Writes one batch: its own transaction, or part of the one open transaction in single mode. */
  write(batch: PackedBatch): Promise<WriteOutcome>;
  /** Single mode: commits (or rolls back) everything written. Batch mode: nothing to do. */
  finish(commit: boolean): Promise<void>;
  /** Releases the connection; rolls back an unfinished single transaction. */
  close(): Promise<void>;
}

export interface WriterOptions {
  readonly actor: Actor;
  /** Stamps each batch's event, in epoch milliseconds. */
  readonly clock: () => number;
  /** All-or-nothing: one transaction for the whole import. */
  readonly single: boolean;
  /** Rows are whole people (JSON lines of people): a person on two rows is refused. */
  readonly rowsArePeople: boolean;
  /** How the file names a fact id (`fact_id` in CSV, `id` in JSON): for messages. */
  readonly idField: string;
}

export type FactTable = 'person_facts' | 'program_facts';

export interface StoredFact {
  readonly table: FactTable;
  readonly personId: string | null;
  readonly body: string;
  readonly seq: number;
}

/** What the precise path asks the store. */
export interface Lookups {
  facts(ids: readonly string[]): Promise<Map<string, StoredFact>>;
  /** People stored, with the seq of the event that added them. */
  people(ids: readonly string[]): Promise<Map<string, number>>;
  retractions(ids: readonly string[]): Promise<Map<string, number>>;
}

/** What one batch writes, once checked against the store. */
export interface BatchPlan {
  /** New people, in the order first met. */
  readonly people: string[];
  /** Indexes of the facts to insert, in file order (their `ord` is their position here). */
  readonly facts: number[];
  readonly retractions: { readonly fact: number; readonly retractedAt: number }[];
  readonly unchanged: number;
  readonly refused: RefusedRow[];
}

export const tableOf = (kind: RowKind): FactTable => (kind === 'person' ? 'person_facts' : 'program_facts');
const layoutOf = (kind: RowKind): { width: number; id: number; body: number } => (kind === 'person' ? PERSON_ROW : PROGRAM_ROW);

export const factId = (batch: Batch, fact: number): string => {
  const { width, id } = layoutOf(batch.kind);
  return batch.values[fact * width + id] as string;
};
const factBodyOf = (batch: Batch, fact: number): string => {
  const { width, body } = layoutOf(batch.kind);
  return batch.values[fact * width + body] as string;
};

/** A batch without its row values: enough to plan and describe a first import of it. */
export type BatchHead = Omit<Batch, 'values'>;

/** Distinct people of the batch's rows, in the order first met. */
export function batchPeople(batch: BatchHead, skip?: ReadonlySet<number>): string[] {
  if (batch.kind === 'program') return [];
  const seen = new Set<string>();
  const out: string[] = [];
  batch.rowPerson.forEach((person, row) => {
    if (skip?.has(row) === true || seen.has(person)) return;
    seen.add(person);
    out.push(person);
  });
  return out;
}

/** The plan when everything in the batch is new: what the optimistic attempt writes. */
export function freshPlan(batch: BatchHead): BatchPlan {
  const retractions: BatchPlan['retractions'] = [];
  batch.retractedAt.forEach((at, fact) => {
    if (!Number.isNaN(at)) retractions.push({ fact, retractedAt: at });
  });
  return { people: batchPeople(batch), facts: Array.from(batch.factRow, (_, i) => i), retractions, unchanged: 0, refused: [] };
}

/** Checks a batch against the store: which rows are new, unchanged, or refused and why. */
export async function planBatch(batch: Batch, lookups: Lookups, runSeqs: ReadonlySet<number>, options: Pick<WriterOptions, 'rowsArePeople' | 'idField'>): Promise<BatchPlan> {
  const table = tableOf(batch.kind);
  const count = batch.factRow.length;
  const ids = Array.from({ length: count }, (_, i) => factId(batch, i));
  const stored = await lookups.facts(ids);
  const people = batchPeople(batch);
  const storedPeople = batch.kind === 'person' ? await lookups.people(people) : new Map<string, number>();
  const retractedIds = ids.filter((id, i) => stored.has(id) && !Number.isNaN(batch.retractedAt[i]!));
  const storedRetractions = retractedIds.length > 0 ? await lookups.retractions(retractedIds) : new Map<string, number>();

  const refused = new Map<number, RefusedRow>();
  const refuse = (row: number, fact: string | null, field: string, reason: string): void => {
    if (!refused.has(row)) refused.set(row, { row, factId: fact, field, reason });
  };
  if (options.rowsArePeople) {
    batch.rowPerson.forEach((person, row) => {
      const seq = storedPeople.get(person);
      if (seq !== undefined && runSeqs.has(seq)) refuse(row, null, 'id', 'appears on an earlier line of this file');
    });
  }
  // Per fact: 'fresh', 'unchanged', or refused (its row with it).
  const state = new Array<'fresh' | 'unchanged' | 'refused'>(count);
  const newRetraction = new Array<boolean>(count).fill(false);
  // The first row of the batch that gave each id: a later row giving it again is a repeat.
  const firstRow = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const id = ids[i]!;
    const row = batch.factRow[i]!;
    const retractedAt = batch.retractedAt[i]!;
    const earlier = firstRow.get(id);
    if (earlier !== undefined && earlier !== row) {
      state[i] = 'refused';
      refuse(row, id, options.idField, `is used by another row of this file (line ${batch.rowLine[earlier]!})`);
      continue;
    }
    firstRow.set(id, row);
    const s = stored.get(id);
    if (s === undefined) {
      state[i] = 'fresh';
      newRetraction[i] = !Number.isNaN(retractedAt);
      continue;
    }
    let reason: string | undefined;
    if (runSeqs.has(s.seq)) reason = 'is used by an earlier row of this file';
    else if (s.table !== table) reason = `is already recorded as ${s.table === 'person_facts' ? 'a person fact' : 'a programme fact'}`;
    else if (s.personId !== (batch.kind === 'person' ? batch.rowPerson[row]! : null)) reason = 'is already recorded for another person';
    else if (!sameBody(s.body, factBodyOf(batch, i))) reason = 'is already recorded with different content';
    else if (!Number.isNaN(retractedAt)) {
      const storedAt = storedRetractions.get(id);
      if (storedAt === undefined) newRetraction[i] = true;
      else if (storedAt !== retractedAt) reason = 'is already retracted at another instant';
    }
    if (reason === undefined) state[i] = 'unchanged';
    else {
      state[i] = 'refused';
      refuse(row, id, options.idField, reason);
    }
  }

  const facts: number[] = [];
  const retractions: { fact: number; retractedAt: number }[] = [];
  let unchanged = 0;
  for (let i = 0; i < count; i += 1) {
    if (refused.has(batch.factRow[i]!)) continue;
    if (state[i] === 'fresh') facts.push(i);
    else unchanged += 1;
    if (newRetraction[i] === true) retractions.push({ fact: i, retractedAt: batch.retractedAt[i]! });
  }
  const newPeople = batchPeople(batch, new Set(refused.keys())).filter((person) => !storedPeople.has(person));
  return { people: newPeople, facts, retractions, unchanged, refused: [...refused.values()].sort((a, b) => a.row - b.row) };
}

export const changesAnything = (plan: BatchPlan): boolean => plan.people.length > 0 || plan.facts.length > 0 || plan.retractions.length > 0;

/** The event a batch writes: the same kinds, subjects and details as the fact store's own calls. */
export function batchEvent(
  batch: BatchHead,
  plan: BatchPlan,
  idOf: (fact: number) => string,
): { kind: StoredEvent['kind']; subjectType: StoredEvent['subjectType']; subjectId: string; details: string } {
  if (batch.kind === 'program') {
    const factIds = plan.facts.map(idOf);
    const subject = factIds[0] ?? idOf(plan.retractions[0]!.fact);
    return {
      kind: 'program_fact_recorded',
      subjectType: 'fact',
      subjectId: subject,
      details: JSON.stringify({ facts: plan.facts.length, factIds, unchanged: plan.unchanged, retractions: plan.retractions.length }),
    };
  }
  const firstFact = plan.facts[0];
  const subject = plan.people[0] ?? (firstFact === undefined ? undefined : batch.rowPerson[batch.factRow[firstFact]!]) ?? batch.rowPerson[0]!;
  return {
    kind: plan.people.length > 0 ? 'person_added' : 'fact_recorded',
    subjectType: 'person',
    subjectId: subject,
    details: JSON.stringify({
      people: plan.people.length,
      firstPersonId: plan.people[0] ?? null,
      lastPersonId: plan.people.at(-1) ?? null,
      facts: plan.facts.length,
      unchanged: plan.unchanged,
      retractions: plan.retractions.length,
    }),
  };
}

export const outcomeOf = (plan: BatchPlan): WriteOutcome => ({
  people: plan.people.length,
  facts: plan.facts.length,
  unchanged: plan.unchanged,
  retractions: plan.retractions.length,
  refused: plan.refused,
});

/** A broken expectation while writing: rolled back, never committed half-done. */
export class WriteMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteMismatchError';
  }
}
