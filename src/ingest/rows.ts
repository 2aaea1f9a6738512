/**
 * Rows of a file to facts: each row is validated on its own (zod, through the contract's
 * fact schemas) and either accepted into the batch being built or refused with its line,
 * field and reason. Nothing here touches the store; checks that need it (an id already
 * stored with other content) are the writer's.
 */
import { z } from 'zod';
import { parsePersonFact, parseProgramFact } from '../contract/fact-schema.js';
import { formatInstant, type Instant } from '../domain/dates.js';
import type { Fact, PersonFact } from '../domain/facts.js';
import type { BatchBuilder } from './batch-builder.js';
import { clip, csvLine, unneutralise } from './csv-cells.js';
import { CsvHeader, rowToFact, type FactLayout } from './csv-layout.js';
import { unknownDesignation } from './designations.js';
import { FastPersonFacts } from './fast-fact.js';
import type { CsvRecordSink } from './csv-reader.js';
import type { LineSink } from './line-reader.js';
import { FileFormatError } from './text-source.js';

/** What the rows are checked against, besides their own content. */
export interface RowContext {
  /** Designations with a record in the store: a TPS grant must name one. */
  readonly knownDesignations: ReadonlySet<string>;
  /** Programme fact ids: person facts share their id space. */
  readonly programFactIds: ReadonlySet<string>;
  /**
   * When the import began. A fact recorded or retracted later would be stored as not yet
   * known: left out of every answer as known now, a departure check included, until that
   * moment came. Such a date is a mistake in the file (a typed 2062 for 2026), refused.
   */
  readonly startedAt: Instant;
  /** Set once the file is known to hold bytes that are not UTF-8 (see text-source.ts). */
  invalidUtf8: boolean;
  /** Data rows read (not counting the header or blank lines). */
  rows: number;
}

const INVALID_UTF8 = 'holds bytes that are not valid UTF-8 (shown as U+FFFD); save the file as UTF-8';

/** A person id: the store's people are keyed by it; the same bounds as a fact id. */
const MAX_PERSON_ID = 1000;
const personIdSchema = z.string().min(1, 'must not be empty').max(MAX_PERSON_ID, 'is longer than 1,000 characters');

const issueText = (issue: { message: string } | undefined): string => issue?.message ?? 'is not valid';

/** The names of a file's fields that the checks below name in their refusals. */
interface FieldNames {
  readonly id: string;
  readonly recordedAt: string;
  readonly retractedAt: string;
}

const CSV_FIELDS: FieldNames = { id: 'fact_id', recordedAt: 'recorded_at', retractedAt: 'retracted_at' };
const JSON_FIELDS: FieldNames = { id: 'id', recordedAt: 'recordedAt', retractedAt: 'retractedAt' };

type Issue = { field: string; reason: string } | undefined;

const afterStart = (what: string, at: Instant, startedAt: Instant): string =>
  `is ${formatInstant(at)}, after this import began (${formatInstant(startedAt)}); a fact cannot be ${what} in the future`;

/** Every fact: recorded and retracted before the import began. */
function timeIssues(fact: Fact, ctx: RowContext, names: FieldNames): Issue {
  const { startedAt } = ctx;
  if (fact.recordedAt > startedAt)
    return { field: names.recordedAt, reason: afterStart('recorded', fact.recordedAt, startedAt) };
  if (fact.retractedAt !== undefined && fact.retractedAt > startedAt)
    return { field: names.retractedAt, reason: afterStart('withdrawn', fact.retractedAt, startedAt) };
  return undefined;
}

/** The checks every person fact gets besides its schema: its times, a known designation, an id not taken by a programme fact. */
function personFactIssues(fact: PersonFact, ctx: RowContext, names: FieldNames): Issue {
  const time = timeIssues(fact, ctx, names);
  if (time !== undefined) return time;
  const designation = unknownDesignation(fact, ctx.knownDesignations);
  if (designation !== undefined) return designation;
  if (ctx.programFactIds.has(fact.id)) return { field: names.id, reason: 'is already recorded as a programme fact' };
  return undefined;
}

