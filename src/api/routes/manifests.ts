/**
 * Manifests through the application services, which check the role of every command
 * (`COMMAND_ACTIONS`) and the state it is allowed in: the routes only translate. Each route
 * admits the roles of its command, derived from the same table, so that a refused role is
 * told so before its body is read.
 */
import { z } from 'zod';
import { RefusedError, type CommandResult } from '../../application/operations.js';
import { formatDay } from '../../domain/dates.js';
import type { PersonFact } from '../../domain/facts.js';
import {
  citationRefusal,
  COMMAND_ACTIONS,
  type Confirmation,
  type ManifestCommand,
  type ManifestCommandType,
} from '../../domain/manifest/decide.js';
import { ARRIVAL_OUTCOMES, MANIFEST_STATES, onBoardList } from '../../domain/manifest/manifest.js';
import { STRIKE_CODES, type StrikeCode } from '../../domain/manifest/strike-codes.js';
import { rolesFor } from '../../domain/roles.js';
import { renderManifestPdf, type ManifestPassenger } from '../../export/manifest-pdf.js';
import { ApiProblem } from '../problem.js';
import { actingOf, admits, downloadRoute, userRoute, type RouteSchemas, type UserContext } from '../route.js';
import {
  eventJson,
  ManifestDetailSchema,
  manifestDetailJson,
  ManifestEventSchema,
  ManifestPersonSchema,
  manifestPersonJson,
  ManifestSummarySchema,
  manifestSummaryJson,
  reasonField,
  StrikeReasonSchema,
} from '../schemas/operations.js';
import { apiSchema } from '../schemas/registry.js';
import { countryCode, pageLimit, shortText } from '../schemas/scalars.js';

const pathId = z.string().min(1).max(1000);
const ManifestParams = z.strictObject({ manifestId: pathId });
/** People named in one request: a full aircraft and then some. */
const MAX_PEOPLE = 1000;

export const listManifests = userRoute({
  operationId: 'listManifests',
  method: 'GET',
  url: '/manifests',
  tag: 'manifests',
  summary: 'Manifests in id order, a page at a time, by state and flight',
  access: admits(rolesFor('manifest.read')),
  status: 200,
  schemas: {
    query: z.strictObject({
      flightId: pathId.optional(),
      state: z.enum(MANIFEST_STATES).optional(),
      after: pathId.optional().describe('The last id of the previous page'),
      limit: pageLimit(500, 100),
    }),
    response: apiSchema(
      'ManifestPage',
      z.object({
        manifests: z.array(ManifestSummarySchema),
        next: z.string().nullable().describe('Pass as `after` for the next page; null on the last'),
      }),
    ),
  },
  async handler({ query }, ctx) {
    const all = await ctx.services.operations.list(actingOf(ctx), {
      flightId: query.flightId,
      states: query.state === undefined ? undefined : [query.state],
    });
    // The service lists in id order; a manifest's state is the fold of its events, so the
    // state filter and the page are applied to that list rather than in SQL.
    const after = query.after;
    const page = (after === undefined ? all : all.filter(({ manifest }) => manifest.id > after)).slice(
      0,
      query.limit,
    );
    return {
      manifests: page.map(({ manifest, flight }) => manifestSummaryJson(manifest, flight)),
      next: page.length === query.limit ? (page.at(-1)?.manifest.id ?? null) : null,
    };
  },
});

const PersonManifestSchema = apiSchema(
  'PersonManifest',
  ManifestSummarySchema.extend({ person: ManifestPersonSchema.describe('The person on this manifest') }),
);

export const listPersonManifests = userRoute({
  operationId: 'listPersonManifests',
  method: 'GET',
  url: '/people/:personId/manifests',
  tag: 'manifests',
  summary:
    'Every manifest that has listed a person, struck or not, with their standing on it: what counsel needs to know before a flight leaves',
  access: admits(rolesFor('manifest.read')),
  status: 200,
  schemas: {
    params: z.strictObject({ personId: pathId }),
    response: apiSchema(
      'PersonManifests',
      z.object({
        personId: z.string(),
        manifests: z.array(PersonManifestSchema).describe('By flight date, the latest first'),
      }),
    ),
  },
  async handler({ params }, ctx) {
    const { personId } = params;
    if ((await ctx.services.people.getPerson(personId)) === undefined)
      throw new ApiProblem('not-found', `No person ${personId}`);
    const listed = await ctx.services.operations.list(actingOf(ctx), { personId });
    return {
      personId,
      manifests: listed
        .sort((a, b) => b.flight.date - a.flight.date || (a.manifest.id < b.manifest.id ? -1 : 1))
        .flatMap(({ manifest, flight }) => {
          const person = manifest.people.find((p) => p.personId === personId);
          return person === undefined ? [] : [{ ...manifestSummaryJson(manifest, flight), person: manifestPersonJson(person) }];
        }),
    };
  },
});

