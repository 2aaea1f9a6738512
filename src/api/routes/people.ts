/**
 * People, their profiles and their facts. Facts are appended and retracted, never changed;
 * they are read as known at an instant (default now) or as their whole history.
 */
import { z } from 'zod';
import type { FactsResult } from '../../application/operations.js';
import { PROFILE_RECORDERS, rolesForAny } from '../../domain/access.js';
import { rolesFor } from '../../domain/roles.js';
import { formatInstant, parseDay } from '../../domain/dates.js';
import { RepatriaError } from '../../domain/errors.js';
import type { Person } from '../../domain/facts.js';
import { isKnownAt } from '../../domain/knowledge.js';
import { A_NUMBER, aNumberForms, nameWords } from '../../domain/profile.js';
import { checkDesignations, personFactJson, readNewFacts } from '../fact-wire.js';
import { findPeople, personalDataQuery, ProfileViewSchema, readProfiles } from '../personal-data.js';
import { ApiProblem } from '../problem.js';
import { checkRemit, checkRetractRemit, knownAtOf } from '../recording.js';
import { actingOf, actorOf, admits, userRoute, type UserContext } from '../route.js';
import { StruckPersonSchema, struckJson } from '../schemas/operations.js';
import {
  NewPersonFactSchema,
  PersonFactSchema,
  RetractionRequestSchema,
  WriteSummarySchema,
} from '../schemas/facts.js';
import { apiSchema } from '../schemas/registry.js';
import {
  dateText,
  instantText,
  knownAtText,
  pageLimit,
  queryFlag,
  recordId,
  shortText,
} from '../schemas/scalars.js';

/** Ids as they arrive in a path: anything the store may hold, within reason. */
const pathId = z.string().min(1).max(1000);
const PersonParams = z.strictObject({ personId: pathId });

/** The most facts one request may record: large enough for a case file, small enough for one transaction. */
const MAX_FACTS_PER_REQUEST = 1000;

const NewProfileSchema = apiSchema(
  'NewProfile',
  z.strictObject({
    name: shortText(200),
    dateOfBirth: dateText.optional(),
    aNumber: z.string().regex(A_NUMBER, 'must be A followed by 8 or 9 digits').optional(),
  }),
);

async function personOr404(ctx: UserContext, personId: string): Promise<Person> {
  const person = await ctx.services.people.getPerson(personId);
  if (person === undefined) throw new ApiProblem('not-found', `No person ${personId}`);
  return person;
}

export const listPeople = userRoute({
  operationId: 'listPeople',
  method: 'GET',
  url: '/people',
  tag: 'people',
  summary: 'People in id order, a page at a time, with their profiles; or the people found by A-number or name',
  description:
    'With `aNumber` or `name` (or both), only the people whose current profile answers them. Searching by personal data ' +
    'needs a role that sees it in full (an auditor: `unmask=true` with a `reason`), and each search is written to the ' +
    'access log with whom it found (not with what was searched).',
  access: admits(rolesFor('person.read'), { personalData: true }),
  status: 200,
  schemas: {
    query: z.strictObject({
      after: pathId.optional().describe('The last id of the previous page'),
      limit: pageLimit(500, 100),
      aNumber: z
        .string()
        .max(40)
        .refine((text) => aNumberForms(text) !== undefined, 'is not an A-number: A and 8 or 9 digits')
        .optional()
        .describe('An A-number, as people write it: A012345678, A12345678, 012-345-678 and A 012 345 678 are one number'),
      name: shortText(200)
        .refine((text) => nameWords(text).length > 0, 'needs at least one letter or digit')
        .optional()
        .describe('Words of the name, in any order, each the start of a word (jose gonz finds José Luis González)'),
      ...personalDataQuery,
    }),
    response: apiSchema(
      'PeoplePage',
      z.object({
        people: z.array(z.object({ id: z.string(), profile: ProfileViewSchema.nullable() })),
        next: z.string().nullable().describe('Pass as `after` for the next page; null on the last'),
      }),
    ),
  },
  async handler({ query }, ctx) {
    const search = { aNumber: query.aNumber, name: query.name };
    const ids = await findPeople(ctx, 'listPeople', search, query, query);
    const profiles = await readProfiles(ctx, 'listPeople', ids, query);
    return {
      people: ids.map((id) => ({ id, profile: profiles.get(id) ?? null })),
      next: ids.length === query.limit ? (ids.at(-1) ?? null) : null,
    };
  },
});