// ------------------------------------------------------------------ CSV

/** The record name of a CSV row, built only when a row is refused. */
function csvRecord(line: number, personId: string | undefined, factId: string | undefined): string {
  let record = `line ${line}`;
  if (personId !== undefined) record += `, person "${personId}"`;
  if (factId !== undefined && factId !== '') record += `, fact "${factId}"`;
  return record;
}

/** Reads CSV records of one layout into a batch builder. The first record is the header. */
export class CsvRows implements CsvRecordSink {
  private header: CsvHeader | undefined;
  /** The fast path of this header's person rows (fast-fact.ts). */
  private fast: FastPersonFacts | undefined;
  /** The last person id found valid: a person's rows come together, and are checked once. */
  private validPerson: string | undefined;

  constructor(
    private readonly layout: FactLayout,
    private readonly builder: BatchBuilder,
    private readonly ctx: RowContext,
  ) {}

  record(fields: string[], line: number): void {
    const header = this.header;
    if (header === undefined) {
      const read = CsvHeader.read(this.layout, fields);
      if (!read.ok) throw new FileFormatError(line, `header: ${read.reason}`);
      this.header = read.header;
      if (this.layout === 'person') this.fast = new FastPersonFacts(read.header);
      return;
    }
    this.ctx.rows += 1;
    if (fields.length !== header.width) {
      this.refuse(fields, line, csvRecord(line, undefined, undefined), '-', `has ${fields.length} fields; the header has ${header.width} (a missing or extra comma, or another separator?)`);
      return;
    }
    for (let i = 0; i < fields.length; i += 1) {
      const cell = fields[i]!;
      if (cell.charCodeAt(0) === 39) fields[i] = unneutralise(cell);
      if (this.ctx.invalidUtf8 && cell.includes('\uFFFD')) {
        this.refuse(fields, line, csvRecord(line, undefined, undefined), header.columns[i]!, INVALID_UTF8);
        return;
      }
    }
    if (this.layout === 'person') this.personRow(header, fields, line);
    else this.programRow(header, fields, line);
  }

  error(line: number, reason: string): void {
    if (this.header === undefined) throw new FileFormatError(line, `header: ${reason}`);
    this.ctx.rows += 1;
    this.builder.reject({ line, record: `line ${line}`, field: '-', reason, raw: '' });
  }

  /** Reading ended: a file without even a header is refused. */
  end(): void {
    if (this.header === undefined) throw new FileFormatError(1, 'the file is empty; it needs a header line');
  }

  private personRow(header: CsvHeader, fields: string[], line: number): void {
    const personId = fields[header.personIndex]!;
    if (personId !== this.validPerson) {
      // The schema's bounds checked here first: a person's rows come together, but a million
      // people still make a million checks.
      const checked = personId.length >= 1 && personId.length <= MAX_PERSON_ID ? { success: true as const } : personIdSchema.safeParse(personId);
      if (!checked.success) {
        this.refuse(fields, line, csvRecord(line, undefined, undefined), 'person_id', issueText(checked.error.issues[0]));
        return;
      }
      this.validPerson = personId;
    }
    const type = header.typeIndex < 0 ? '' : fields[header.typeIndex]!;
    const id = header.idIndex < 0 ? '' : fields[header.idIndex]!;
    if (type === '' && id === '') {
      // A row that lists a person and no fact: every other cell must be empty.
      const filled = fields.findIndex((f, i) => i !== header.personIndex && f !== '');
      if (filled >= 0) {
        this.refuse(fields, line, csvRecord(line, personId, undefined), header.columns[filled]!, 'is filled on a row with no fact_id and type (a row listing a person only)');
        return;
      }
      this.accept(fields, line, personId, []);
      return;
    }
    const fast = this.fast?.read(type, id, fields);
    if (fast !== undefined) {
      const problem = personFactIssues(fast, this.ctx, CSV_FIELDS);
      if (problem === undefined) {
        this.accept(fields, line, personId, [fast]);
        return;
      }
    }
    const plan = header.plan(type);
    if (plan === undefined) {
      const parsed = parsePersonFact({ id, type });
      this.refuse(fields, line, csvRecord(line, personId, id), 'type', parsed.ok ? 'is not a person fact type' : parsed.issues[0]!.reason);
      return;
    }
    const interchange = rowToFact(header, plan, type, fields);
    if (!interchange.ok) {
      this.refuse(fields, line, csvRecord(line, personId, id), interchange.column, interchange.reason);
      return;
    }
    const parsed = parsePersonFact(interchange.fact);
    if (!parsed.ok) {
      const record = csvRecord(line, personId, id);
      for (const issue of parsed.issues) this.refuse(fields, line, record, header.columnFor(type, issue.field), issue.reason);
      return;
    }
    const problem = personFactIssues(parsed.value, this.ctx, CSV_FIELDS);
    if (problem !== undefined) {
      this.refuse(fields, line, csvRecord(line, personId, id), problem.field, problem.reason);
      return;
    }
    this.accept(fields, line, personId, [parsed.value]);
  }

