/**
 * The CSV layouts of facts (src/ingest/README.md): one long layout for person facts and one
 * for programme facts, a row per fact, the columns each type uses named in one table.
 *
 * A CSV row is turned into the interchange object of the spec (the same one JSON lines
 * carry) and validated by the contract's zod schema, so that CSV, JSON, the CLI and the API
 * share one truth about what a valid fact is. Only the mapping lives here: column names,
 * which columns a type uses, and how a cell becomes a JSON value (`true`/`false`, whole
 * numbers, `;`-separated lists).
 */
import { formatDay, formatInstant } from '../domain/dates.js';
import type { PersonFact, PersonFactType, ProgramFact, ProgramFactType } from '../domain/facts.js';

export type CellKind = 'text' | 'bool' | 'int' | 'list';

/** A column beyond the ones every fact has: the interchange field it fills and how. */
interface ColumnSpec {
  readonly field: string;
  readonly kind: CellKind;
}

/** Columns every fact row has, with the field each fills. */
const COMMON: Readonly<Record<string, string>> = {
  fact_id: 'id',
  type: 'type',
  recorded_at: 'recordedAt',
  retracted_at: 'retractedAt',
};

export const PERSON_CSV_COLUMNS = [
  'person_id',
  'fact_id',
  'type',
  'recorded_at',
  'retracted_at',
  'from',
  'through',
  'country',
  'kind',
  'stay',
  'designation',
  'facility',
  'served_on',
  'counsel',
  'group',
  'resolution',
  'resolved_on',
] as const;

export const PROGRAM_CSV_COLUMNS = [
  'fact_id',
  'type',
  'recorded_at',
  'retracted_at',
  'from',
  'through',
  'designation',
  'country',
  'citation',
  'criteria_nationality',
  'criteria_facility',
  'weekly_cap',
  'requires_travel_document',
  'transport',
] as const;

const PERSON_COLUMN_SPECS: Readonly<Record<string, ColumnSpec>> = {
  from: { field: 'from', kind: 'text' },
  through: { field: 'through', kind: 'text' },
  country: { field: 'country', kind: 'text' },
  kind: { field: 'kind', kind: 'text' },
  stay: { field: 'stay', kind: 'bool' },
  designation: { field: 'designation', kind: 'text' },
  facility: { field: 'facility', kind: 'text' },
  served_on: { field: 'servedOn', kind: 'text' },
  counsel: { field: 'counsel', kind: 'bool' },
  group: { field: 'group', kind: 'text' },
  resolution: { field: 'resolution', kind: 'text' },
  resolved_on: { field: 'resolvedOn', kind: 'text' },
};

const PROGRAM_COLUMN_SPECS: Readonly<Record<string, ColumnSpec>> = {
  from: { field: 'from', kind: 'text' },
  through: { field: 'through', kind: 'text' },
  designation: { field: 'designation', kind: 'text' },
  country: { field: 'country', kind: 'text' },
  citation: { field: 'citation', kind: 'text' },
  criteria_nationality: { field: 'criteria.nationality', kind: 'list' },
  criteria_facility: { field: 'criteria.facility', kind: 'list' },
  weekly_cap: { field: 'weeklyCap', kind: 'int' },
  requires_travel_document: { field: 'requiresTravelDocument', kind: 'bool' },
  transport: { field: 'transport', kind: 'text' },
};

/** The columns each person fact type uses, beyond fact_id, type, recorded_at and retracted_at. */
export const PERSON_TYPE_COLUMNS: Readonly<Record<PersonFactType, readonly string[]>> = {
  nationality: ['country'],
  final_order: ['kind', 'from', 'through'],
  appeal: ['stay', 'from', 'through'],
  stay: ['from', 'through'],
  tps: ['designation', 'from', 'through'],
  protection: ['kind', 'country', 'from', 'through'],
  lawful_status: ['kind', 'from', 'through'],
  citizenship_claim: ['country', 'from', 'resolution', 'resolved_on'],
  travel_document: ['country', 'from', 'through'],
  hold: ['kind', 'from', 'through'],
  custody: ['facility', 'from', 'through'],
  notice: ['served_on', 'counsel'],
  family: ['group'],
};

/** The columns each programme fact type uses, beyond fact_id, type, recorded_at and retracted_at. */
export const PROGRAM_TYPE_COLUMNS: Readonly<Record<ProgramFactType, readonly string[]>> = {
  tps_designation: ['designation', 'country', 'from', 'through', 'citation'],
  class_order: ['criteria_nationality', 'criteria_facility', 'from', 'through', 'citation'],
  return_agreement: ['country', 'from', 'through', 'weekly_cap', 'requires_travel_document', 'transport'],
};

export type FactLayout = 'person' | 'program';

/** A cell read from the header's position, prepared once per type for a given header. */
interface Cell {
  readonly index: number;
  readonly column: string;
  readonly field: string;
  readonly kind: CellKind;
}

