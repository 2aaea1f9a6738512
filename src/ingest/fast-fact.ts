/**
 * The fast path of a CSV person fact row: the common, valid row turned straight into its
 * domain fact, without building the interchange object or running zod.
 *
 * Validating through the contract's zod schemas cost the reading thread about a third of its
 * time per fact. This path accepts only rows it can prove valid with the same rules (the
 * same date and instant parsers, the same patterns, enums and bounds as
 * src/contract/fact-schema.ts) and builds exactly what `parsePersonFact` would return: the
 * same fields in the same key order, so that its stored body is the same text. Anything
 * else — a bad cell, an unusual type, a cell it does not know how to judge — returns
 * `undefined`, and the row takes the full path (`rowToFact` and `parsePersonFact`), which
 * accepts it or names the problem exactly as before. So the fast path may only ever be
 * stricter than the schemas, never looser.
 */
import { dayFromCivil, daysInMonth, MS_PER_DAY, parseInstant } from '../domain/dates.js';
import { FINAL_ORDER_KINDS, HOLD_KINDS, PROTECTION_KINDS, type PersonFact, type PersonFactType } from '../domain/facts.js';
import type { CsvHeader } from './csv-layout.js';

/** How a cell is judged: mirrors the field's schema in src/contract/fact-schema.ts. */
type Check =
  | { readonly kind: 'country' }
  | { readonly kind: 'designation' }
  | { readonly kind: 'text' }
  | { readonly kind: 'lawful-kind' }
  | { readonly kind: 'enum'; readonly values: ReadonlySet<string> }
  | { readonly kind: 'day' }
  | { readonly kind: 'bool' };

interface FieldSpec {
  readonly field: string;
  readonly column: string;
  readonly check: Check;
  readonly required: boolean;
  /** Value when the cell is empty and the field not required (zod's `.default`). */
  readonly fallback?: boolean;
}

interface TypeSpec {
  /** `from`/`through` come before `type` (the schema's `withPeriod`), `through` null when absent. */
  readonly period: boolean;
  /** The type's own fields, in the schema's key order. */
  readonly fields: readonly FieldSpec[];
}

const COUNTRY: Check = { kind: 'country' };
const TEXT: Check = { kind: 'text' };
const DAY: Check = { kind: 'day' };
const BOOL: Check = { kind: 'bool' };
const oneOf = (values: readonly string[]): Check => ({ kind: 'enum', values: new Set(values) });
const required = (field: string, column: string, check: Check): FieldSpec => ({ field, column, check, required: true });

/** The person fact types the fast path knows; a citizenship claim (rare, cross-field rules of its own) takes the full path. */
const TYPES: Partial<Record<PersonFactType, TypeSpec>> = {
  nationality: { period: false, fields: [required('country', 'country', COUNTRY)] },
  final_order: { period: true, fields: [required('kind', 'kind', oneOf(FINAL_ORDER_KINDS))] },
  appeal: { period: true, fields: [{ field: 'stay', column: 'stay', check: BOOL, required: false, fallback: false }] },
  stay: { period: true, fields: [] },
  tps: { period: true, fields: [required('designation', 'designation', { kind: 'designation' })] },
  protection: { period: true, fields: [required('kind', 'kind', oneOf(PROTECTION_KINDS)), required('country', 'country', COUNTRY)] },
  lawful_status: { period: true, fields: [required('kind', 'kind', { kind: 'lawful-kind' })] },
  travel_document: { period: false, fields: [required('country', 'country', COUNTRY), required('from', 'from', DAY), required('through', 'through', DAY)] },
  hold: { period: true, fields: [required('kind', 'kind', oneOf(HOLD_KINDS))] },
  custody: { period: true, fields: [required('facility', 'facility', TEXT)] },
  notice: { period: false, fields: [required('servedOn', 'served_on', DAY), required('counsel', 'counsel', BOOL)] },
  family: { period: false, fields: [required('group', 'group', TEXT)] },
};

/** A type's spec bound to the positions of one header. */
interface BoundType {
  readonly period: boolean;
  readonly fromIndex: number;
  readonly throughIndex: number;
  readonly fields: readonly (FieldSpec & { readonly index: number })[];
  /** Positions of the columns this type does not use: they must be empty. */
  readonly unused: readonly number[];
}

const COUNTRY_RE = /^[A-Z]{2}$/;
const DESIGNATION_RE = /^[A-Z]{2}-\d{4}$/;
const LAWFUL_KIND_RE = /^[a-z_]{2,40}$/;
/** The contract's bound on free text (ids, facility, group). */
const MAX_TEXT = 1000;

/** Person fact rows of one CSV header, read by the fast path. */
export class FastPersonFacts {
  private readonly types = new Map<string, BoundType>();
  private readonly recordedIndex: number;
  private readonly retractedIndex: number;

  constructor(header: CsvHeader) {
    const at = (column: string): number => header.columns.indexOf(column);
    this.recordedIndex = at('recorded_at');
    this.retractedIndex = at('retracted_at');
    for (const [type, spec] of Object.entries(TYPES)) {
      const plan = header.plan(type);
      if (plan === undefined) continue;
      this.types.set(type, {
        period: spec.period,
        fromIndex: spec.period ? at('from') : -1,
        throughIndex: spec.period ? at('through') : -1,
        fields: spec.fields.map((f) => ({ ...f, index: at(f.column) })),
        unused: plan.unused.map((u) => u.index),
      });
    }
  }

