/**
 * RFC 9457 problem details: the one shape of every refusal and failure the API sends, and
 * the one place where errors become responses.
 *
 * Each problem has a stable `type` (`urn:repatria:problem:<slug>`) that clients can branch
 * on; validation problems list every field at fault (`errors[]`, with where the field is and
 * its dotted path). Internals never leave the server: a 5xx says only that something failed
 * and which request id to quote; the error itself goes to the log.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RefusedError } from '../application/operations.js';
import { InvalidInputError, type InputIssue } from '../contract/input-issue.js';
import { RepatriaError, type ErrorCode } from '../domain/errors.js';
import { apiSchema } from './schemas/registry.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Where a field at fault sits in the request. */
export const FIELD_LOCATIONS = ['body', 'query', 'path', 'header'] as const;
export type FieldLocation = (typeof FIELD_LOCATIONS)[number];

export const FieldIssueSchema = apiSchema(
  'FieldIssue',
  z.object({
    in: z.enum(FIELD_LOCATIONS),
    /** Dotted path inside that part of the request (`facts.0.through`), `-` for the whole of it. */
    field: z.string(),
    reason: z.string(),
  }),
);
export type FieldIssue = z.output<typeof FieldIssueSchema>;

export const ProblemSchema = apiSchema(
  'Problem',
  z.object({
    type: z.string().describe('Stable identifier of the kind of problem: urn:repatria:problem:<slug>'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional().describe('The path of the request'),
    requestId: z.string().optional().describe('Quote it when asking about this request'),
    errors: z
      .array(FieldIssueSchema)
      .optional()
      .describe(
        'Every field at fault: of an invalid request, or of a conflict a field causes (an id already taken)',
      ),
  }),
);
export type Problem = z.output<typeof ProblemSchema>;

/** The kinds of problem, with the status and title each always has. */
export const PROBLEM_KINDS = {
  'invalid-request': { status: 400, title: 'The request is not valid' },
  'malformed-request': { status: 400, title: 'The request could not be read' },
  unauthenticated: { status: 401, title: 'Sign in or send a valid API token' },
  forbidden: { status: 403, title: 'Your role does not allow this' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'The request conflicts with what is recorded' },
  'invalid-state': { status: 409, title: 'The request does not fit the current state' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Send the body as application/json' },
  'too-many-requests': { status: 429, title: 'Too many requests; try again later' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'The service is unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;
export type ProblemKind = keyof typeof PROBLEM_KINDS;

export const problemType = (kind: ProblemKind): string => `urn:repatria:problem:${kind}`;

/** A refusal thrown by a handler or a hook; the error handler sends it as it is. */
export class ApiProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail?: string,
    readonly errors?: readonly FieldIssue[],
    /** Extra response headers, e.g. `WWW-Authenticate` on a 401. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(detail ?? PROBLEM_KINDS[kind].title);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return PROBLEM_KINDS[this.kind].status;
  }
}

const DOMAIN_KINDS: Readonly<Record<ErrorCode, ProblemKind>> = {
  NOT_FOUND: 'not-found',
  CONFLICT: 'conflict',
  INVALID_INPUT: 'invalid-request',
  FORBIDDEN: 'forbidden',
  INVALID_STATE: 'invalid-state',
};

const VALIDATION_LOCATIONS: Readonly<Record<string, FieldLocation>> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/** `/facts/0/through` → `facts.0.through`; the root → `-`. */
const dotted = (pointer: string): string => {
  const path = pointer.split('/').filter((p) => p !== '');
  return path.length === 0 ? '-' : path.join('.');
};

/** Field issues of the interchange parser (src/contract), placed in the request body. */
export const bodyIssues = (issues: readonly InputIssue[], prefix: string): FieldIssue[] =>
  issues.map((i) => ({
    in: 'body',
    field: i.field === '-' ? prefix : `${prefix}.${i.field}`,
    reason: i.record === '' ? i.reason : `${i.record}: ${i.reason}`,
  }));

/**
 * What is wrong, for the malformed requests Fastify refuses before any route sees them. Said
 * in our words: Fastify's messages and the JSON parser's may quote the request, and a body
 * can hold secrets or personal data.
 */
const MALFORMED_DETAILS: ReadonlyMap<string, string> = new Map([
  [
    'FST_ERR_CTP_EMPTY_JSON_BODY',
    'The body is empty, but the Content-Type header says it is JSON: send a JSON value, or no Content-Type.',
  ],
  ['FST_ERR_CTP_INVALID_JSON_BODY', 'The body is not valid JSON.'],
  ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 'The body is not as long as the Content-Length header says.'],
  ['FST_ERR_BAD_URL', 'The URL holds a percent-encoded sequence that is not valid UTF-8.'],
]);
const MALFORMED_DETAIL = 'The request could not be read as HTTP with a JSON body.';

/** Fastify's own 4xx errors (bad JSON, wrong media type, body too large, bad URL): a fixed kind each. */
function frameworkKind(error: FastifyError): ProblemKind | undefined {
  switch (error.statusCode) {
    case 413:
      return 'payload-too-large';
    case 415:
      return 'unsupported-media-type';
    case 429:
      return 'too-many-requests';
    case 404:
      return 'not-found';
    case undefined:
      return undefined;
    default:
      return error.statusCode >= 400 && error.statusCode < 500 ? 'malformed-request' : undefined;
  }
}

export interface MappedProblem {
  readonly problem: Problem;
  readonly headers: Readonly<Record<string, string>>;
  /** Whether this is a failure of ours (logged with its stack), not a refusal of the request. */
  readonly internal: boolean;
}

/** Any error thrown while serving a request, as the problem to send. */
export function mapError(error: unknown, request: FastifyRequest): MappedProblem {
  const base = (kind: ProblemKind, detail?: string, errors?: readonly FieldIssue[]): Problem => ({
    type: problemType(kind),
    title: PROBLEM_KINDS[kind].title,
    status: PROBLEM_KINDS[kind].status,
    ...(detail === undefined ? {} : { detail }),
    instance: request.url.split('?')[0] ?? request.url,
    requestId: request.id,
    ...(errors === undefined || errors.length === 0 ? {} : { errors: [...errors] }),
  });

  if (error instanceof ApiProblem) {
    return {
      problem: base(error.kind, error.detail, error.errors),
      headers: error.headers ?? {},
      internal: false,
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = VALIDATION_LOCATIONS[error.validationContext ?? 'body'] ?? 'body';
    const errors = error.validation.flatMap((v): FieldIssue[] => {
      const at = dotted(v.instancePath);
      // Zod places an unknown key's issue on the object that holds it; the key is the field
      // at fault, and each unknown key is one.
      const keys = v.keyword === 'unrecognized_keys' ? unknownKeys(v.params) : [];
      if (keys.length > 0) {
        return keys.map((key) => ({
          in: where,
          field: at === '-' ? key : `${at}.${key}`,
          reason: 'is not a recognised field',
        }));
      }
      return [{ in: where, field: at, reason: v.message ?? 'is not valid' }];
    });
    return {
      problem: base('invalid-request', `The ${where === 'path' ? 'path' : where} has invalid fields`, errors),
      headers: {},
      internal: false,
    };
  }
  if (error instanceof InvalidInputError) {
    return {
      problem: base('invalid-request', 'The body has invalid fields', bodyIssues(error.issues, 'body')),
      headers: {},
      internal: false,
    };
  }
  if (error instanceof RefusedError) {
    // The fields of a manifest command are named as in the request body of its route.
    const errors = (error.refusal.fields ?? []).map((f) => ({
      in: 'body' as const,
      field: f.field,
      reason: f.reason,
    }));
    return { problem: base(DOMAIN_KINDS[error.code], error.message, errors), headers: {}, internal: false };
  }
  if (error instanceof RepatriaError) {
    return { problem: base(DOMAIN_KINDS[error.code], error.message), headers: {}, internal: false };
  }
  if (typeof error === 'object' && error !== null && !isSerializationError(error)) {
    const fastifyError = error as FastifyError;
    const kind = frameworkKind(fastifyError);
    if (kind === 'malformed-request') {
      const detail = MALFORMED_DETAILS.get(fastifyError.code) ?? MALFORMED_DETAIL;
      return { problem: base(kind, detail), headers: {}, internal: false };
    }
    if (kind !== undefined) return { problem: base(kind), headers: {}, internal: false };
  }
  return {
    problem: base('internal', 'Something failed on our side. Quote the request id if you report it.'),
    headers: {},
    internal: true,
  };
}

/** The keys of a Zod `unrecognized_keys` issue (its `keys`), as the provider passes them on. */
function unknownKeys(params: unknown): string[] {
  if (typeof params !== 'object' || params === null || !('keys' in params)) return [];
  const keys = params.keys;
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
}

const isSerializationError = (error: object): boolean =>
  'method' in error && isResponseSerializationError(error);

/** Sends a problem. Used by the error handler, the not-found handler and framework errors. */
export function sendProblem(reply: FastifyReply, mapped: MappedProblem): FastifyReply {
  void reply.code(mapped.problem.status).headers(mapped.headers).type(PROBLEM_MEDIA_TYPE);
  // Serialised by hand: a problem must go out even where no response schema applies (404,
  // framework errors), and its shape is fixed by the type above.
  return reply.serializer(JSON.stringify).send(mapped.problem);
}
