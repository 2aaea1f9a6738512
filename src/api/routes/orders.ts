/**
 * Serving notices, and recording court orders: stays, appeals with stay, protections and
 * class-wide orders. A court order is recorded through the application services, which in
 * the same transaction strike whoever it protects from every manifest not yet departed; the
 * response names them.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { coverageIssues, unknownFacilityIssues } from '../../application/class-order-input.js';
import type { FactsResult } from '../../application/operations.js';
import { formatInstant, parseDay } from '../../domain/dates.js';
import { DELIVERY_METHODS, NOTICE_RECIPIENTS } from '../../domain/notice-serving.js';
import { PROTECTION_KINDS } from '../../domain/facts.js';
import { rolesFor } from '../../domain/roles.js';
import { personFactJson, readNewFacts } from '../fact-wire.js';
import { ApiProblem } from '../problem.js';
import { actingOf, admits, userRoute } from '../route.js';
import {
  factId,
  PersonFactSchema,
  type NewPersonFactJson,
  type NewProgramFactJson,
} from '../schemas/facts.js';
import { StruckPersonSchema, struckJson } from '../schemas/operations.js';
import { apiSchema } from '../schemas/registry.js';
import { countryCode, dateText, instantText, shortText } from '../schemas/scalars.js';

const pathId = z.string().min(1).max(1000);
const PersonParams = z.strictObject({ personId: pathId });

export const serveNotice = userRoute({
  operationId: 'serveNotice',
  method: 'POST',
  url: '/people/:personId/notices',
  tag: 'notices',
  summary: 'Record the serving of a notice of intended removal',
  description:
    'The notice period starts once the person and counsel of record (if any) are served; the response gives the `notice` fact every serving so far amounts to, when it changed.',
  access: admits(rolesFor('notice.serve')),
  status: 201,
  schemas: {
    params: PersonParams,
    body: apiSchema(
      'NoticeServing',
      z.strictObject({
        servedOn: dateText,
        to: z.array(z.enum(NOTICE_RECIPIENTS)).min(1).max(2).describe('Who was served'),
        noCounselOfRecord: z
          .boolean()
          .optional()
          .describe('The person has no counsel of record; default false'),
        language: z
          .string()
          .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be an ISO 639 language code (e.g. es, ht, pt-BR)')
          .max(35),
        method: z.enum(DELIVERY_METHODS),
      }),
    ),
    response: apiSchema(
      'ServedNotice',
      z.object({
        servingId: z.string(),
        noticeFact: PersonFactSchema.nullable().describe(
          'The `notice` fact recorded now; null when unchanged',
        ),
        correlationId: z.string(),
      }),
    ),
  },
  async handler({ params, body }, ctx) {
    // The service refuses this as well, but cannot say which field is at fault.
    if (body.noCounselOfRecord === true && body.to.includes('counsel')) {
      throw new ApiProblem(
        'invalid-request',
        'A notice cannot be served on counsel of record for a person who has none.',
        [{ in: 'body', field: 'to', reason: 'names counsel, but noCounselOfRecord is true' }],
      );
    }
    const result = await ctx.services.operations.serveNotice(actingOf(ctx), {
      personId: params.personId,
      servedOn: parseDay(body.servedOn)!,
      to: body.to,
      noCounselOfRecord: body.noCounselOfRecord ?? false,
      language: body.language,
      method: body.method,
    });
    return {
      servingId: result.servingId,
      noticeFact: result.noticeFact === undefined ? null : personFactJson(result.noticeFact),
      correlationId: result.correlationId,
    };
  },
});

const OrderResultSchema = apiSchema(
  'CourtOrderResult',
  z.object({
    factIds: z.array(z.string()),
    recordedAt: instantText,
    manifests: z.array(z.string()).describe('Manifests people were struck from'),
    struck: z.array(StruckPersonSchema).describe('People struck from manifests not yet departed, with why'),
    correlationId: z.string(),
  }),
);

const orderJson = (r: FactsResult): z.output<typeof OrderResultSchema> => ({
  factIds: [...r.factIds],
  recordedAt: formatInstant(r.recordedAt),
  manifests: [...new Set(r.struck.map((s) => s.manifestId))].sort(),
  struck: r.struck.map(struckJson),
  correlationId: r.correlationId,
});

const period = {
  from: dateText,
  through: dateText.optional().describe('Last day in effect; absent = no end'),
};
const optionalId = factId.optional().describe('Default: a new id');

const CourtOrderSchema = apiSchema(
  'CourtOrder',
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('stay'), id: optionalId, ...period }),
    z.strictObject({
      type: z.literal('appeal'),
      id: optionalId,
      stay: z.boolean().optional().describe('Whether the appeal stays removal; default true'),
      ...period,
    }),
    z.strictObject({
      type: z.literal('protection'),
      id: optionalId,
      kind: z.enum(PROTECTION_KINDS),
      country: countryCode,
      ...period,
    }),
  ]),
);

export const recordCourtOrder = userRoute({
  operationId: 'recordCourtOrder',
  method: 'POST',
  url: '/people/:personId/court-orders',
  tag: 'orders',
  summary: 'Record a stay, an appeal (with stay by default) or a protection for a person',
  description:
    'In the same transaction, the person is decided again on every manifest not yet departed and struck wherever they may no longer fly.',
  access: admits(rolesFor('court_order.record')),
  status: 201,
  schemas: { params: PersonParams, body: CourtOrderSchema, response: OrderResultSchema },
  async handler({ params, body }, ctx) {
    const id = body.id ?? `${body.type}-${randomUUID()}`;
    // An appeal recorded here stays removal unless it says otherwise: that is what makes it a court order.
    const wire: NewPersonFactJson =
      body.type === 'appeal' ? { ...body, id, stay: body.stay ?? true } : { ...body, id };
    const facts = readNewFacts([wire], 'person', ctx.now, 'body');
    return orderJson(await ctx.services.operations.recordPersonFacts(actingOf(ctx), params.personId, facts));
  },
});

/** How this body names what `coverageIssues` speaks of. */
const BODY_NAMES = {
  everyone: '"everyone": true',
  nationality: 'criteria.nationality',
  facility: 'criteria.facility',
} as const;