  /** The row's fact, or `undefined` when the row must take the full path. */
  read(type: string, id: string, fields: readonly string[]): PersonFact | undefined {
    const spec = this.types.get(type);
    if (spec === undefined || this.recordedIndex < 0) return undefined;
    if (id.length === 0 || id.length > MAX_TEXT) return undefined;
    for (const index of spec.unused) if (fields[index] !== '') return undefined;

    const recordedAt = instant(fields[this.recordedIndex]!);
    if (recordedAt === undefined) return undefined;
    const retractedText = this.retractedIndex < 0 ? '' : fields[this.retractedIndex]!;
    let retractedAt: number | undefined;
    if (retractedText !== '') {
      retractedAt = instant(retractedText);
      if (retractedAt === undefined || retractedAt < recordedAt) return undefined;
    }

    // Key order as zod builds the object (the schema's shape order, absent optional keys
    // left out), then `through: null` appended for an open period (contract toDomain).
    const fact: Record<string, unknown> = { id, recordedAt };
    if (retractedAt !== undefined) fact.retractedAt = retractedAt;
    let from: number | undefined;
    let through: number | undefined;
    if (spec.period) {
      if (spec.fromIndex < 0) return undefined;
      from = day(fields[spec.fromIndex]!);
      if (from === undefined) return undefined;
      fact.from = from;
      const throughText = spec.throughIndex < 0 ? '' : fields[spec.throughIndex]!;
      if (throughText !== '') {
        through = day(throughText);
        if (through === undefined || through < from) return undefined;
        fact.through = through;
      }
    }
    fact.type = type;
    for (const f of spec.fields) {
      const text = f.index < 0 ? '' : fields[f.index]!;
      let value: string | number | boolean;
      if (text === '') {
        if (f.required || f.fallback === undefined) return undefined;
        value = f.fallback;
      } else {
        switch (f.check.kind) {
          case 'country':
            if (!COUNTRY_RE.test(text)) return undefined;
            value = text;
            break;
          case 'designation':
            if (!DESIGNATION_RE.test(text)) return undefined;
            value = text;
            break;
          case 'lawful-kind':
            if (!LAWFUL_KIND_RE.test(text)) return undefined;
            value = text;
            break;
          case 'enum':
            if (!f.check.values.has(text)) return undefined;
            value = text;
            break;
          case 'text':
            if (text.length > MAX_TEXT) return undefined;
            value = text;
            break;
          case 'day': {
            const d = day(text);
            if (d === undefined) return undefined;
            value = d;
            break;
          }
          case 'bool':
            if (text !== 'true' && text !== 'false') return undefined;
            value = text === 'true';
            break;
          default: {
            const unknown: never = f.check;
            throw new Error(`unknown check ${JSON.stringify(unknown)}`);
          }
        }
      }
      fact[f.field] = value;
    }
    // A travel document's own from/through: the schema's cross-field rule.
    if (!spec.period && typeof fact.from === 'number' && typeof fact.through === 'number' && fact.through < fact.from) return undefined;
    if (spec.period && through === undefined) fact.through = null;
    // The fields were built to match the schema, which mirrors the domain type.
    return fact as unknown as PersonFact;
  }
}

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48;
const isDigit = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Positions of the digits of `YYYY-MM-DD`. */
const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9] as const;
/** Positions of the time's digits in `YYYY-MM-DDTHH:MM:SSZ`. */
const TIME_DIGITS = [11, 12, 14, 15, 17, 18] as const;

/** Whether `text` starts with the form `YYYY-MM-DD` (ASCII digits, as the schemas' `\d`). */
function dateForm(text: string): boolean {
  for (const i of DATE_DIGITS) if (!isDigit(text, i)) return false;
  return text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45;
}

/** Day number of the `YYYY-MM-DD` that `text` starts with (form checked), or `undefined` if no such date (2025-02-30). */
function civilDay(text: string): number | undefined {
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const dayOfMonth = digit(text, 8) * 10 + digit(text, 9);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return undefined;
  return dayFromCivil(year, month, dayOfMonth);
}

/**
 * `parseDay` read digit by digit: the same answer for every text (its regular expression
 * admits exactly this form), without a match and three strings per cell.
 */
function day(text: string): number | undefined {
  return text.length === 10 && dateForm(text) ? civilDay(text) : undefined;
}

/**
 * `parseInstant` for the common form `YYYY-MM-DDTHH:MM:SSZ` read digit by digit (it gives
 * the same number); any other form goes to `parseInstant` itself.
 */
function instant(text: string): number | undefined {
  if (text.length !== 20 || text.charCodeAt(19) !== 90 /* Z */ || text.charCodeAt(10) !== 84 /* T */ || !dateForm(text)) return parseInstant(text);
  for (const i of TIME_DIGITS) if (!isDigit(text, i)) return parseInstant(text);
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return parseInstant(text);
  const days = civilDay(text);
  if (days === undefined) return undefined;
  const hour = digit(text, 11) * 10 + digit(text, 12);
  const minute = digit(text, 14) * 10 + digit(text, 15);
  const second = digit(text, 17) * 10 + digit(text, 18);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
}
