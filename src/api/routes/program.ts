/**
 * Programme facts: TPS designations (every notice and court order), class-wide court
 * orders and return agreements. Legal records class-wide court orders; designations and
 * agreements take `program.record` (`recordAction`).
 */
import { z } from 'zod';
import { mayRetract, ROLES, rolesForAny } from '../../domain/access.js';
import { formatInstant } from '../../domain/dates.js';
import { RepatriaError } from '../../domain/errors.js';
import { isKnownAt } from '../../domain/knowledge.js';
import { programFactJson, readNewFacts } from '../fact-wire.js';
import { ApiProblem } from '../problem.js';
import { checkRemit, checkRetractRemit, knownAtOf } from '../recording.js';
import { actingOf, admits, userRoute } from '../route.js';
import {
  NewProgramFactSchema,
  ProgramFactSchema,
  RetractionRequestSchema,
  RetractionSchema,
} from '../schemas/facts.js';
import { apiSchema } from '../schemas/registry.js';
import { RecordedFactsSchema, recordedFactsJson } from './people.js';
import { instantText, knownAtText, queryFlag } from '../schemas/scalars.js';

const MAX_FACTS_PER_REQUEST = 1000;
const PROGRAM_TYPES = ['tps_designation', 'class_order', 'return_agreement'] as const;

export const listProgramFacts = userRoute({
  operationId: 'listProgramFacts',
  method: 'GET',
  url: '/program-facts',
  tag: 'program',
  summary: 'Programme facts as known at an instant, or their whole history',
  access: admits(ROLES),
  status: 200,
  schemas: {
    query: z.strictObject({
      knownAt: knownAtText.optional(),
      history: queryFlag.describe(
        'Every record ever made, retracted ones with retractedAt (ignores knownAt)',
      ),
      type: z.enum(PROGRAM_TYPES).optional(),
    }),
    response: apiSchema(
      'ProgramFacts',
      z.object({ knownAt: instantText.nullable(), facts: z.array(ProgramFactSchema) }),
    ),
  },
  async handler({ query }, ctx) {
    const all = (await ctx.services.facts.programFacts()).filter(
      (f) => query.type === undefined || f.type === query.type,
    );
    if (query.history === 'true') return { knownAt: null, facts: all.map(programFactJson) };
    const knownAt = knownAtOf(query.knownAt, ctx.now);
    const facts = all
      .filter((f) => isKnownAt(f, knownAt))
      .map((f) => programFactJson({ ...f, retractedAt: undefined }));
    return { knownAt: formatInstant(knownAt), facts };
  },
});

export const recordProgramFacts = userRoute({
  operationId: 'recordProgramFacts',
  method: 'POST',
  url: '/program-facts',
  tag: 'program',
  summary: 'Record programme facts',
  description:
    'Each fact is stamped `recordedAt` = now. A designation record states the period as the law stands after the act it records; the latest known record wins.',
  access: admits(rolesForAny('court_order.record', 'program.record')),
  status: 201,
  schemas: {
    body: apiSchema(
      'NewProgramFacts',
      z.strictObject({ facts: z.array(NewProgramFactSchema).min(1).max(MAX_FACTS_PER_REQUEST) }),
    ),
    response: RecordedFactsSchema,
  },
  async handler({ body }, ctx) {
    checkRemit(ctx, body.facts, 'facts');
    const incoming = readNewFacts(body.facts, 'program', ctx.now, 'facts');
    // Through the manifest service: a class order or a changed agreement re-decides everyone
    // on every manifest not yet departed, in the same transaction; the answer names whom it struck.
    const r = await ctx.services.operations.recordProgramFacts(actingOf(ctx), incoming);
    return recordedFactsJson(r);
  },
});

export const retractProgramFact = userRoute({
  operationId: 'retractProgramFact',
  method: 'POST',
  url: '/program-facts/:factId/retraction',
  tag: 'program',
  summary: 'Withdraw a programme fact as wrong, from now on',
  access: admits(ROLES.filter((role) => PROGRAM_TYPES.some((type) => mayRetract(role, type)))),
  status: 201,
  schemas: {
    params: z.strictObject({ factId: z.string().min(1).max(1000) }),
    body: RetractionRequestSchema,
    response: RetractionSchema,
  },
  async handler({ params, body }, ctx) {
    const fact = (await ctx.services.facts.programFacts()).find((f) => f.id === params.factId);
    if (fact === undefined) throw new ApiProblem('not-found', `No programme fact ${params.factId}`);
    checkRetractRemit(ctx, fact);
    if (fact.retractedAt !== undefined)
      throw new RepatriaError('CONFLICT', `Fact ${fact.id} is already retracted`);
    const r = await ctx.services.operations.retractProgramFact(actingOf(ctx), fact.id, body.reason);
    return { factId: fact.id, retractedAt: formatInstant(r.recordedAt), reason: body.reason };
  },
});
