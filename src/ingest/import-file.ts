/**
 * One import: a file read (on a worker thread for large files), validated row by row,
 * written in batches, refused rows sent to the quarantine file.
 *
 * Two modes:
 * - batches (the default when there is a quarantine file): each batch is committed on its
 *   own, refused rows are left out; an interrupted import is resumed by running it again
 *   (ids already stored with the same content are `unchanged`);
 * - all-or-nothing: one transaction; the first refused row stops the writing and nothing
 *   is committed; the rest of the file is still read, to report every problem.
 */
import { stat } from 'node:fs/promises';
import { InvalidInputError, type InputIssue } from '../contract/input-issue.js';
import type { PersonFact, ProgramFact } from '../domain/facts.js';
import type { Actor } from '../domain/ports.js';
import type { OpenedStore } from '../store/open-store.js';
import { unpackBatch, type Batch, type Rejection } from './batch.js';
import type { BulkWriter, RefusedRow } from './bulk-writer.js';
import { csvLine } from './csv-cells.js';
import { personFactRow, programFactRow } from './csv-layout.js';
import { knownDesignations } from './designations.js';
import { PERSON_ROW, PROGRAM_ROW } from './fact-rows.js';
import { interchangeFact } from './interchange.js';
import { produceInWorker } from './parallel.js';
import { PostgresBulkWriter } from './postgres-writer.js';
import { produceBatches, rowKindOf, type FileFormat, type Produced } from './produce.js';
import { QuarantineFile } from './quarantine.js';
import type { JsonShape } from './rows.js';
import { SqliteBulkWriter } from './sqlite-writer.js';
import { FileFormatError } from './text-source.js';

export interface ImportOptions {
  readonly file: string;
  readonly format: FileFormat;
  readonly shape: JsonShape;
  readonly allOrNothing: boolean;
  /** Where refused rows go (CSV); none: they are only counted and reported. */
  readonly quarantine?: string | undefined;
  /** Facts per batch: one transaction (in batch mode) and one event each. */
  readonly batchFacts: number;
  /** Read on a worker thread; `auto`: for files of a few megabytes and more. */
  readonly parallel: boolean | 'auto';
  readonly actor: Actor;
  readonly clock: () => number;
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** Things worth telling while it runs (a lost database connection being retried). */
  readonly onNotice?: ((text: string) => void) | undefined;
}

export interface ImportProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rows: number;
  readonly facts: number;
  readonly rejectedRows: number;
}

export interface ImportSummary {
  /** Data rows read. */
  readonly rows: number;
  readonly people: number;
  readonly facts: number;
  readonly unchanged: number;
  readonly retractions: number;
  readonly rejectedRows: number;
  readonly batches: number;
  /** Whether what was written is committed (false: all-or-nothing refused the file). */
  readonly committed: boolean;
  /** The first problems, for the terminal; all of them are in the quarantine file. */
  readonly firstRejections: readonly Rejection[];
}

/** Problems kept for the terminal; the quarantine file has all of them. */
const SHOWN_REJECTIONS = 50;
/** Files from this size on are read on a worker thread (below, starting one costs more than it saves). */
const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;

