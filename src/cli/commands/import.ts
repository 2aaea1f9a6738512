/**
 * `repatria import --people FILE | --facts FILE | --program FILE`: CSV (one layout per kind
 * of fact, src/ingest/README.md), JSON lines, or a JSON array of programme facts. Streamed:
 * a file of any size is read a chunk at a time, validated row by row, and written in
 * batches (src/ingest).
 *
 * Without `--quarantine`, the import is all-or-nothing, as the original door was: one bad
 * row refuses the file, naming the row, and nothing of it is stored. With
 * `--quarantine FILE`, refused rows go to that file with their line, field and reason, and
 * the valid rows are committed batch by batch (`--all-or-nothing` keeps the file's rows out
 * unless every one is valid). Re-running an import stores nothing twice (idempotent by id).
 */
import { randomUUID } from 'node:crypto';
import { basename, extname } from 'node:path';
import { acting } from '../../application/authorize.js';
import { operationsConfig } from '../../application/config.js';
import { operations } from '../../application/operations.js';
import { operationsStore } from '../../store/operations-store.js';
import { InvalidInputError, type InputIssue } from '../../contract/input-issue.js';
import { importFile, type ImportSummary } from '../../ingest/import-file.js';
import type { FileFormat } from '../../ingest/produce.js';
import type { JsonShape } from '../../ingest/rows.js';
import { PartialSuccess, UsageError } from '../exit.js';
import type { CliIo } from '../io.js';
import { positiveInt } from '../options.js';
import { ProgressBar } from '../progress.js';
import { CLI_ACTOR, seedReference } from '../reference-seed.js';
import { withNewOrExistingStore, type StoreConfig } from '../store-config.js';
import { existsSync } from 'node:fs';

export interface ImportCliOptions {
  readonly people?: string | undefined;
  readonly facts?: string | undefined;
  readonly program?: string | undefined;
  readonly format?: string | undefined;
  readonly quarantine?: string | undefined;
  readonly allOrNothing?: boolean | undefined;
  readonly batchSize?: string | undefined;
  /** true/false from --progress/--no-progress; undefined: only when stderr is a terminal. */
  readonly progress?: boolean | undefined;
  readonly store: StoreConfig;
}

/** Facts per batch: one transaction and one event each. */
export const DEFAULT_BATCH_FACTS = 50_000;
const FORMATS: readonly FileFormat[] = ['csv', 'jsonl', 'json'];
/** Problems printed when a file is refused; all of them are in the quarantine file. */
const PRINTED_ISSUES = 20;

/** The format: as given, or from the extension; JSON lines for people and facts, a JSON array for programme facts. */
function formatOf(file: string, shape: JsonShape, given: string | undefined): FileFormat {
  if (given !== undefined) {
    if (!(FORMATS as readonly string[]).includes(given)) throw new UsageError(`option --format: "${given}" is not one of ${FORMATS.join(', ')}`);
    return given as FileFormat;
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return shape === 'program' ? 'json' : 'jsonl';
}

function refusedError(summary: ImportSummary, quarantine: string | undefined): InvalidInputError {
  const issues: InputIssue[] = summary.firstRejections.slice(0, PRINTED_ISSUES).map((r) => ({ record: r.record, field: r.field, reason: r.reason }));
  const more = summary.rejectedRows - new Set(summary.firstRejections.slice(0, PRINTED_ISSUES).map((r) => r.line)).size;
  if (more > 0) {
    issues.push({ record: 'file', field: '-', reason: `${more.toLocaleString('en-US')} more rows refused${quarantine === undefined ? ' (give --quarantine FILE to list them all)' : ` (all listed in ${quarantine})`}` });
  }
  issues.push({ record: 'file', field: '-', reason: 'nothing of the file was stored' });
  return new InvalidInputError(issues);
}

export async function runImport(
  opts: ImportCliOptions,
  io: CliIo,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<void> {
  const given = [
    ['people', opts.people],
    ['facts', opts.facts],
    ['program', opts.program],
  ].filter((entry): entry is [JsonShape, string] => entry[1] !== undefined);
  if (given.length !== 1) throw new UsageError('give exactly one of --people FILE, --facts FILE or --program FILE');
  const [shape, file] = given[0]!;
  if (!existsSync(file)) throw new UsageError(`cannot read ${file}: no such file`);
  const format = formatOf(file, shape, opts.format);
  if (format === 'json' && shape === 'facts') throw new UsageError('--facts takes CSV or JSON lines, not a JSON array');
  const batchFacts = positiveInt('--batch-size', opts.batchSize, DEFAULT_BATCH_FACTS);
  const allOrNothing = opts.allOrNothing === true || opts.quarantine === undefined;
  const showProgress = opts.progress ?? io.errIsTerminal === true;
  const bar = showProgress ? new ProgressBar(io.err, io.now) : undefined;
  let last = { bytesRead: 0, totalBytes: 0, rows: 0, rejectedRows: 0 };

  const summary = await withNewOrExistingStore(opts.store, io.now, async (store) => {
    await seedReference(store);
    const result = await importFile(store, {
      file,
      format,
      shape,
      allOrNothing,
      quarantine: opts.quarantine,
      batchFacts,
      parallel: 'auto',
      actor: CLI_ACTOR,
      clock: io.now,
      onNotice: io.err,
      onProgress: (p) => {
        last = p;
        bar?.update(p);
      },
    });
    // The bulk path writes past the manifest service: re-decide open manifests now, so that
    // an imported stay or protection strikes people as a recorded one does.
    if (result.facts > 0) {
      const ops = operations({ store: operationsStore(store), clock: io.now, newId: randomUUID, config: operationsConfig(env) });
      const { struck } = await ops.recheckOpenManifests(acting(CLI_ACTOR.id, CLI_ACTOR.role), `importing ${basename(file)}`);
      for (const s of struck) io.err(`struck ${s.personId} from manifest ${s.manifestId}: ${s.reasons.map((r) => r.code).join(', ')}\n`);
    }
    return result;
  });
  bar?.done(last);

  if (!summary.committed) throw refusedError(summary, opts.quarantine);
  if (shape === 'program') io.out(`imported ${summary.facts} programme facts (${summary.unchanged} already stored)\n`);
  else io.out(`imported ${summary.people} people and ${summary.facts} facts (${summary.unchanged} facts already stored)\n`);
  if (summary.rejectedRows > 0) {
    throw new PartialSuccess(
      `refused ${summary.rejectedRows.toLocaleString('en-US')} of ${summary.rows.toLocaleString('en-US')} rows: see ${opts.quarantine ?? 'the quarantine file'} (line, field and reason of each)`,
    );
  }
}