export const getPerson = userRoute({
  operationId: 'getPerson',
  method: 'GET',
  url: '/people/:personId',
  tag: 'people',
  summary: 'A person: their profile and how many facts are recorded about them',
  access: admits(rolesFor('person.read'), { personalData: true }),
  status: 200,
  schemas: {
    params: PersonParams,
    query: z.strictObject(personalDataQuery),
    response: apiSchema(
      'PersonSummary',
      z.object({
        id: z.string(),
        profile: ProfileViewSchema.nullable(),
        factCount: z.number().int().describe('Facts ever recorded, retracted ones included'),
        lastRecordedAt: instantText.nullable(),
      }),
    ),
  },
  async handler({ params, query }, ctx) {
    const person = await personOr404(ctx, params.personId);
    const profiles = await readProfiles(ctx, 'getPerson', [person.id], query);
    const last = person.facts.reduce<number | null>(
      (max, f) => (max === null || f.recordedAt > max ? f.recordedAt : max),
      null,
    );
    return {
      id: person.id,
      profile: profiles.get(person.id) ?? null,
      factCount: person.facts.length,
      lastRecordedAt: last === null ? null : formatInstant(last),
    };
  },
});

export const createPerson = userRoute({
  operationId: 'createPerson',
  method: 'POST',
  url: '/people',
  tag: 'people',
  summary: 'Add a person with their first facts and, optionally, their profile',
  description:
    'Each fact is stamped `recordedAt` = now. Facts of types outside your role’s remit are refused (403, naming each).',
  access: admits(rolesFor('fact.record')),
  status: 201,
  schemas: {
    body: apiSchema(
      'NewPerson',
      z.strictObject({
        id: recordId,
        facts: z.array(NewPersonFactSchema).max(MAX_FACTS_PER_REQUEST),
        profile: NewProfileSchema.optional(),
      }),
    ),
    response: apiSchema(
      'CreatedPerson',
      z.object({ id: z.string(), summary: WriteSummarySchema, profileVersion: z.number().int().nullable() }),
    ),
  },
  async handler({ body }, ctx) {
    checkRemit(ctx, body.facts, 'facts');
    const facts = readNewFacts(body.facts, 'person', ctx.now, 'facts');
    await checkDesignations(facts, () => ctx.services.facts.programFacts(), 'facts');
    if ((await ctx.services.people.getPerson(body.id)) !== undefined) {
      throw new ApiProblem(
        'conflict',
        `Person ${body.id} is already recorded; add facts with POST /people/{id}/facts`,
      );
    }
    const given =
      body.profile === undefined
        ? undefined
        : {
            personId: body.id,
            name: body.profile.name,
            dateOfBirth: body.profile.dateOfBirth === undefined ? null : parseDay(body.profile.dateOfBirth)!,
            aNumber: body.profile.aNumber ?? null,
          };
    // A profile that would be refused (a date of birth after today, another person's
    // A-number) refuses the request before anything is stored.
    if (given !== undefined) await ctx.services.profiles.checkProfile(given);
    const summary = await ctx.services.facts.addPeople([{ id: body.id, facts }], actorOf(ctx));
    // Facts first: a profile belongs to a stored person. A failure here (a write racing this
    // one) leaves a person without a profile, which the caller can record again with
    // POST /people/{id}/profile.
    const profile = given === undefined ? undefined : await ctx.services.profiles.recordProfile(given, actorOf(ctx));
    return { id: body.id, summary, profileVersion: profile?.version ?? null };
  },
});

export const recordProfile = userRoute({
  operationId: 'recordProfile',
  method: 'POST',
  url: '/people/:personId/profile',
  tag: 'people',
  summary: 'Record a person’s profile (a new version; the latest is the one shown)',
  access: admits(PROFILE_RECORDERS),
  status: 201,
  schemas: {
    params: PersonParams,
    body: NewProfileSchema,
    response: apiSchema(
      'RecordedProfile',
      z.object({ personId: z.string(), version: z.number().int(), recordedAt: instantText }),
    ),
  },
  async handler({ params, body }, ctx) {
    const profile = await ctx.services.profiles.recordProfile(
      {
        personId: params.personId,
        name: body.name,
        dateOfBirth: body.dateOfBirth === undefined ? null : parseDay(body.dateOfBirth)!,
        aNumber: body.aNumber ?? null,
      },
      actorOf(ctx),
    );
    return {
      personId: profile.personId,
      version: profile.version,
      recordedAt: formatInstant(profile.recordedAt),
    };
  },
});