  private programRow(header: CsvHeader, fields: string[], line: number): void {
    const id = fields[header.idIndex]!;
    const type = fields[header.typeIndex]!;
    const plan = header.plan(type);
    if (plan === undefined) {
      const parsed = parseProgramFact({ id, type });
      this.refuse(fields, line, csvRecord(line, undefined, id), 'type', parsed.ok ? 'is not a programme fact type' : parsed.issues[0]!.reason);
      return;
    }
    const interchange = rowToFact(header, plan, type, fields);
    if (!interchange.ok) {
      this.refuse(fields, line, csvRecord(line, undefined, id), interchange.column, interchange.reason);
      return;
    }
    const parsed = parseProgramFact(interchange.fact);
    if (!parsed.ok) {
      const record = csvRecord(line, undefined, id);
      for (const issue of parsed.issues) this.refuse(fields, line, record, header.columnFor(type, issue.field), issue.reason);
      return;
    }
    const time = timeIssues(parsed.value, this.ctx, CSV_FIELDS);
    if (time !== undefined) {
      this.refuse(fields, line, csvRecord(line, undefined, id), time.field, time.reason);
      return;
    }
    this.accept(fields, line, '', [parsed.value]);
  }

  private accept(fields: readonly string[], line: number, personId: string, facts: readonly Fact[]): void {
    const result = this.builder.accept(line, personId, facts);
    if (result.refused) this.refuse(fields, line, csvRecord(line, personId === '' ? undefined : personId, facts[0]?.id), result.field, result.reason);
  }

  private refuse(fields: readonly string[], line: number, record: string, field: string, reason: string): void {
    this.builder.reject({ line, record, field, reason, raw: clip(csvLine(fields).slice(0, -1)) });
  }
}

// ------------------------------------------------------------------ JSON lines

