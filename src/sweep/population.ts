/**
 * A population loaded for sweeping: every person fact in columns, the programme facts, and
 * the mark of the store's history it reflects (which store, up to which transaction), so
 * that a later load can reuse it when nothing changed or extend it with what did.
 */
import type { ProgramFact } from '../domain/facts.js';
import type { PersonColumns } from '../domain/sweep/columns.js';
import type { StoreDialect } from '../store/schema.js';

export interface StoreMark {
  readonly dialect: StoreDialect;
  /** The store's first event (instant, kind, subject): tells one store from another, or from itself after a reset. */
  readonly identity: string;
  /** Seq of the last event reflected: the store's last recorded transaction. */
  readonly lastSeq: number;
  /** Instant of that event, checked again before extending (a store reset to the same length differs here). */
  readonly lastEventAt: number;
  /** SQLite: the highest `person_facts` rowid read (rows are appended in rowid order). PostgreSQL: unused (0). */
  readonly factCursor: number;
  /** SQLite: the highest `people` rowid read. PostgreSQL: unused (0). */
  readonly peopleCursor: number;
}

export interface Population {
  readonly columns: PersonColumns;
  readonly program: readonly ProgramFact[];
  readonly mark: StoreMark;
}

/** How a load went: read whole, reused as it was, or extended with what was recorded since. */
export type LoadKind = 'full' | 'unchanged' | 'extended';

export interface LoadResult {
  readonly population: Population;
  readonly kind: LoadKind;
  /** Fact rows read from the store by this load. */
  readonly factsRead: number;
  /** Threads that read them. */
  readonly threads: number;
}

/** Progress of a long load: what is being read, how far, out of how many (0 if unknown). */
export type LoadProgress = (what: string, done: number, total: number) => void;