export const getManifest = userRoute({
  operationId: 'getManifest',
  method: 'GET',
  url: '/manifests/:manifestId',
  tag: 'manifests',
  summary: 'A manifest with its flight, seats, people (struck ones with why) and whole history',
  access: admits(rolesFor('manifest.read')),
  status: 200,
  schemas: { params: ManifestParams, response: ManifestDetailSchema },
  async handler({ params }, ctx) {
    return manifestDetailJson(await ctx.services.operations.show(actingOf(ctx), params.manifestId));
  },
});

const ManifestChangeSchema = apiSchema(
  'ManifestChange',
  z.object({
    manifest: z
      .object({
        id: z.string(),
        flightId: z.string(),
        state: z.enum(MANIFEST_STATES),
        version: z.number().int(),
        onBoard: z.number().int(),
      })
      .describe('The manifest after the command'),
    events: z.array(ManifestEventSchema).describe('What the command recorded, in order'),
    struck: z
      .array(
        z.object({
          personId: z.string(),
          reasons: z.array(StrikeReasonSchema),
          cause: z.string(),
          reason: z.string(),
        }),
      )
      .describe('People the command struck off, with why'),
    correlationId: z.string().describe('Shared by every audit entry this command wrote'),
  }),
);
type ManifestChange = z.output<typeof ManifestChangeSchema>;

function changeJson(result: CommandResult): ManifestChange {
  const m = result.manifest;
  const first = m.version - result.events.length + 1;
  const events = result.events.map((e, i) => eventJson(e, first + i));
  return {
    manifest: {
      id: m.id,
      flightId: m.flightId,
      state: m.state,
      version: m.version,
      onBoard: onBoardList(m).length,
    },
    events,
    struck: events.flatMap((e) =>
      e.kind === 'person_struck'
        ? [{ personId: e.personId, reasons: e.reasons, cause: e.cause, reason: e.reason }]
        : [],
    ),
    correlationId: result.correlationId,
  };
}

export const createManifest = userRoute({
  operationId: 'createManifest',
  method: 'POST',
  url: '/manifests',
  tag: 'manifests',
  summary: 'Draft an empty manifest for a flight',
  description: 'Its id is `M-<flight>-<n>` unless given.',
  access: admits(rolesFor(COMMAND_ACTIONS.create)),
  status: 201,
  schemas: {
    body: apiSchema(
      'NewManifest',
      z.strictObject({
        flightId: pathId,
        manifestId: z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/)
          .optional(),
        reason: reasonField,
      }),
    ),
    response: ManifestChangeSchema,
  },
  async handler({ body }, ctx) {
    return changeJson(await ctx.services.operations.createManifest(actingOf(ctx), body));
  },
});

type Command = Exclude<ManifestCommand, { type: 'create' }>;

/** A command route: `POST /manifests/{id}/<path>`, for the roles of the command's action. */
function commandRoute<
  Body extends z.ZodType<{ reason?: string | undefined }>,
  Response extends z.ZodType,
>(spec: {
  readonly operationId: string;
  readonly path: string;
  readonly command: Exclude<ManifestCommandType, 'create'>;
  readonly summary: string;
  readonly description?: string;
  readonly body: Body;
  readonly response: Response;
  readonly toCommand: (body: z.output<Body>) => Command;
  readonly answer: (result: CommandResult) => z.output<Response>;
  /** Refuses what the manifest service cannot check itself, before the command is sent. */
  readonly check?: (body: z.output<Body>, ctx: UserContext) => Promise<void>;
}) {
  const schemas = { params: ManifestParams, body: spec.body, response: spec.response } satisfies RouteSchemas;
  return userRoute({
    operationId: spec.operationId,
    method: 'POST',
    url: `/manifests/:manifestId/${spec.path}`,
    tag: 'manifests',
    summary: spec.summary,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    access: admits(rolesFor(COMMAND_ACTIONS[spec.command])),
    status: 200,
    schemas,
    async handler({ params, body }, ctx: UserContext) {
      // The body schema has parsed the body: `Out<Body>` is its output, not undefined.
      const parsed = body as z.output<Body>;
      await spec.check?.(parsed, ctx);
      const result = await ctx.services.operations.command(
        actingOf(ctx),
        params.manifestId,
        spec.toCommand(parsed),
        parsed.reason,
      );
      return spec.answer(result);
    },
  });
}

