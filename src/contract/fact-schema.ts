/**
 * The interchange form of facts (spec: facts-and-decisions.md), validated with zod and turned
 * into domain facts: dates become day numbers, instants epoch milliseconds. One schema for
 * the CLI, the import and the API.
 */
import { z } from 'zod';
import { parseDay, parseInstant } from '../domain/dates.js';
import {
  CLAIM_RESOLUTIONS,
  FINAL_ORDER_KINDS,
  HOLD_KINDS,
  PERSON_FACT_TYPES,
  PROGRAM_FACT_TYPES,
  PROTECTION_KINDS,
  TRANSPORT_SIDES,
  type Fact,
  type PersonFact,
  type ProgramFact,
} from '../domain/facts.js';
import type { InputIssue, Parsed } from './input-issue.js';

export const isoDate = z.string().transform((text, ctx) => {
  const day = parseDay(text);
  if (day === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a real calendar date (YYYY-MM-DD)` });
    return z.NEVER;
  }
  return day;
});

export const isoInstant = z.string().transform((text, ctx) => {
  const instant = parseInstant(text);
  if (instant === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not an ISO-8601 instant with offset (e.g. 2025-05-19T16:00:00Z)`,
    });
    return z.NEVER;
  }
  return instant;
});

export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code (two upper-case letters)');
export const designationId = z.string().regex(/^[A-Z]{2}-\d{4}$/, 'must look like VE-2023 (country, hyphen, year designated)');
const text = z.string().min(1, 'must not be empty').max(1000, 'is longer than 1,000 characters');

const recorded = {
  id: text,
  recordedAt: isoInstant,
  retractedAt: isoInstant.optional(),
};
const period = { from: isoDate, through: isoDate.optional() };

// Strict: a key the contract does not define is refused, never dropped. Dropping it would
// change what the record means without a word: `thru` for `through` gives an open-ended
// hold, `Stay` for `stay` an appeal with no stay, `retracted_at` a fact never withdrawn.
const withPeriod = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ ...recorded, ...period, ...shape });
const withoutPeriod = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ ...recorded, ...shape });

/** Cross-field rules every fact obeys, checked after the fields themselves are valid. */
function orderIssues(v: Record<string, unknown>): { field: string; reason: string }[] {
  const out: { field: string; reason: string }[] = [];
  const num = (k: string): number | undefined => (typeof v[k] === 'number' ? v[k] : undefined);
  const from = num('from');
  const through = num('through');
  if (from !== undefined && through !== undefined && through < from) out.push({ field: 'through', reason: 'is before from' });
  const recordedAt = num('recordedAt');
  const retractedAt = num('retractedAt');
  if (recordedAt !== undefined && retractedAt !== undefined && retractedAt < recordedAt) {
    out.push({ field: 'retractedAt', reason: 'is before recordedAt' });
  }
  if (v.type === 'citizenship_claim' && v.resolution === 'rejected' && v.resolvedOn === undefined) {
    out.push({ field: 'resolvedOn', reason: 'is required when resolution is rejected' });
  }
  return out;
}

const personSchemas = {
  nationality: withoutPeriod({ type: z.literal('nationality'), country: countryCode }),
  final_order: withPeriod({ type: z.literal('final_order'), kind: z.enum(FINAL_ORDER_KINDS) }),
  appeal: withPeriod({ type: z.literal('appeal'), stay: z.boolean().default(false) }),
  stay: withPeriod({ type: z.literal('stay') }),
  tps: withPeriod({ type: z.literal('tps'), designation: designationId }),
  protection: withPeriod({ type: z.literal('protection'), kind: z.enum(PROTECTION_KINDS), country: countryCode }),
  lawful_status: withPeriod({ type: z.literal('lawful_status'), kind: z.string().regex(/^[a-z_]{2,40}$/, 'must be a lower-case kind such as lpr, asylee, refugee or parole') }),
  citizenship_claim: withoutPeriod({
    type: z.literal('citizenship_claim'),
    country: countryCode,
    from: isoDate,
    resolution: z.enum(CLAIM_RESOLUTIONS).optional(),
    resolvedOn: isoDate.optional(),
  }),
  travel_document: withoutPeriod({ type: z.literal('travel_document'), country: countryCode, from: isoDate, through: isoDate }),
  hold: withPeriod({ type: z.literal('hold'), kind: z.enum(HOLD_KINDS) }),
  custody: withPeriod({ type: z.literal('custody'), facility: text }),
  notice: withoutPeriod({ type: z.literal('notice'), servedOn: isoDate, counsel: z.boolean() }),
  family: withoutPeriod({ type: z.literal('family'), group: text }),
} satisfies Record<string, z.ZodObject>;

const programSchemas = {
  tps_designation: withPeriod({
    type: z.literal('tps_designation'),
    designation: designationId,
    country: countryCode,
    citation: text,
  }),
  class_order: withPeriod({
    type: z.literal('class_order'),
    criteria: z
      .object({ nationality: z.array(countryCode).min(1).optional(), facility: z.array(text).min(1).optional() })
      .strict(),
    citation: text,
  }),
  return_agreement: withPeriod({
    type: z.literal('return_agreement'),
    country: countryCode,
    weeklyCap: z.number().int().nonnegative().optional(),
    requiresTravelDocument: z.boolean(),
    transport: z.enum(TRANSPORT_SIDES),
  }),
} satisfies Record<string, z.ZodObject>;

