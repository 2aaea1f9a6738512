/**
 * What the core needs from storage, stated as a port. The SQLite and PostgreSQL adapters in
 * `src/store` implement it file for file and pass one contract suite.
 *
 * Facts are never updated or deleted: recording appends; a retraction is a new event that
 * makes the fact unknown from its instant on. Every change is an event in an append-only log.
 */
import type { Instant } from './dates.js';
import type { Person, PersonFact, ProgramFact } from './facts.js';

/** Who did something, for the event log. */
export interface Actor {
  readonly id: string;
  readonly role: string;
}

export interface Retraction {
  readonly factId: string;
  readonly retractedAt: Instant;
  readonly reason: string;
}

/** One entry of the append-only event log. */
export interface StoredEvent {
  readonly seq: number;
  readonly at: Instant;
  readonly actor: string;
  readonly role: string;
  readonly kind: 'person_added' | 'fact_recorded' | 'program_fact_recorded' | 'fact_retracted';
  readonly subjectType: 'person' | 'fact';
  readonly subjectId: string;
  readonly details: string; // JSON
}

export interface WriteSummary {
  readonly people: number;
  readonly facts: number;
  /** Facts already stored with identical content: recording them again changes nothing. */
  readonly unchanged: number;
}

export interface FactStore {
  /** Adds people with their facts in one transaction: all or nothing. */
  addPeople(people: readonly Person[], actor: Actor): Promise<WriteSummary>;
  /** Appends facts to an existing person. */
  recordPersonFacts(personId: string, facts: readonly PersonFact[], actor: Actor): Promise<WriteSummary>;
  recordProgramFacts(facts: readonly ProgramFact[], actor: Actor): Promise<WriteSummary>;
  /** Withdraws a fact as wrong, from `retractedAt` on. */
  retract(retraction: Retraction, actor: Actor): Promise<void>;

  /** The person with every fact ever recorded (retracted ones carry `retractedAt`). */
  getPerson(id: string): Promise<Person | undefined>;
  /** Every person in id order, a page at a time. */
  people(pageSize?: number): AsyncIterable<readonly Person[]>;
  programFacts(): Promise<ProgramFact[]>;
  countPeople(): Promise<number>;
  events(afterSeq?: number, limit?: number): Promise<StoredEvent[]>;
  /** Sequence number of the last event: the store's last recorded transaction. */
  lastSeq(): Promise<number>;
  close(): Promise<void>;
}