export const recordClassOrder = userRoute({
  operationId: 'recordClassOrder',
  method: 'POST',
  url: '/class-orders',
  tag: 'orders',
  summary: 'Record a class-wide court order (by nationality and/or facility)',
  description:
    'In the same transaction, everyone on every manifest not yet departed is decided again and struck wherever the order now protects them.',
  access: admits(rolesFor('court_order.record')),
  status: 201,
  schemas: {
    body: apiSchema(
      'ClassOrder',
      z.strictObject({
        id: optionalId,
        criteria: z
          .strictObject({
            nationality: z.array(countryCode).min(1).max(300).optional(),
            facility: z
              .array(shortText(1000))
              .min(1)
              .max(1000)
              .optional()
              .describe('Registered facility ids, when any facility is registered'),
          })
          .optional()
          .describe(
            'Who the order covers: everyone matching all the criteria given. At least one, unless `everyone` is true',
          ),
        everyone: z
          .boolean()
          .optional()
          .describe(
            'The order covers everyone: true with no criteria (recorded as `criteria: {}`); default false',
          ),
        citation: shortText(1000).describe('The order’s legal citation'),
        ...period,
      }),
    ),
    response: OrderResultSchema,
  },
  async handler({ body }, ctx) {
    // `everyone` confirms an order with no criterion (src/application/class-order-input.ts);
    // it is this door's, not the fact's: the order is recorded as the contract's `criteria: {}`.
    const { everyone, criteria = {}, ...order } = body;
    const issues = coverageIssues(criteria, everyone, BODY_NAMES);
    if (criteria.facility !== undefined) {
      issues.push(...unknownFacilityIssues(criteria, await ctx.services.registeredFacilities()));
    }
    if (issues.length > 0) {
      throw new ApiProblem(
        'invalid-request',
        'The class order is not valid',
        issues.map((i) => ({ in: 'body', ...i })),
      );
    }
    const wire: NewProgramFactJson = {
      ...order,
      criteria,
      type: 'class_order',
      id: body.id ?? `class-order-${randomUUID()}`,
    };
    const facts = readNewFacts([wire], 'program', ctx.now, 'body');
    return orderJson(await ctx.services.operations.recordProgramFacts(actingOf(ctx), facts));
  },
});
