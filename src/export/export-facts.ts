/**
 * Exports of people, person facts and programme facts, as CSV (the import layouts,
 * src/ingest/README.md) or JSON lines, either as the store knows them now with their whole
 * history (retracted facts with their `retractedAt`), or as known at an instant.
 *
 * As known at an instant `T` (transaction time, spec "Bitemporal facts"): the facts recorded
 * at or before `T` and not retracted at or before it, written without `retractedAt` (at `T`
 * they were not retracted yet). A store loaded from such an export answers every question
 * asked as known at `T` or earlier as the original does.
 *
 * Without an instant, the export is lossless: importing it into an empty store gives the
 * same content checksum (src/store/checksum.ts). People are read a page at a time.
 */
import { isKnownAt } from '../domain/knowledge.js';
import type { Instant } from '../domain/dates.js';
import type { Person, PersonFact, ProgramFact } from '../domain/facts.js';
import type { FactStore } from '../domain/ports.js';
import { csvLine } from '../ingest/csv-cells.js';
import { PERSON_CSV_COLUMNS, PROGRAM_CSV_COLUMNS, barePersonRow, personFactRow, programFactRow } from '../ingest/csv-layout.js';
import { interchangeFact } from '../ingest/interchange.js';
import type { TextSink } from './text-sink.js';

export type ExportFormat = 'csv' | 'jsonl' | 'json';

export interface ExportOptions {
  readonly format: ExportFormat;
  /** As known at this instant; absent: everything, retractions included. */
  readonly knownAt?: Instant | undefined;
}

export interface ExportCount {
  readonly people: number;
  readonly facts: number;
}

const PAGE = 2_000;

/** The facts of a person as known at the instant (all of them without one). */
function factsAsKnown<F extends PersonFact | ProgramFact>(facts: readonly F[], knownAt: Instant | undefined): readonly F[] {
  return knownAt === undefined ? facts : facts.filter((f) => isKnownAt(f, knownAt));
}

/**
 * People with their facts: CSV in the person layout (a person with no fact as a row of its
 * own), or JSON lines `{"id","facts":[…]}`. As known at an instant, a person is listed if
 * at least one of their facts was known then.
 */
export async function exportPeople(store: FactStore, options: ExportOptions, sink: TextSink): Promise<ExportCount> {
  return exportPersonRecords(store, options, sink, 'people');
}

/** Person facts only: CSV in the person layout, or JSON lines of facts with their `personId`. */
export async function exportPersonFacts(store: FactStore, options: ExportOptions, sink: TextSink): Promise<ExportCount> {
  return exportPersonRecords(store, options, sink, 'facts');
}

async function exportPersonRecords(store: FactStore, options: ExportOptions, sink: TextSink, what: 'people' | 'facts'): Promise<ExportCount> {
  if (options.format === 'json') throw new Error('people and facts are exported as CSV or JSON lines');
  const withRetraction = options.knownAt === undefined;
  if (options.format === 'csv') await sink.write(csvLine(PERSON_CSV_COLUMNS));
  let people = 0;
  let facts = 0;
  for await (const page of store.people(PAGE)) {
    let text = '';
    for (const person of page) {
      const known = factsAsKnown(person.facts, options.knownAt);
      if (known.length === 0 && (options.knownAt !== undefined || what === 'facts')) continue;
      people += 1;
      facts += known.length;
      text += options.format === 'csv' ? personCsv(person.id, known, withRetraction) : personJson(person, known, withRetraction, what);
    }
    await sink.write(text);
  }
  return { people, facts };
}

function personCsv(id: string, facts: readonly PersonFact[], withRetraction: boolean): string {
  if (facts.length === 0) return csvLine(barePersonRow(id));
  let text = '';
  for (const fact of facts) text += csvLine(personFactRow(id, fact, withRetraction));
  return text;
}

function personJson(person: Person, facts: readonly PersonFact[], withRetraction: boolean, what: 'people' | 'facts'): string {
  if (what === 'people') return `${JSON.stringify({ id: person.id, facts: facts.map((f) => interchangeFact(f, withRetraction)) })}\n`;
  let text = '';
  for (const fact of facts) text += `${JSON.stringify({ personId: person.id, ...interchangeFact(fact, withRetraction) })}\n`;
  return text;
}

/** Programme facts: CSV in the programme layout, JSON lines, or a JSON array (what `import --program` reads). */
export async function exportProgram(store: FactStore, options: ExportOptions, sink: TextSink): Promise<ExportCount> {
  const facts = factsAsKnown(await store.programFacts(), options.knownAt);
  const withRetraction = options.knownAt === undefined;
  switch (options.format) {
    case 'csv':
      await sink.write(csvLine(PROGRAM_CSV_COLUMNS) + facts.map((f) => csvLine(programFactRow(f, withRetraction))).join(''));
      break;
    case 'jsonl':
      await sink.write(facts.map((f) => `${JSON.stringify(interchangeFact(f, withRetraction))}\n`).join(''));
      break;
    case 'json':
      await sink.write(`${JSON.stringify(facts.map((f) => interchangeFact(f, withRetraction)), null, 2)}\n`);
      break;
    default: {
      const unknown: never = options.format;
      throw new Error(`unknown format ${String(unknown)}`);
    }
  }
  return { people: 0, facts: facts.length };
}
