/**
 * The rows the bulk writers insert, built exactly as the fact store builds them
 * (`KyselyFactStore.insertFacts`): the same codec (`factBody`, `pushFactColumns`,
 * `packFact`), so that a fact imported in bulk and one recorded through the store are the
 * same row. `test/ingest/bulk-writer.int.test.ts` compares the two column by column.
 *
 * The writer appends `seq` and `ord` (known only once the batch's event is written).
 */
import type { PersonFact, ProgramFact } from '../domain/facts.js';
import { FACT_COLUMNS, factBody, pushFactColumns } from '../store/fact-codec.js';
import { packFact } from '../store/packed-fact.js';
import type { BulkValue } from '../store/store-connection.js';

/** Columns of a person fact row as produced here; the writer adds seq and ord. */
export const PERSON_ROW_COLUMNS = ['id', 'person_id', ...FACT_COLUMNS, 'packed'] as const;
/** Columns of a programme fact row as produced here; the writer adds seq and ord. */
export const PROGRAM_ROW_COLUMNS = ['id', ...FACT_COLUMNS] as const;

/** Where the writer finds what it compares when an id is already stored. */
export const PERSON_ROW = {
  width: PERSON_ROW_COLUMNS.length,
  id: 0,
  personId: 1,
  body: 2 + FACT_COLUMNS.indexOf('body'),
} as const;
export const PROGRAM_ROW = {
  width: PROGRAM_ROW_COLUMNS.length,
  id: 0,
  body: 1 + FACT_COLUMNS.indexOf('body'),
} as const;

/** Appends a person fact's row values; `body` when already made (fast-fact.ts), else `factBody`. */
export function pushPersonFactRow(out: BulkValue[], personId: string, fact: PersonFact, body?: string): void {
  out.push(fact.id, personId);
  pushFactColumns(out, fact, body ?? factBody(fact));
  out.push(packFact(personId, fact));
}

/** Appends a programme fact's row values. */
export function pushProgramFactRow(out: BulkValue[], fact: ProgramFact): void {
  out.push(fact.id);
  pushFactColumns(out, fact, factBody(fact));
}
