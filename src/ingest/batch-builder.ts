/**
 * Gathers accepted rows into batches of about `targetFacts` facts, closing a batch only
 * between two people, so that one person's facts (read in the file's order) are never split
 * between two transactions unless the file itself splits them. Row values are packed as each
 * row is accepted (batch.ts says why).
 */
import type { Fact, PersonFact, ProgramFact } from '../domain/facts.js';
import type { BulkValue } from '../store/store-connection.js';
import { ValueWriter, type PackedBatch, type Rejection, type RowKind } from './batch.js';
import { pushProgramFactRow, writePersonFactRow } from './fact-rows.js';

/** A batch never grows beyond this many times its target, even inside one person's facts. */
const HARD_LIMIT_FACTOR = 4;
const ACCEPTED = { refused: false } as const;

export type Acceptance = { readonly refused: false } | { readonly refused: true; readonly field: string; readonly reason: string };

export class BatchBuilder {
  private rowLine: number[] = [];
  private readonly rowPerson = new ValueWriter();
  private lastPerson: string | undefined;
  private factRow: number[] = [];
  private readonly values = new ValueWriter();
  private retractedAt: number[] = [];
  private rejects: Rejection[] = [];
  /** People of this batch (for files whose rows are people, each may appear once). */
  private people = new Map<string, number>();
  /** One fact's row values, reused: nothing of a row outlives its packing. */
  private readonly row: BulkValue[] = [];
  private readonly done: { batch: PackedBatch; rejects: Rejection[] }[] = [];

  constructor(
    readonly kind: RowKind,
    private readonly targetFacts: number,
    /** Rows are whole people (JSON lines of people): a person on two rows is an error. */
    private readonly rowsArePeople: boolean,
  ) {}

  /** Refuses a row. */
  reject(rejection: Rejection): void {
    this.rejects.push(rejection);
  }

  /**
   * Accepts a row with its facts, unless its person was already given by an earlier row of
   * this batch when rows are people. A fact id given twice is found by the writer (the second
   * insert of an id is skipped, which sends the batch down the checked path), so that the
   * common case pays for no set of ids.
   */
  accept(line: number, personId: string, facts: readonly Fact[]): Acceptance {
    const count = this.factRow.length;
    if ((personId !== this.lastPerson && count >= this.targetFacts) || count >= this.targetFacts * HARD_LIMIT_FACTOR) this.close();

    if (this.rowsArePeople) {
      const earlier = this.people.get(personId);
      if (earlier !== undefined) return { refused: true, field: 'id', reason: `appears on an earlier line of this file (line ${earlier})` };
    }
    if (facts.length > 1 && new Set(facts.map((f) => f.id)).size !== facts.length) {
      return { refused: true, field: 'facts', reason: 'gives one fact id twice' };
    }
    if (this.rowsArePeople) this.people.set(personId, line);
    const index = this.rowLine.length;
    this.rowLine.push(line);
    this.rowPerson.push(personId);
    this.lastPerson = personId;
    const { row } = this;
    for (let i = 0; i < facts.length; i += 1) {
      const fact = facts[i]!;
      this.factRow.push(index);
      this.retractedAt.push(fact.retractedAt ?? NaN);
      if (this.kind === 'person') writePersonFactRow(this.values, personId, fact as PersonFact);
      else {
        row.length = 0;
        pushProgramFactRow(row, fact as ProgramFact);
        for (const value of row) this.values.push(value);
      }
    }
    return ACCEPTED;
  }

  /**
   * Takes back the arrays of a batch this builder made, once the writing side is done with
   * it: the next batch is packed into them rather than into new memory.
   */
  recycle(batch: PackedBatch): void {
    this.values.recycle(batch.values);
    this.rowPerson.recycle(batch.rowPerson);
  }

  /** Batches completed so far, each with the rejections read before it closed. */
  takeDone(): { batch: PackedBatch; rejects: Rejection[] }[] {
    return this.done.splice(0, this.done.length);
  }

  /** Closes the current batch, even if small, and returns every batch not yet taken. */
  finish(): { batch: PackedBatch; rejects: Rejection[] }[] {
    if (this.rowLine.length > 0 || this.rejects.length > 0) this.close();
    return this.takeDone();
  }

  private close(): void {
    this.done.push({
      batch: {
        kind: this.kind,
        rowLine: Int32Array.from(this.rowLine),
        rowPerson: this.rowPerson.finish(),
        factRow: Int32Array.from(this.factRow),
        retractedAt: Float64Array.from(this.retractedAt),
        values: this.values.finish(),
      },
      rejects: this.rejects,
    });
    this.rowLine = [];
    this.lastPerson = undefined;
    this.factRow = [];
    this.retractedAt = [];
    this.rejects = [];
    this.people = new Map();
  }
}
