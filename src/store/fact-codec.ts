/**
 * Domain facts to rows and back.
 *
 * A fact is stored whole as JSON (`body`), without `retractedAt` (a retraction is a row of its
 * own). Two records of a fact are identical iff their bodies are equal as JSON values, whatever
 * the key order they came in: bodies are compared by value, only when an id is already taken,
 * so that a bulk load of new facts pays for one `JSON.stringify` per fact and nothing more.
 * `type`, `from_day`, `through_day` and `recorded_at` are copies for queries; the body is the truth.
 */
import { RepatriaError } from '../domain/errors.js';
import {
  PERSON_FACT_TYPES,
  PROGRAM_FACT_TYPES,
  periodOf,
  type Fact,
  type PersonFact,
  type ProgramFact,
} from '../domain/facts.js';
import type { BulkValue } from './store-connection.js';

/** The stored body of a fact: everything but `retractedAt`. */
export function factBody(fact: Fact): string {
  return JSON.stringify(fact.retractedAt === undefined ? fact : { ...fact, retractedAt: undefined });
}

/** Equality of JSON values; object keys in any order, keys holding `undefined` count as absent. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>): string[] => Object.keys(o).filter((k) => o[k] !== undefined);
  const leftKeys = keys(left);
  return leftKeys.length === keys(right).length && leftKeys.every((k) => sameJson(left[k], right[k]));
}

/** Whether two stored bodies record the same fact. */
export const sameBody = (stored: string, given: string): boolean =>
  stored === given || sameJson(JSON.parse(stored), JSON.parse(given));

/** The query columns copied out of a fact's body, in the order `pushFactColumns` writes them. */
export const FACT_COLUMNS = ['type', 'from_day', 'through_day', 'recorded_at', 'body'] as const;

/** Appends a fact's `FACT_COLUMNS` values to a flat row list. */
export function pushFactColumns(out: BulkValue[], fact: Fact, body: string): void {
  pushQueryColumns(out, fact);
  out.push(body);
}

/** Appends a fact's `FACT_COLUMNS` values but the last, `body`, for a writer that writes the body itself. */
export function pushQueryColumns(out: BulkValue[], fact: Fact): void {
  const period = periodOf(fact);
  out.push(fact.type, period?.from ?? null, period?.through ?? null, fact.recordedAt);
}

/** A person fact as read back: its body, with `retractedAt` when a retraction is recorded. */
export function personFactFromRow(body: string, retractedAt: number | null): PersonFact {
  const fact = JSON.parse(body) as PersonFact;
  return retractedAt === null ? fact : { ...fact, retractedAt };
}

/** A programme fact as read back: its body, with `retractedAt` when a retraction is recorded. */
export function programFactFromRow(body: string, retractedAt: number | null): ProgramFact {
  const fact = JSON.parse(body) as ProgramFact;
  return retractedAt === null ? fact : { ...fact, retractedAt };
}

const PERSON_TYPES: ReadonlySet<string> = new Set(PERSON_FACT_TYPES);
const PROGRAM_TYPES: ReadonlySet<string> = new Set(PROGRAM_FACT_TYPES);

const isInstant = (value: unknown): value is number => Number.isSafeInteger(value);

/**
 * The checks the store itself depends on (ids, types, transaction times). Field-level
 * validation belongs to the boundary schemas (src/contract); this only keeps rows sound.
 */
function checkRecorded(fact: Fact, allowed: ReadonlySet<string>, what: string): void {
  const { id, type, recordedAt, retractedAt } = fact as {
    id: unknown;
    type: unknown;
    recordedAt: unknown;
    retractedAt: unknown;
  };
  if (typeof id !== 'string' || id === '') throw new RepatriaError('INVALID_INPUT', `A ${what} has no id`);
  if (typeof type !== 'string' || !allowed.has(type)) {
    throw new RepatriaError(
      'INVALID_INPUT',
      `Fact ${id} has type ${String(type)}, which is not a ${what} type`,
    );
  }
  if (!isInstant(recordedAt)) throw new RepatriaError('INVALID_INPUT', `Fact ${id} has no valid recordedAt`);
  if (retractedAt !== undefined) {
    if (!isInstant(retractedAt))
      throw new RepatriaError('INVALID_INPUT', `Fact ${id} has an invalid retractedAt`);
    if (retractedAt < recordedAt) {
      throw new RepatriaError('INVALID_INPUT', `Fact ${id} is retracted before it was recorded`);
    }
  }
}

export function checkPersonFact(fact: PersonFact): void {
  checkRecorded(fact, PERSON_TYPES, 'person fact');
}

export function checkProgramFact(fact: ProgramFact): void {
  checkRecorded(fact, PROGRAM_TYPES, 'programme fact');
}

export function checkPersonId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id === '') throw new RepatriaError('INVALID_INPUT', 'A person has no id');
}