const SCHEMAS: Readonly<Record<string, z.ZodObject>> = { ...personSchemas, ...programSchemas };

/** Turns an omitted `through` into the domain's open end. */
function toDomain(raw: Record<string, unknown>): Fact {
  const fact: Record<string, unknown> = { ...raw };
  if ('from' in fact && fact.type !== 'citizenship_claim' && fact.through === undefined) fact.through = null;
  if (fact.retractedAt === undefined) delete fact.retractedAt;
  // The zod schemas above mirror the domain types field for field.
  return fact as unknown as Fact;
}

const pathText = (path: readonly PropertyKey[]): string => (path.length === 0 ? '-' : path.map(String).join('.'));

/** The schema itself, under `.optional()` and `.default()`. */
function unwrapped(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? unwrapped(schema.unwrap() as z.ZodType) : schema;
}

/** The keys an object schema defines at `path` (empty path: the object itself), if it is an object there. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): readonly string[] | undefined {
  let at: z.ZodType | undefined = schema;
  for (const key of path) {
    const object = unwrapped(at);
    if (!(object instanceof z.ZodObject)) return undefined;
    at = (object.shape as Record<string, z.ZodType | undefined>)[String(key)];
    if (at === undefined) return undefined;
  }
  const object = unwrapped(at);
  return object instanceof z.ZodObject ? Object.keys(object.shape) : undefined;
}

/** Spellings people use for a contract field that a small edit distance would not find. */
const ALIASES: Readonly<Record<string, string>> = { thru: 'through' };
const squash = (key: string): string => key.toLowerCase().replace(/[\s_-]/g, '');
/** `nationalities` → `nationality`, `facilities` → `facility`: the contract names its lists in the singular. */
const singular = (key: string): string => (key.endsWith('ies') ? `${key.slice(0, -3)}y` : key.endsWith('s') ? key.slice(0, -1) : key);

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** The defined key an unknown one was probably meant to be: same letters but case or `_`, a known alias, or a typo or two away. */
function meantKey(key: string, known: readonly string[]): string | undefined {
  const k = squash(key);
  const alias = ALIASES[k];
  if (alias !== undefined && known.includes(alias)) return alias;
  const same = known.find((c) => squash(c) === k || squash(c) === singular(k));
  if (same !== undefined) return same;
  const allowed = k.length >= 6 ? 2 : k.length >= 3 ? 1 : 0;
  return known.find((c) => editDistance(squash(c), k) <= allowed);
}

/**
 * zod's issues as input issues of `record`. zod reports all the unknown keys of an object in
 * one issue at the object's path; here each is its own issue at its own path, so that the
 * message names the field (`field "thru": unknown field`) as it names any other field at fault.
 */
export function inputIssues(issues: readonly z.core.$ZodIssue[], record: string, schema: z.ZodType): InputIssue[] {
  return issues.flatMap((issue): InputIssue[] => {
    if (issue.code !== 'unrecognized_keys') return [{ record, field: pathText(issue.path), reason: issue.message }];
    const known = keysAt(schema, issue.path) ?? [];
    return issue.keys.map((key) => {
      const meant = meantKey(key, known);
      const hint =
        meant !== undefined ? ` (did you mean "${meant}"?)` : known.length > 0 ? ` (the fields here are ${known.join(', ')})` : '';
      return { record, field: pathText([...issue.path, key]), reason: `unknown field${hint}` };
    });
  });
}

function describeRecord(raw: unknown, where: string): string {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw).id : undefined;
  return typeof id === 'string' && id !== '' ? `${where}fact "${id}"` : `${where}fact with no id`;
}

/**
 * Parses one fact of the allowed kinds. `where` prefixes the record name
 * (`scenario "s1", `) so that the message says where the fact sits.
 */
export function parseFact(raw: unknown, kind: 'person' | 'program', where = ''): Parsed<Fact> {
  const record = describeRecord(raw, where);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ record, field: '-', reason: 'a fact must be a JSON object' }] };
  }
  const type = (raw as { type?: unknown }).type;
  const allowed: readonly string[] = kind === 'person' ? PERSON_FACT_TYPES : PROGRAM_FACT_TYPES;
  if (typeof type !== 'string' || !allowed.includes(type)) {
    return {
      ok: false,
      issues: [{ record, field: 'type', reason: `unknown ${kind} fact type ${JSON.stringify(type)}; expected one of ${allowed.join(', ')}` }],
    };
  }
  const schema = SCHEMAS[type]!;
  const result = schema.safeParse(raw);
  if (!result.success) return { ok: false, issues: inputIssues(result.error.issues, record, schema) };
  const data = result.data;
  const crossField = orderIssues(data);
  if (crossField.length > 0) return { ok: false, issues: crossField.map((i) => ({ record, ...i })) };
  return { ok: true, value: toDomain(data) };
}

export const parsePersonFact = (raw: unknown, where = ''): Parsed<PersonFact> =>
  parseFact(raw, 'person', where) as Parsed<PersonFact>;
export const parseProgramFact = (raw: unknown, where = ''): Parsed<ProgramFact> =>
  parseFact(raw, 'program', where) as Parsed<ProgramFact>;