export type JsonShape = 'people' | 'facts' | 'program';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads JSON lines: `people` (`{"id","facts":[…]}` a line, the original door's format),
 * `facts` (one person fact a line with its `personId`) or `program` (one programme fact a line).
 */
export class JsonLineRows implements LineSink {
  constructor(
    private readonly shape: JsonShape,
    private readonly builder: BatchBuilder,
    private readonly ctx: RowContext,
  ) {}

  line(text: string, line: number): void {
    if (text.trim() === '') return;
    this.ctx.rows += 1;
    const where = `line ${line}`;
    if (this.ctx.invalidUtf8 && text.includes('\uFFFD')) {
      this.refuse(line, where, '-', INVALID_UTF8, text);
      return;
    }
    // PostgreSQL text cannot hold NUL; SQLite can. Refused everywhere, so both stores agree.
    if (text.includes('\\u0000')) {
      this.refuse(line, where, '-', 'holds a NUL character (\\u0000), which no text field may contain', text);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.refuse(line, where, '-', `malformed JSON: ${(error as Error).message}`, text);
      return;
    }
    this.element(value, line, where, text);
  }

  tooLong(line: number): void {
    this.ctx.rows += 1;
    this.refuse(line, `line ${line}`, '-', 'the line is too long to be a record (over 1,000,000 characters)', '');
  }

  /** One record, from a line or from an element of a JSON array (`where` says which). */
  element(value: unknown, line: number, where: string, text: string): void {
    switch (this.shape) {
      case 'people':
        this.person(value, line, where, text);
        return;
      case 'facts':
        this.fact(value, line, where, text);
        return;
      case 'program': {
        const parsed = parseProgramFact(value, `${where}, `);
        if (!parsed.ok) {
          for (const issue of parsed.issues) this.refuse(line, issue.record, issue.field, issue.reason, text);
          return;
        }
        const time = timeIssues(parsed.value, this.ctx, JSON_FIELDS);
        if (time !== undefined) {
          this.refuse(line, `${where}, fact "${parsed.value.id}"`, time.field, time.reason, text);
          return;
        }
        this.accept(line, where, '', [parsed.value], text);
        return;
      }
      default: {
        const unknown: never = this.shape;
        throw new Error(`unknown shape ${String(unknown)}`);
      }
    }
  }

  private person(value: unknown, line: number, where: string, text: string): void {
    const id = isObject(value) ? value.id : undefined;
    if (!isObject(value) || typeof id !== 'string' || id === '') {
      this.refuse(line, where, 'id', 'a person needs a non-empty string id', text);
      return;
    }
    const record = `${where}, person "${id}"`;
    const checked = personIdSchema.safeParse(id);
    if (!checked.success) {
      this.refuse(line, record, 'id', issueText(checked.error.issues[0]), text);
      return;
    }
    // A person line is its id and its facts: anything else would be dropped unread.
    const extra = Object.keys(value).filter((key) => key !== 'id' && key !== 'facts');
    if (extra.length > 0) {
      for (const key of extra) this.refuse(line, record, key, 'unknown field (a person line has id and facts)', text);
      return;
    }
    if (!Array.isArray(value.facts)) {
      this.refuse(line, record, 'facts', 'must be an array of person facts', text);
      return;
    }
    const facts: Fact[] = [];
    let refused = false;
    for (const raw of value.facts as unknown[]) {
      const parsed = parsePersonFact(raw, `${record}, `);
      if (!parsed.ok) {
        for (const issue of parsed.issues) this.refuse(line, issue.record, issue.field, issue.reason, text);
        refused = true;
        continue;
      }
      const problem = personFactIssues(parsed.value, this.ctx, JSON_FIELDS);
      if (problem !== undefined) {
        this.refuse(line, `${record}, fact "${parsed.value.id}"`, problem.field, problem.reason, text);
        refused = true;
        continue;
      }
      facts.push(parsed.value);
    }
    if (!refused) this.accept(line, record, id, facts, text);
  }

  private fact(value: unknown, line: number, where: string, text: string): void {
    const personId = isObject(value) ? value.personId : undefined;
    const checked = personIdSchema.safeParse(personId);
    if (!checked.success) {
      this.refuse(line, where, 'personId', typeof personId === 'string' ? issueText(checked.error.issues[0]) : 'a fact needs the string personId of its person', text);
      return;
    }
    const record = `${where}, person "${checked.data}"`;
    // personId says whose fact it is; the fact itself is the rest, which the schema reads strictly.
    const fact: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    delete fact.personId;
    const parsed = parsePersonFact(fact, `${record}, `);
    if (!parsed.ok) {
      for (const issue of parsed.issues) this.refuse(line, issue.record, issue.field, issue.reason, text);
      return;
    }
    const problem = personFactIssues(parsed.value, this.ctx, JSON_FIELDS);
    if (problem !== undefined) {
      this.refuse(line, `${record}, fact "${parsed.value.id}"`, problem.field, problem.reason, text);
      return;
    }
    this.accept(line, record, checked.data, [parsed.value], text);
  }

  private accept(line: number, record: string, personId: string, facts: readonly Fact[], text: string): void {
    const result = this.builder.accept(line, personId, facts);
    if (result.refused) this.refuse(line, record, result.field, result.reason, text);
  }

  private refuse(line: number, record: string, field: string, reason: string, text: string): void {
    this.builder.reject({ line, record, field, reason, raw: clip(text) });
  }
}
