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

const withPeriod = <S extends z.ZodRawShape>(shape: S) => z.object({ ...recorded, ...period, ...shape });
const withoutPeriod = <S extends z.ZodRawShape>(shape: S) => z.object({ ...recorded, ...shape });

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
} satisfies Record<string, z.ZodType>;

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
} satisfies Record<string, z.ZodType>;

const SCHEMAS: Readonly<Record<string, z.ZodType>> = { ...personSchemas, ...programSchemas };

/** Turns an omitted `through` into the domain's open end. */
function toDomain(raw: Record<string, unknown>): Fact {
  const fact: Record<string, unknown> = { ...raw };
  if ('from' in fact && fact.type !== 'citizenship_claim' && fact.through === undefined) fact.through = null;
  if (fact.retractedAt === undefined) delete fact.retractedAt;
  // The zod schemas above mirror the domain types field for field.
  return fact as unknown as Fact;
}

const pathText = (path: readonly PropertyKey[]): string => (path.length === 0 ? '-' : path.map(String).join('.'));

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
  const result = SCHEMAS[type]!.safeParse(raw);
  if (!result.success) {
    const issues: InputIssue[] = result.error.issues.map((i) => ({ record, field: pathText(i.path), reason: i.message }));
    return { ok: false, issues };
  }
  const data = result.data as Record<string, unknown>;
  const crossField = orderIssues(data);
  if (crossField.length > 0) return { ok: false, issues: crossField.map((i) => ({ record, ...i })) };
  return { ok: true, value: toDomain(data) };
}

export const parsePersonFact = (raw: unknown, where = ''): Parsed<PersonFact> =>
  parseFact(raw, 'person', where) as Parsed<PersonFact>;
export const parseProgramFact = (raw: unknown, where = ''): Parsed<ProgramFact> =>
  parseFact(raw, 'program', where) as Parsed<ProgramFact>;