const ReasonOnly = apiSchema('ManifestNote', z.strictObject({ reason: reasonField }));

export const addManifestPeople = commandRoute({
  operationId: 'addManifestPeople',
  path: 'people',
  command: 'add',
  summary: 'Add people to a draft manifest',
  description:
    'Each person is decided with the facts known now; anyone who may not take the flight, is on another open manifest, or would exceed the seats refuses the whole request, saying who and why.',
  body: apiSchema(
    'ManifestAddition',
    z.strictObject({ personIds: z.array(pathId).min(1).max(MAX_PEOPLE), reason: reasonField }),
  ),
  response: ManifestChangeSchema,
  toCommand: (body) => ({ type: 'add', personIds: body.personIds }),
  answer: changeJson,
});

export const strikeManifestPerson = commandRoute({
  operationId: 'strikeManifestPerson',
  path: 'strikes',
  command: 'strike',
  summary: 'Strike a person from a manifest not yet departed, with a reason code',
  body: apiSchema(
    'ManifestStrike',
    z.strictObject({
      personId: pathId,
      code: z.enum(STRIKE_CODES as readonly [StrikeCode, ...StrikeCode[]]),
      facts: z.array(pathId).max(100).optional().describe('Ids of the facts behind the code'),
      reason: reasonField,
    }),
  ),
  response: ManifestChangeSchema,
  toCommand: (body) => ({
    type: 'strike',
    personId: body.personId,
    reasons: [{ code: body.code, facts: body.facts ?? [] }],
  }),
  // The manifest service reads no facts for a strike, so the cited ones are checked here,
  // just before its transaction. Facts are only ever added or retracted: the one race is a
  // cited fact retracted in between, which the strike then cites as it was a moment before.
  async check(body, ctx) {
    if (body.facts === undefined || body.facts.length === 0) return;
    const person = await ctx.services.people.getPerson(body.personId);
    // Someone not in the registry is on no manifest either; the strike says so.
    if (person === undefined) return;
    const program = await ctx.services.facts.programFacts();
    const reasons = [{ code: body.code, facts: body.facts }];
    const refusal = citationRefusal(person, program, reasons, ctx.services.clock());
    if (refusal === undefined) return;
    // The body carries one reason, flattened: `reasons.0.facts.1` is its `facts.1`.
    const fields = (refusal.fields ?? []).map((f) => ({ ...f, field: f.field.replace(/^reasons\.0\./, '') }));
    throw new RefusedError({ ...refusal, fields });
  },
  answer: changeJson,
});

export const submitManifest = commandRoute({
  operationId: 'submitManifest',
  path: 'submit',
  command: 'submit',
  summary: 'Submit a draft for legal review',
  body: ReasonOnly,
  response: ManifestChangeSchema,
  toCommand: () => ({ type: 'submit' }),
  answer: changeJson,
});

export const reviewManifest = commandRoute({
  operationId: 'reviewManifest',
  path: 'review',
  command: 'review',
  summary: 'Record the legal review: cleared for approval, or returned to draft',
  body: apiSchema(
    'ManifestReview',
    z.strictObject({ outcome: z.enum(['cleared', 'returned']), reason: reasonField }),
  ),
  response: ManifestChangeSchema,
  toCommand: (body) => ({ type: 'review', outcome: body.outcome }),
  answer: changeJson,
});

export const approveManifest = commandRoute({
  operationId: 'approveManifest',
  path: 'approve',
  command: 'approve',
  summary: 'Approve a manifest that passed legal review',
  description: 'Everyone is decided again first; whoever may no longer fly is struck (listed in `struck`).',
  body: ReasonOnly,
  response: ManifestChangeSchema,
  toCommand: () => ({ type: 'approve' }),
  answer: changeJson,
});