interface TypePlan {
  readonly cells: readonly Cell[];
  /** Columns of the header this type does not use: they must be empty. */
  readonly unused: readonly { readonly index: number; readonly column: string }[];
  /** Interchange field (as zod reports its path) to CSV column, for messages. */
  readonly columnOf: ReadonlyMap<string, string>;
}

/** The outcome of reading a header line. */
export type HeaderCheck = { readonly ok: true; readonly header: CsvHeader } | { readonly ok: false; readonly reason: string };

/** A header, checked, with per-type plans of where each cell is. */
export class CsvHeader {
  readonly width: number;
  /** Position of person_id (person layout only; -1 otherwise). */
  readonly personIndex: number;
  readonly idIndex: number;
  readonly typeIndex: number;
  private readonly plans = new Map<string, TypePlan>();
  private readonly common: readonly Cell[];

  constructor(
    readonly layout: FactLayout,
    readonly columns: readonly string[],
  ) {
    this.width = columns.length;
    const at = (name: string): number => columns.indexOf(name);
    this.personIndex = at('person_id');
    this.idIndex = at('fact_id');
    this.typeIndex = at('type');
    this.common = Object.entries(COMMON)
      .map(([column, field]) => ({ index: at(column), column, field, kind: 'text' as const }))
      .filter((c) => c.index >= 0 && c.column !== 'type');
    const specs = layout === 'person' ? PERSON_COLUMN_SPECS : PROGRAM_COLUMN_SPECS;
    const types: Readonly<Record<string, readonly string[]>> = layout === 'person' ? PERSON_TYPE_COLUMNS : PROGRAM_TYPE_COLUMNS;
    for (const [type, used] of Object.entries(types)) {
      const cells: Cell[] = [...this.common];
      const columnOf = new Map<string, string>(Object.entries(COMMON).map(([column, field]) => [field, column]));
      for (const column of used) {
        const spec = specs[column]!;
        columnOf.set(spec.field, column);
        const index = at(column);
        if (index >= 0) cells.push({ index, column, field: spec.field, kind: spec.kind });
      }
      if (layout === 'program' && type === 'class_order') columnOf.set('criteria', 'criteria_nationality');
      const unused = columns
        .map((column, index) => ({ index, column }))
        .filter(({ column }) => !(column in COMMON) && column !== 'person_id' && !used.includes(column));
      this.plans.set(type, { cells, unused, columnOf });
    }
  }

