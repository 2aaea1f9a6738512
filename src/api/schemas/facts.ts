/**
 * Facts on the wire, in the interchange form of spec/facts-and-decisions.md: one schema per
 * fact type, field for field as `src/contract/fact-schema.ts` reads them.
 *
 * Two forms: a fact sent to be recorded has no transaction time (the server stamps
 * `recordedAt` when it records it, so that "as known at" stays the server's truth, and a
 * retraction is its own request); a fact read back has `recordedAt` and, when withdrawn,
 * `retractedAt`. The contract's parser still reads every fact the API records (real dates,
 * `through` after `from`, …), so the API and the import accept exactly the same facts.
 */
import { z } from 'zod';
import {
  CLAIM_RESOLUTIONS,
  FINAL_ORDER_KINDS,
  HOLD_KINDS,
  PROTECTION_KINDS,
  TRANSPORT_SIDES,
} from '../../domain/facts.js';
import { apiSchema } from './registry.js';
import { countryCode, dateText, instantText } from './scalars.js';

const text = z.string().min(1, 'must not be empty').max(1000, 'is longer than 1,000 characters');
export const factId = text.describe('Unique across all facts, person and programme');
const designation = z
  .string()
  .regex(/^[A-Z]{2}-\d{4}$/, 'must look like VE-2023 (country, hyphen, year designated)');
const period = {
  from: dateText,
  through: dateText.optional().describe('Last day in effect; absent = no end'),
};

const SHAPES = {
  nationality: { type: z.literal('nationality'), country: countryCode },
  final_order: { type: z.literal('final_order'), kind: z.enum(FINAL_ORDER_KINDS), ...period },
  appeal: {
    type: z.literal('appeal'),
    stay: z.boolean().optional().describe('Whether removal is stayed; default false'),
    ...period,
  },
  stay: { type: z.literal('stay'), ...period },
  tps: { type: z.literal('tps'), designation, ...period },
  protection: {
    type: z.literal('protection'),
    kind: z.enum(PROTECTION_KINDS),
    country: countryCode,
    ...period,
  },
  lawful_status: {
    type: z.literal('lawful_status'),
    kind: z
      .string()
      .regex(/^[a-z_]{2,40}$/, 'must be a lower-case kind such as lpr, asylee, refugee or parole'),
    ...period,
  },
  citizenship_claim: {
    type: z.literal('citizenship_claim'),
    country: countryCode,
    from: dateText,
    resolution: z.enum(CLAIM_RESOLUTIONS).optional(),
    resolvedOn: dateText.optional(),
  },
  travel_document: {
    type: z.literal('travel_document'),
    country: countryCode,
    from: dateText,
    through: dateText,
  },
  hold: { type: z.literal('hold'), kind: z.enum(HOLD_KINDS), ...period },
  custody: { type: z.literal('custody'), facility: text, ...period },
  notice: { type: z.literal('notice'), servedOn: dateText, counsel: z.boolean() },
  family: { type: z.literal('family'), group: text },
  tps_designation: {
    type: z.literal('tps_designation'),
    designation,
    country: countryCode,
    citation: text,
    ...period,
  },
  class_order: {
    type: z.literal('class_order'),
    criteria: z.strictObject({
      nationality: z.array(countryCode).min(1).max(300).optional(),
      facility: z.array(text).min(1).max(1000).optional(),
    }),
    citation: text,
    ...period,
  },
  return_agreement: {
    type: z.literal('return_agreement'),
    country: countryCode,
    weeklyCap: z.number().int().nonnegative().max(1_000_000_000).optional(),
    requiresTravelDocument: z.boolean(),
    transport: z.enum(TRANSPORT_SIDES),
    ...period,
  },
} as const;

/** A fact to record: the fields of its type and an id; unknown fields are refused. */
const incoming = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ id: factId, ...shape });
/** A fact as recorded, with its transaction time. */
const recorded = <S extends z.ZodRawShape>(shape: S) =>
  z.object({
    id: factId,
    ...shape,
    recordedAt: instantText.describe('When the fact became known to the system'),
    retractedAt: instantText.optional().describe('When it was withdrawn as wrong, if it was'),
  });

export const NewPersonFactSchema = apiSchema(
  'NewPersonFact',
  z.discriminatedUnion('type', [
    incoming(SHAPES.nationality),
    incoming(SHAPES.final_order),
    incoming(SHAPES.appeal),
    incoming(SHAPES.stay),
    incoming(SHAPES.tps),
    incoming(SHAPES.protection),
    incoming(SHAPES.lawful_status),
    incoming(SHAPES.citizenship_claim),
    incoming(SHAPES.travel_document),
    incoming(SHAPES.hold),
    incoming(SHAPES.custody),
    incoming(SHAPES.notice),
    incoming(SHAPES.family),
  ]),
);

export const PersonFactSchema = apiSchema(
  'PersonFact',
  z.discriminatedUnion('type', [
    recorded(SHAPES.nationality),
    recorded(SHAPES.final_order),
    recorded(SHAPES.appeal),
    recorded(SHAPES.stay),
    recorded(SHAPES.tps),
    recorded(SHAPES.protection),
    recorded(SHAPES.lawful_status),
    recorded(SHAPES.citizenship_claim),
    recorded(SHAPES.travel_document),
    recorded(SHAPES.hold),
    recorded(SHAPES.custody),
    recorded(SHAPES.notice),
    recorded(SHAPES.family),
  ]),
);

export const NewProgramFactSchema = apiSchema(
  'NewProgramFact',
  z.discriminatedUnion('type', [
    incoming(SHAPES.tps_designation),
    incoming(SHAPES.class_order),
    incoming(SHAPES.return_agreement),
  ]),
);

export const ProgramFactSchema = apiSchema(
  'ProgramFact',
  z.discriminatedUnion('type', [
    recorded(SHAPES.tps_designation),
    recorded(SHAPES.class_order),
    recorded(SHAPES.return_agreement),
  ]),
);

export type NewPersonFactJson = z.output<typeof NewPersonFactSchema>;
export type NewProgramFactJson = z.output<typeof NewProgramFactSchema>;
export type PersonFactJson = z.output<typeof PersonFactSchema>;
export type ProgramFactJson = z.output<typeof ProgramFactSchema>;

export const WriteSummarySchema = apiSchema(
  'WriteSummary',
  z.object({
    people: z.number().int().describe('People added'),
    facts: z.number().int().describe('Facts recorded'),
    unchanged: z.number().int().describe('Facts already recorded with the same content'),
  }),
);

export const RetractionRequestSchema = apiSchema(
  'RetractionRequest',
  z.strictObject({ reason: z.string().min(1).max(1000).describe('Why the fact is withdrawn as wrong') }),
);

export const RetractionSchema = apiSchema(
  'Retraction',
  z.object({ factId, retractedAt: instantText, reason: z.string() }),
);
