/**
 * Every route, sent random and malformed bodies, query strings and path parameters, by
 * every kind of caller: never a 5xx, every refusal an RFC 9457 problem, and a refused
 * request stores nothing (row counts of every table unchanged).
 *
 * Bodies are mostly mutations of the route's valid sample (a field dropped, retyped or
 * added, deep inside), so that validation is exercised past its first check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../src/api/problem.js';
import { ROUTE_LIST } from '../../src/api/routes/index.js';
import { ROLES } from '../../src/domain/access.js';
import {
  headersFor,
  PROBLEM_TYPE,
  snapshot,
  serveForFile,
  type Credentials,
  type TestServer,
} from './harness.js';
import { SAMPLES } from './samples.js';

const RUNS_PER_ROUTE = 60;

let server: TestServer;
const credentialHeaders = new Map<string, Record<string, string>>();

serveForFile(async (s) => {
  server = s;
  const kinds: Credentials[] = [{ kind: 'none' }, ...ROLES.map((role) => ({ kind: 'token' as const, role }))];
  for (const c of kinds)
    credentialHeaders.set(c.kind === 'none' ? 'none' : c.role, await headersFor(s, c));
  credentialHeaders.set('admin-session', await headersFor(s, { kind: 'session', role: 'admin' }));
});

/** Text that breaks things: control characters, long runs, path and query syntax, encodings. */
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '..',
    '../..',
    '%',
    '%00',
    '\u0000',
    '?',
    '#',
    '&',
    '=',
    '/',
    '\\',
    '\u202e',
    '🙂',
    'null',
    'true',
    '-1',
    '1e309',
    'NaN',
  ),
  fc.string({ minLength: 900, maxLength: 1200 }),
  fc.constantFrom(
    '2025-02-30',
    '2025-13-01',
    '2025-06-01T25:00:00Z',
    '2025-06-01T00:00:00',
    'P0000001',
    'XA',
    'VE-2023',
  ),
);

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyText,
  fc.constant(undefined),
);

/** A JSON value with one random change somewhere inside. */
function mutate(value: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(value)) {
    const list = value as unknown[];
    if (list.length === 0) return fc.oneof(anyJson, fc.array(anyJson, { maxLength: 3 }));
    return fc.oneof(
      fc
        .nat({ max: list.length - 1 })
        .chain((i) => mutate(list[i]).map((m) => list.map((v, j) => (j === i ? m : v)))),
      fc.constant([]),
      fc.array(anyJson, { maxLength: 3 }),
      anyJson,
      fc.constant(Array.from({ length: 1200 }, () => list[0])),
    );
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    // An empty body (`{}`, a transition with no note) can only gain fields or be replaced.
    if (keys.length === 0)
      return fc.oneof(fc.tuple(nastyText, anyJson).map(([k, v]) => ({ [k]: v })), anyJson);
    return fc.oneof(
      fc.constantFrom(...keys).chain((k) => mutate(record[k]).map((m) => ({ ...record, [k]: m }))),
      fc
        .constantFrom(...keys)
        .map((k) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== k))),
      fc.tuple(nastyText, anyJson).map(([k, v]) => ({ ...record, [k]: v })),
      anyJson,
    );
  }
  return anyJson;
}

/** A path with each `:param` filled by random text (encoded, or raw and perhaps malformed). */
const randomPath = (url: string): fc.Arbitrary<string> => {
  const names = url.match(/:[A-Za-z]+/g) ?? [];
  return fc.tuple(...names.map(() => fc.tuple(nastyText, fc.boolean()))).map((values) => {
    let i = 0;
    return url.replace(/:[A-Za-z]+/g, () => {
      const [text, raw] = values[i++]!;
      return raw ? text.replace(/[?#/]/g, '') || 'x' : encodeURIComponent(text) || 'x';
    });
  });
};

const randomQuery = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'on',
          'knownAt',
          'destination',
          'limit',
          'after',
          'history',
          'unmask',
          'reason',
          'type',
          'all',
          'from',
          'to',
          'by',
          'country',
          'state',
          'flightId',
          'destination',
          'destinationCountry',
          'subject',
          'actor',
          'what',
        ),
        nastyText,
      ),
      nastyText,
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

const CALLER_KEYS = ['none', ...ROLES, 'admin-session', 'garbage'] as const;

describe('fuzzing every route (SQLite)', () => {
  for (const route of ROUTE_LIST) {
    it(`${route.method} ${route.url}: no 5xx, problems for refusals, nothing stored`, async () => {
      const sample = await SAMPLES[route.operationId as keyof typeof SAMPLES]({ server, role: 'admin' });
      const [samplePath, sampleQuery = ''] = sample.url.split('?');
      const request = fc.record({
        caller: fc.constantFrom(...CALLER_KEYS),
        path: fc.oneof(fc.constant(samplePath!), randomPath(route.url)),
        query: fc.oneof(
          fc.constant(sampleQuery),
          randomQuery,
          fc.constant('%E0%A4%A'),
          fc.constant('a[b]=1&a[c]=2'),
        ),
        body:
          sample.payload === undefined
            ? fc.oneof(fc.constant(undefined), anyJson)
            : fc.oneof(mutate(sample.payload), mutate(sample.payload), anyJson),
        rawBody: fc.option(fc.oneof(nastyText, fc.constant('{"facts":['), fc.constant('{}}')), { freq: 6 }),
        contentType: fc.constantFrom(
          'application/json',
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          undefined,
        ),
      });

      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const headers: Record<string, string> =
            r.caller === 'garbage'
              ? { authorization: 'Bearer not-a-token' }
              : { ...credentialHeaders.get(r.caller) };
          if (r.contentType !== undefined) headers['content-type'] = r.contentType;
          const payload = r.rawBody ?? (r.body === undefined ? undefined : JSON.stringify(r.body));
          const before = await snapshot(server.store);
          const response = await server.app.inject({
            method: route.method,
            url: r.query === '' ? r.path : `${r.path}?${r.query}`,
            headers,
            ...(payload === undefined ? {} : { payload }),
          });
          expect(response.statusCode, response.body).toBeLessThan(500);
          if (response.statusCode >= 400) {
            expect(response.headers['content-type']).toMatch(PROBLEM_TYPE);
            const problem = ProblemSchema.parse(JSON.parse(response.body));
            expect(problem.status).toBe(response.statusCode);
            expect(problem.type).toMatch(/^urn:repatria:problem:[a-z-]+$/);
            expect(await snapshot(server.store)).toEqual(before);
          }
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    });
  }
});
