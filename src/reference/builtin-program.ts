/**
 * The programme facts the product ships as reference data (`data/tps-designations.json`):
 * every TPS designation record with its citation. Read once per process from the package's
 * own `data/` folder, never from anywhere else.
 */
import { readFileSync } from 'node:fs';
import { parseProgramFact } from '../contract/fact-schema.js';
import { InvalidInputError } from '../contract/input-issue.js';
import type { ProgramFact, TpsDesignationFact } from '../domain/facts.js';

const DATA_FILE = new URL('../../data/tps-designations.json', import.meta.url);

/** A shipped record with what the interchange format leaves out. */
export interface ReferenceRecord {
  readonly fact: TpsDesignationFact;
  readonly act: string;
  readonly sourceUrl: string;
  readonly uncertain: boolean;
  readonly note?: string | undefined;
}

let cache: readonly ReferenceRecord[] | undefined;

export function referenceRecords(): readonly ReferenceRecord[] {
  if (cache !== undefined) return cache;
  const raw = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error('data/tps-designations.json must hold an array');
  cache = raw.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new InvalidInputError([{ record: 'reference data', field: '-', reason: 'every record must be a JSON object' }]);
    }
    // The record's own fields are taken off before the fact goes to the contract's parser,
    // which refuses any field a fact does not have.
    const { act, sourceUrl, uncertain, note, ...fact } = item as Record<string, unknown>;
    const parsed = parseProgramFact(fact, 'reference data, ');
    if (!parsed.ok) throw new InvalidInputError(parsed.issues);
    if (parsed.value.type !== 'tps_designation') {
      throw new InvalidInputError([{ record: `reference data, fact "${parsed.value.id}"`, field: 'type', reason: 'must be tps_designation' }]);
    }
    return {
      fact: parsed.value,
      act: typeof act === 'string' ? act : '',
      sourceUrl: typeof sourceUrl === 'string' ? sourceUrl : '',
      uncertain: uncertain === true,
      note: typeof note === 'string' ? note : undefined,
    };
  });
  return cache;
}

/** The built-in programme facts of `reference: builtin`. */
export const builtinProgram = (): readonly ProgramFact[] => referenceRecords().map((r) => r.fact);
