/**
 * The reading side of an import: a file, read chunk by chunk, turned into batches of
 * accepted rows and the rows refused. It holds one chunk, one unfinished record and the
 * batch being built, whatever the size of the file.
 */
import { readFile, stat } from 'node:fs/promises';
import type { PackedBatch, Rejection, RowKind } from './batch.js';
import { BatchBuilder } from './batch-builder.js';
import { CsvReader } from './csv-reader.js';
import { LineReader } from './line-reader.js';
import { CsvRows, JsonLineRows, type JsonShape, type RowContext } from './rows.js';
import { FileFormatError, readText } from './text-source.js';

export type FileFormat = 'csv' | 'jsonl' | 'json';

export interface ProduceOptions {
  readonly file: string;
  readonly format: FileFormat;
  /** What the rows are: people with their facts, person facts, or programme facts. */
  readonly shape: JsonShape;
  /** Facts per batch (one transaction and one event each). */
  readonly batchFacts: number;
  readonly knownDesignations: readonly string[];
  readonly programFactIds: readonly string[];
  /** When the import began (epoch ms): no fact may be recorded or retracted later. */
  readonly startedAt: number;
}

export type Produced =
  | { readonly kind: 'batch'; readonly batch: PackedBatch; readonly rejects: Rejection[]; readonly bytesRead: number; readonly rows: number }
  | { readonly kind: 'end'; readonly bytesRead: number; readonly rows: number };

/** Longest record (CSV) or line (JSON lines) read; longer ones are refused without being held. */
export const MAX_RECORD_CHARS = 1_000_000;
/** A JSON array is read whole: programme files are small; larger data belongs in JSON lines. */
const MAX_JSON_ARRAY_BYTES = 64 * 1024 * 1024;

export const rowKindOf = (shape: JsonShape): RowKind => (shape === 'program' ? 'program' : 'person');

/**
 * `recycled`: batches the writing side is done with, given back (parse-worker.ts); each is
 * taken as the next batch's memory.
 */
export async function* produceBatches(options: ProduceOptions, recycled: PackedBatch[] = []): AsyncGenerator<Produced> {
  const { file, format, shape } = options;
  const ctx: RowContext = {
    knownDesignations: new Set(options.knownDesignations),
    programFactIds: new Set(options.programFactIds),
    startedAt: options.startedAt,
    invalidUtf8: false,
    rows: 0,
  };
  const builder = new BatchBuilder(rowKindOf(shape), options.batchFacts, shape === 'people' && format !== 'csv');
  const produced = (bytesRead: number): Produced[] => {
    for (let given = recycled.pop(); given !== undefined; given = recycled.pop()) builder.recycle(given);
    return builder.takeDone().map(({ batch, rejects }) => ({ kind: 'batch', batch, rejects, bytesRead, rows: ctx.rows }));
  };

  if (format === 'json') {
    yield* readJsonArray(file, shape, builder, ctx);
    return;
  }

  let bytesRead = 0;
  let csvRows: CsvRows | undefined;
  let push: (text: string) => void;
  let end: () => void;
  if (format === 'csv') {
    csvRows = new CsvRows(shape === 'program' ? 'program' : 'person', builder, ctx);
    const reader = new CsvReader(csvRows, MAX_RECORD_CHARS);
    push = (text) => {
      reader.push(text);
    };
    end = () => {
      reader.end();
    };
  } else {
    const reader = new LineReader(new JsonLineRows(shape, builder, ctx), MAX_RECORD_CHARS);
    push = (text) => {
      reader.push(text);
    };
    end = () => {
      reader.end();
    };
  }
  for await (const chunk of readText(file)) {
    ctx.invalidUtf8 = chunk.invalidUtf8;
    bytesRead = chunk.bytesRead;
    push(chunk.text);
    yield* produced(bytesRead);
  }
  end();
  csvRows?.end();
  for (const { batch, rejects } of builder.finish()) yield { kind: 'batch', batch, rejects, bytesRead, rows: ctx.rows };
  yield { kind: 'end', bytesRead, rows: ctx.rows };
}

async function* readJsonArray(file: string, shape: JsonShape, builder: BatchBuilder, ctx: RowContext): AsyncGenerator<Produced> {
  const { size } = await stat(file);
  if (size > MAX_JSON_ARRAY_BYTES) {
    throw new FileFormatError(1, `a JSON array over ${MAX_JSON_ARRAY_BYTES / 1024 / 1024} MB is not read whole; give the records as JSON lines (.jsonl)`);
  }
  const bytes = await readFile(file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new FileFormatError(1, 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8');
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FileFormatError(1, `malformed JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) throw new FileFormatError(1, `must be a JSON array of ${shape === 'program' ? 'programme facts' : 'records'}`);
  const rows = new JsonLineRows(shape, builder, ctx);
  ctx.invalidUtf8 = text.includes('\uFFFD');
  (value as unknown[]).forEach((element, i) => {
    ctx.rows += 1;
    rows.element(element, i + 1, `element ${i + 1}`, JSON.stringify(element));
  });
  for (const { batch, rejects } of builder.finish()) yield { kind: 'batch', batch, rejects, bytesRead: size, rows: ctx.rows };
  yield { kind: 'end', bytesRead: size, rows: ctx.rows };
}