  /** Checks a header line: known columns, none twice, the required ones present. */
  static read(layout: FactLayout, fields: readonly string[]): HeaderCheck {
    const known: readonly string[] = layout === 'person' ? PERSON_CSV_COLUMNS : PROGRAM_CSV_COLUMNS;
    const columns = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim());
    if (columns.length === 1) {
      const only = columns[0]!;
      const separator = [';', '\t', '|'].find((s) => only.includes(s));
      if (separator !== undefined) {
        const name = separator === '\t' ? 'tabs' : `"${separator}"`;
        return { ok: false, reason: `the header is separated by ${name}, not commas; save the file as comma-separated CSV` };
      }
    }
    const unknown = columns.filter((c) => !known.includes(c));
    if (unknown.length > 0) {
      return {
        ok: false,
        reason: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => JSON.stringify(c)).join(', ')}; the ${layout} layout has ${known.join(', ')}`,
      };
    }
    const twice = columns.find((c, i) => columns.indexOf(c) !== i);
    if (twice !== undefined) return { ok: false, reason: `column "${twice}" appears twice` };
    const required = layout === 'person' ? ['person_id'] : ['fact_id', 'type', 'recorded_at'];
    const missing = required.filter((c) => !columns.includes(c));
    if (missing.length > 0) return { ok: false, reason: `the header lacks ${missing.join(', ')}` };
    if (layout === 'person' && columns.includes('fact_id') !== columns.includes('type')) {
      return { ok: false, reason: 'the header must have both fact_id and type, or neither (a list of people only)' };
    }
    return { ok: true, header: new CsvHeader(layout, columns) };
  }

  plan(type: string): TypePlan | undefined {
    return this.plans.get(type);
  }

  /** The CSV column named by a zod issue path (`criteria.nationality.0` → criteria_nationality). */
  columnFor(type: string, path: string): string {
    const plan = this.plans.get(type);
    if (plan === undefined) return path;
    for (let p = path; p !== ''; p = p.slice(0, Math.max(0, p.lastIndexOf('.')))) {
      const column = plan.columnOf.get(p);
      if (column !== undefined) return column;
      if (!p.includes('.')) break;
    }
    return path;
  }
}

/** `true`/`false` as booleans; anything else is left for the schema to refuse. */
function cellValue(kind: CellKind, text: string): unknown {
  switch (kind) {
    case 'text':
      return text;
    case 'bool':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'int':
      return /^\d{1,15}$/.test(text) ? Number(text) : text;
    case 'list':
      return text.split(';').map((s) => s.trim());
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}

/** The interchange object of a row, or the first cell the layout refuses before the schema sees the row. */
export type RowFact =
  | { readonly ok: true; readonly fact: Record<string, unknown> }
  | { readonly ok: false; readonly column: string; readonly reason: string };

/**
 * The interchange object of one fact row, or the first cell the layout refuses (a cell
 * filled that the type does not use). Empty cells are absent fields. `type` must already be
 * known to have a plan.
 */
export function rowToFact(header: CsvHeader, plan: TypePlan, type: string, fields: readonly string[]): RowFact {
  for (const { index, column } of plan.unused) {
    if (fields[index] !== '') return { ok: false, column, reason: `is not used by facts of type ${type}; leave it empty` };
  }
  const raw: Record<string, unknown> = { type };
  for (const cell of plan.cells) {
    const text = fields[cell.index]!;
    if (text === '') continue;
    // Say what a CSV cell should hold, rather than the schema's "expected boolean, received string".
    if (cell.kind === 'bool' && text !== 'true' && text !== 'false') return { ok: false, column: cell.column, reason: `must be true or false, not "${text}"` };
    if (cell.kind === 'int' && !/^\d{1,15}$/.test(text)) return { ok: false, column: cell.column, reason: `must be a whole number of 0 or more, not "${text}"` };
    if (cell.kind === 'list') {
      const dot = cell.field.indexOf('.');
      const parent = cell.field.slice(0, dot);
      const criteria = (raw[parent] ?? {}) as Record<string, unknown>;
      criteria[cell.field.slice(dot + 1)] = cellValue('list', text);
      raw[parent] = criteria;
    } else {
      raw[cell.field] = cellValue(cell.kind, text);
    }
  }
  // A class order with no criteria columns filled is still an object for the schema to judge.
  if (header.layout === 'program' && type === 'class_order' && raw.criteria === undefined) raw.criteria = {};
  return { ok: true, fact: raw };
}

// ------------------------------------------------------------------ writing (export)

const text = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

const DAY_FIELDS: ReadonlySet<string> = new Set(['from', 'through', 'servedOn', 'resolvedOn']);

/** The cell of an interchange field taken from a domain fact. */
function domainCell(fact: Readonly<Record<string, unknown>>, field: string, kind: CellKind): string {
  if (kind === 'list') {
    const [parent, child] = field.split('.') as [string, string];
    const list = (fact[parent] as Record<string, unknown> | undefined)?.[child];
    return Array.isArray(list) ? list.map(text).join(';') : '';
  }
  const value = fact[field];
  if (typeof value === 'number' && DAY_FIELDS.has(field)) return formatDay(value);
  return text(value);
}

/** A person fact as a row of the person layout (columns in PERSON_CSV_COLUMNS order). */
export function personFactRow(personId: string, fact: PersonFact, withRetraction: boolean): string[] {
  const used = PERSON_TYPE_COLUMNS[fact.type];
  const record = fact as unknown as Readonly<Record<string, unknown>>;
  return PERSON_CSV_COLUMNS.map((column) => {
    if (column === 'person_id') return personId;
    if (column === 'fact_id') return fact.id;
    if (column === 'type') return fact.type;
    if (column === 'recorded_at') return formatInstant(fact.recordedAt);
    if (column === 'retracted_at') return withRetraction && fact.retractedAt !== undefined ? formatInstant(fact.retractedAt) : '';
    if (!used.includes(column)) return '';
    const spec = PERSON_COLUMN_SPECS[column]!;
    return domainCell(record, spec.field, spec.kind);
  });
}

/** A programme fact as a row of the programme layout (columns in PROGRAM_CSV_COLUMNS order). */
export function programFactRow(fact: ProgramFact, withRetraction: boolean): string[] {
  const used = PROGRAM_TYPE_COLUMNS[fact.type];
  const record = fact as unknown as Readonly<Record<string, unknown>>;
  return PROGRAM_CSV_COLUMNS.map((column) => {
    if (column === 'fact_id') return fact.id;
    if (column === 'type') return fact.type;
    if (column === 'recorded_at') return formatInstant(fact.recordedAt);
    if (column === 'retracted_at') return withRetraction && fact.retractedAt !== undefined ? formatInstant(fact.retractedAt) : '';
    if (!used.includes(column)) return '';
    const spec = PROGRAM_COLUMN_SPECS[column]!;
    return domainCell(record, spec.field, spec.kind);
  });
}

/** A person with no facts, as a row of the person layout. */
export const barePersonRow = (personId: string): string[] => PERSON_CSV_COLUMNS.map((c) => (c === 'person_id' ? personId : ''));