export const boardManifest = commandRoute({
  operationId: 'boardManifest',
  path: 'board',
  command: 'board',
  summary: 'Start boarding: the departure check',
  description:
    'Re-decides every person with the facts known at this instant and pulls anyone now protected; the response lists who was pulled and why, and who was cleared.',
  body: ReasonOnly,
  response: apiSchema(
    'BoardingResult',
    ManifestChangeSchema.extend({
      cleared: z.array(z.string()).describe('People the departure check found free to fly'),
    }),
  ),
  toCommand: () => ({ type: 'board' }),
  answer: (result) => {
    const started = result.events.find((e) => e.kind === 'boarding_started');
    return {
      ...changeJson(result),
      cleared: started?.kind === 'boarding_started' ? [...started.cleared] : [],
    };
  },
});

export const departManifest = commandRoute({
  operationId: 'departManifest',
  path: 'depart',
  command: 'depart',
  summary: 'Record the departure: who boarded, and who did not',
  body: apiSchema(
    'Departure',
    z.strictObject({
      notBoarded: z.array(pathId).max(MAX_PEOPLE).describe('People on the manifest who did not board'),
      reason: reasonField,
    }),
  ),
  response: apiSchema(
    'DepartureResult',
    ManifestChangeSchema.extend({ boarded: z.array(z.string()), notBoarded: z.array(z.string()) }),
  ),
  toCommand: (body) => ({ type: 'depart', notBoarded: body.notBoarded }),
  answer: (result) => {
    const departed = result.events.find((e) => e.kind === 'departed');
    return {
      ...changeJson(result),
      boarded: departed?.kind === 'departed' ? [...departed.boarded] : [],
      notBoarded: departed?.kind === 'departed' ? [...departed.notBoarded] : [],
    };
  },
});

const ConfirmationSchema = z.strictObject({ personId: pathId, outcome: z.enum(ARRIVAL_OUTCOMES) });
const ArrivalSchema = apiSchema(
  'Arrival',
  z.strictObject({
    reference: shortText(200).describe('The receiving country’s confirmation reference'),
    confirmations: z
      .array(ConfirmationSchema)
      .max(MAX_PEOPLE)
      .describe('Per person who boarded: accepted or refused by the receiving country'),
    reason: reasonField,
  }),
);
const ArrivalResultSchema = apiSchema(
  'ArrivalResult',
  ManifestChangeSchema.extend({
    confirmations: z.array(z.object({ personId: z.string(), outcome: z.enum(ARRIVAL_OUTCOMES) })),
  }),
);
const arrivalAnswer = (result: CommandResult): z.output<typeof ArrivalResultSchema> => ({
  ...changeJson(result),
  confirmations: result.events.flatMap((e) =>
    e.kind === 'arrival_confirmed' ? [{ personId: e.personId, outcome: e.outcome }] : [],
  ),
});
const confirmationsOf = (
  list: readonly { personId: string; outcome: Confirmation['outcome'] }[],
): Confirmation[] => list.map((c) => ({ personId: c.personId, outcome: c.outcome }));

export const arriveManifest = commandRoute({
  operationId: 'arriveManifest',
  path: 'arrive',
  command: 'arrive',
  summary: 'Record the arrival, with the receiving country’s confirmation of each person',
  body: ArrivalSchema,
  response: ArrivalResultSchema,
  toCommand: (body) => ({
    type: 'arrive',
    reference: body.reference,
    confirmations: confirmationsOf(body.confirmations),
  }),
  answer: arrivalAnswer,
});

export const confirmArrivals = commandRoute({
  operationId: 'confirmArrivals',
  path: 'confirmations',
  command: 'confirm',
  summary: 'Record confirmations that came after the arrival',
  body: ArrivalSchema,
  response: ArrivalResultSchema,
  toCommand: (body) => ({
    type: 'confirm',
    reference: body.reference,
    confirmations: confirmationsOf(body.confirmations),
  }),
  answer: arrivalAnswer,
});

export const recordInboundPassenger = commandRoute({
  operationId: 'recordInboundPassenger',
  path: 'inbound',
  command: 'inbound',
  summary: 'Record a return-leg passenger: a citizen of the sending country coming back',
  body: apiSchema(
    'InboundPassenger',
    z.strictObject({
      passengerId: shortText(100).describe('The sending country’s reference for the citizen, not a name'),
      citizenship: countryCode,
      reason: reasonField,
    }),
  ),
  response: ManifestChangeSchema,
  toCommand: (body) => ({ type: 'inbound', passengerId: body.passengerId, citizenship: body.citizenship }),
  answer: changeJson,
});

export const closeManifest = commandRoute({
  operationId: 'closeManifest',
  path: 'close',
  command: 'close',
  summary: 'Close a manifest once its arrival is recorded',
  body: ReasonOnly,
  response: ManifestChangeSchema,
  toCommand: () => ({ type: 'close' }),
  answer: changeJson,
});