export async function importFile(store: OpenedStore, options: ImportOptions): Promise<ImportSummary> {
  const { size: totalBytes } = await stat(options.file);
  const program = await store.programFacts();
  const kind = rowKindOf(options.shape);
  const idField = options.format === 'csv' ? 'fact_id' : 'id';
  const produceOptions = {
    file: options.file,
    format: options.format,
    shape: options.shape,
    batchFacts: options.batchFacts,
    knownDesignations: [...knownDesignations(program)],
    programFactIds: kind === 'person' ? program.map((f) => f.id) : [],
    startedAt: options.clock(),
  };
  const parallel = options.parallel === 'auto' ? totalBytes >= PARALLEL_FROM_BYTES && options.format !== 'json' : options.parallel;
  const writerOptions = { actor: options.actor, clock: options.clock, single: options.allOrNothing, rowsArePeople: options.shape === 'people' && options.format !== 'csv', idField, onNotice: options.onNotice };
  const writer: BulkWriter = store.native.dialect === 'sqlite' ? await SqliteBulkWriter.open(store, writerOptions) : await PostgresBulkWriter.open(store, writerOptions);
  const quarantine = options.quarantine === undefined ? undefined : new QuarantineFile(options.quarantine);

  const totals = { rows: 0, people: 0, facts: 0, unchanged: 0, retractions: 0, rejectedRows: 0, batches: 0 };
  const shown: Rejection[] = [];
  // Set from within `reject`: a property, so that the compiler does not take it for a constant.
  const state = { refusedFile: false, committed: false };
  const reject = async (rejections: readonly Rejection[]): Promise<void> => {
    if (rejections.length === 0) return;
    totals.rejectedRows += new Set(rejections.map((r) => r.line)).size;
    for (const r of rejections) if (shown.length < SHOWN_REJECTIONS) shown.push(r);
    await quarantine?.add(rejections);
    if (options.allOrNothing) state.refusedFile = true;
  };

  const source: AsyncIterable<Produced> = parallel ? produceInWorker(produceOptions) : produceBatches(produceOptions);
  try {
    for await (const produced of source) {
      totals.rows = produced.rows;
      if (produced.kind === 'batch') {
        const rejections = produced.rejects;
        const writing = !state.refusedFile && !(options.allOrNothing && rejections.length > 0);
        if (writing && (produced.batch.rowLine.length > 0 || produced.batch.factRow.length > 0)) {
          const outcome = await writer.write(produced.batch);
          totals.batches += 1;
          totals.people += outcome.people;
          totals.facts += outcome.facts;
          totals.unchanged += outcome.unchanged;
          totals.retractions += outcome.retractions;
          if (outcome.refused.length > 0) {
            const batch = unpackBatch(produced.batch);
            for (const r of outcome.refused) rejections.push(refusedRejection(batch, r, options.format));
          }
        }
        // In file order, whichever side refused them.
        await reject(rejections.sort((a, b) => a.line - b.line));
      }
      options.onProgress?.({ bytesRead: produced.bytesRead, totalBytes, rows: totals.rows, facts: totals.facts + totals.unchanged, rejectedRows: totals.rejectedRows });
    }
    state.committed = !state.refusedFile;
    await writer.finish(state.committed);
  } catch (error) {
    if (error instanceof FileFormatError) {
      const issues: InputIssue[] = [{ record: `line ${error.line}`, field: '-', reason: error.message }];
      if (!options.allOrNothing && totals.batches > 0) {
        issues.push({ record: 'file', field: '-', reason: `rows before line ${error.line} were imported: ${totals.people} people, ${totals.facts} facts` });
      }
      throw new InvalidInputError(issues);
    }
    throw error;
  } finally {
    await writer.close();
    await quarantine?.close();
  }
  const kept = state.committed || !options.allOrNothing;
  return {
    rows: totals.rows,
    people: kept ? totals.people : 0,
    facts: kept ? totals.facts : 0,
    unchanged: kept ? totals.unchanged : 0,
    retractions: kept ? totals.retractions : 0,
    rejectedRows: totals.rejectedRows,
    batches: totals.batches,
    committed: kept,
    firstRejections: shown,
  };
}

/** A row the store refused, named as the file names it, with the row as it would have been stored. */
function refusedRejection(batch: Batch, refused: RefusedRow, format: FileFormat): Rejection {
  const line = batch.rowLine[refused.row]!;
  const person = batch.rowPerson[refused.row]!;
  const { width, body } = batch.kind === 'person' ? PERSON_ROW : PROGRAM_ROW;
  const facts: (PersonFact | ProgramFact)[] = [];
  batch.factRow.forEach((row, fact) => {
    if (row !== refused.row) return;
    const parsed = JSON.parse(batch.values[fact * width + body] as string) as PersonFact | ProgramFact;
    const at = batch.retractedAt[fact]!;
    facts.push(Number.isNaN(at) ? parsed : { ...parsed, retractedAt: at });
  });
  const raw =
    format === 'csv'
      ? facts.map((f) => csvLine(batch.kind === 'person' ? personFactRow(person, f as PersonFact, true) : programFactRow(f as ProgramFact, true)).slice(0, -1)).join('\n')
      : facts.map((f) => JSON.stringify(batch.kind === 'person' ? { personId: person, ...interchangeFact(f) } : interchangeFact(f))).join('\n');
  const who = batch.kind === 'person' ? `line ${line}, person "${person}"` : `line ${line}`;
  const record = refused.factId === null ? who : `${who}, fact "${refused.factId}"`;
  return { line, record, field: refused.field, reason: refused.reason, raw };
}