export const listPersonFacts = userRoute({
  operationId: 'listPersonFacts',
  method: 'GET',
  url: '/people/:personId/facts',
  tag: 'people',
  summary: 'A person’s facts as known at an instant, or their whole history',
  access: admits(rolesFor('person.read')),
  status: 200,
  schemas: {
    params: PersonParams,
    query: z.strictObject({
      knownAt: knownAtText.optional(),
      history: queryFlag.describe(
        'Every fact ever recorded, retracted ones with retractedAt (ignores knownAt)',
      ),
    }),
    response: apiSchema(
      'PersonFacts',
      z.object({ personId: z.string(), knownAt: instantText.nullable(), facts: z.array(PersonFactSchema) }),
    ),
  },
  async handler({ params, query }, ctx) {
    const person = await personOr404(ctx, params.personId);
    if (query.history === 'true')
      return { personId: person.id, knownAt: null, facts: person.facts.map(personFactJson) };
    const knownAt = knownAtOf(query.knownAt, ctx.now);
    // As known then: a retraction made later was not known yet, so it is not shown.
    const facts = person.facts
      .filter((f) => isKnownAt(f, knownAt))
      .map((f) => personFactJson({ ...f, retractedAt: undefined }));
    return { personId: person.id, knownAt: formatInstant(knownAt), facts };
  },
});

/** What a request recording facts did, with whoever it struck (person facts, programme facts). */
export const RecordedFactsSchema = apiSchema(
  'RecordedFacts',
  z.object({
    people: z.number().int().describe('Always 0: people are added with POST /people'),
    facts: z.number().int().describe('Facts recorded'),
    unchanged: z.number().int().describe('Facts already recorded with the same content'),
    struck: z.array(StruckPersonSchema).describe('People struck from manifests not yet departed, with why'),
    correlationId: z.string(),
  }),
);

/** The answer of a request recording facts (person or programme). */
export const recordedFactsJson = (
  r: FactsResult & { readonly unchanged: number },
): z.output<typeof RecordedFactsSchema> => ({
  people: 0,
  facts: r.factIds.length,
  unchanged: r.unchanged,
  struck: r.struck.map(struckJson),
  correlationId: r.correlationId,
});

const PersonRetractionSchema = apiSchema(
  'PersonRetraction',
  z.object({
    factId: z.string(),
    retractedAt: instantText,
    reason: z.string(),
    struck: z.array(StruckPersonSchema).describe('People struck from manifests not yet departed, with why'),
  }),
);

export const recordPersonFacts = userRoute({
  operationId: 'recordPersonFacts',
  method: 'POST',
  url: '/people/:personId/facts',
  tag: 'people',
  summary: 'Append facts to a person',
  description:
    'Each fact is stamped `recordedAt` = now. Sending a fact again with the same id and content changes nothing; the same id with other content is a conflict. Court orders, appeals, stays and protections are legal’s; other facts the officer’s.',
  access: admits(rolesForAny('fact.record', 'court_order.record')),
  status: 201,
  schemas: {
    params: PersonParams,
    body: apiSchema(
      'NewPersonFacts',
      z.strictObject({ facts: z.array(NewPersonFactSchema).min(1).max(MAX_FACTS_PER_REQUEST) }),
    ),
    response: RecordedFactsSchema,
  },
  async handler({ params, body }, ctx) {
    checkRemit(ctx, body.facts, 'facts');
    const incoming = readNewFacts(body.facts, 'person', ctx.now, 'facts');
    await checkDesignations(incoming, () => ctx.services.facts.programFacts(), 'facts');
    // Through the manifest service, so that a stay, a protection or any other blocking fact
    // strikes the person from every manifest not yet departed in the same transaction.
    const r = await ctx.services.operations.recordPersonFacts(actingOf(ctx), params.personId, incoming);
    return recordedFactsJson(r);
  },
});

export const retractPersonFact = userRoute({
  operationId: 'retractPersonFact',
  method: 'POST',
  url: '/people/:personId/facts/:factId/retraction',
  tag: 'people',
  summary: 'Withdraw a fact as wrong, from now on',
  description:
    'Answers as known before now are unchanged. Only a role that may record the fact’s type may retract it.',
  access: admits(rolesFor('fact.retract')),
  status: 201,
  schemas: {
    params: z.strictObject({ personId: pathId, factId: pathId }),
    body: RetractionRequestSchema,
    response: PersonRetractionSchema,
  },
  async handler({ params, body }, ctx) {
    const person = await personOr404(ctx, params.personId);
    const fact = person.facts.find((f) => f.id === params.factId);
    if (fact === undefined)
      throw new ApiProblem('not-found', `Person ${person.id} has no fact ${params.factId}`);
    checkRetractRemit(ctx, fact);
    if (fact.retractedAt !== undefined)
      throw new RepatriaError('CONFLICT', `Fact ${fact.id} is already retracted`);
    // Through the manifest service: withdrawing, say, a final order re-decides the person on
    // every manifest not yet departed, in the same transaction.
    const r = await ctx.services.operations.retractPersonFact(actingOf(ctx), person.id, fact.id, body.reason);
    return {
      factId: fact.id,
      retractedAt: formatInstant(r.recordedAt),
      reason: body.reason,
      struck: r.struck.map(struckJson),
    };
  }
});