export const cancelManifest = commandRoute({
  operationId: 'cancelManifest',
  path: 'cancel',
  command: 'cancel',
  summary: 'Cancel a manifest before departure (a reason is required)',
  body: apiSchema('ManifestCancellation', z.strictObject({ reason: shortText(1000) })),
  response: ManifestChangeSchema,
  toCommand: () => ({ type: 'cancel' }),
  answer: changeJson,
});

/** Nationality and custody facility as known now, for the printed list (ids, never names). */
function passengerDetails(
  facts: readonly PersonFact[],
  on: number,
): { nationality: string; facility?: string } {
  const live = facts.filter((f) => f.retractedAt === undefined);
  const nationality = live.find((f) => f.type === 'nationality');
  const custody = live.find(
    (f) => f.type === 'custody' && f.from <= on && (f.through ?? Number.POSITIVE_INFINITY) >= on,
  );
  return {
    nationality: nationality?.type === 'nationality' ? nationality.country : '??',
    ...(custody?.type === 'custody' ? { facility: custody.facility } : {}),
  };
}

const CSV_COLUMNS = [
  'person_id',
  'status',
  'added_at',
  'added_by',
  'strike_codes',
  'struck_by',
  'arrival',
] as const;

const csvCell = (value: string): string =>
  /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

export const downloadManifestCsv = downloadRoute({
  operationId: 'downloadManifestCsv',
  method: 'GET',
  url: '/manifests/:manifestId/export.csv',
  tag: 'manifests',
  summary: 'The manifest’s people as CSV: one row per person ever added',
  access: admits(rolesFor('manifest.read')),
  status: 200,
  produces: 'text/csv',
  schemas: { params: ManifestParams, response: z.string() },
  async handler({ params }, ctx) {
    const view = await ctx.services.operations.show(actingOf(ctx), params.manifestId);
    const detail = manifestDetailJson(view);
    const lines = [CSV_COLUMNS.join(',')];
    for (const p of detail.people) {
      lines.push(
        [
          p.personId,
          p.status,
          p.addedAt,
          p.addedBy,
          p.strike?.reasons.map((r) => r.code).join(' ') ?? '',
          p.strike === null ? '' : `${p.strike.by} (${p.strike.role})`,
          p.arrival === null ? '' : `${p.arrival.outcome} ${p.arrival.reference}`,
        ]
          .map(csvCell)
          .join(','),
      );
    }
    return { body: `${lines.join('\n')}\n`, filename: `${view.manifest.id}.csv` };
  },
});

const APPROVAL_KINDS = new Set([
  'submitted',
  'review_cleared',
  'review_returned',
  'approved',
  'boarding_started',
  'departed',
  'arrived',
  'closed',
  'cancelled',
]);

export const downloadManifestPdf = downloadRoute({
  operationId: 'downloadManifestPdf',
  method: 'GET',
  url: '/manifests/:manifestId/export.pdf',
  tag: 'manifests',
  summary: 'The printable manifest (PDF): flight, people with nationality and facility, every approval',
  access: admits(rolesFor('manifest.read')),
  status: 200,
  produces: 'application/pdf',
  schemas: { params: ManifestParams, response: z.string().meta({ format: 'binary' }) },
  async handler({ params }, ctx) {
    const view = await ctx.services.operations.show(actingOf(ctx), params.manifestId);
    const { manifest: m, flight } = view;
    const people: ManifestPassenger[] = [];
    for (const p of m.people) {
      const person = await ctx.services.people.getPerson(p.personId);
      people.push({
        personId: p.personId,
        ...passengerDetails(person?.facts ?? [], flight.date),
        status: p.strike === null ? 'on_board' : 'struck',
        ...(p.strike === null ? {} : { reasons: p.strike.reasons.map((r) => r.code) }),
      });
    }
    const pdf = await renderManifestPdf({
      manifestId: m.id,
      state: m.state,
      flight,
      people,
      approvals: view.events
        .filter((e) => APPROVAL_KINDS.has(e.kind))
        .map((e) => ({
          action: e.kind.replace('_', ' '),
          actor: e.actor,
          role: e.role,
          at: e.at,
          reason: e.reason,
        })),
      printedAt: ctx.now,
    });
    return { body: pdf, filename: `${m.id}-${formatDay(flight.date)}.pdf` };
  },
});
