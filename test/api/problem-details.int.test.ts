/**
 * What a refused request is told: every unknown key named as a field, and a malformed body
 * described without quoting it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  headersFor,
  json,
  PROBLEM_TYPE,
  snapshot,
  StoreFactory,
  testServer,
  type TestServer,
} from './harness.js';
import { PERSON } from './samples.js';

const stores = new StoreFactory();
let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  server = await testServer(await stores.open('sqlite'));
  admin = await headersFor(server, { kind: 'token', role: 'admin' });
});
afterAll(async () => {
  await server.close();
  await stores.cleanUp();
});

/** Sends the request and checks that it was refused as a problem that stored nothing. */
async function refused(
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; problem: Record<string, unknown> }> {
  const before = await snapshot(server.store);
  const response = await server.app.inject({
    method,
    url,
    headers: { ...admin, ...headers },
    ...(payload === undefined
      ? {}
      : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });
  expect(response.headers['content-type'], response.body).toMatch(PROBLEM_TYPE);
  expect(await snapshot(server.store)).toEqual(before);
  return { status: response.statusCode, problem: json(response) };
}

const JSON_BODY = { 'content-type': 'application/json' };

describe('unknown keys', () => {
  it('names each unknown query parameter as its own field', async () => {
    const { status, problem } = await refused('GET', `/people/${PERSON}/decision?foo=1&bar=2`);
    expect(status).toBe(400);
    expect(problem.errors).toEqual([
      { in: 'query', field: 'foo', reason: 'is not a recognised field' },
      { in: 'query', field: 'bar', reason: 'is not a recognised field' },
    ]);
  });

  it('names an unknown body key by its path, at the top and nested', async () => {
    const top = await refused(
      'POST',
      '/plans',
      { dryRun: true, from: '2031-01-06', to: '2031-01-12' },
      JSON_BODY,
    );
    expect(top.problem).toMatchObject({
      type: 'urn:repatria:problem:invalid-request',
      errors: [{ in: 'body', field: 'dryRun', reason: 'is not a recognised field' }],
    });
    const nested = await refused(
      'POST',
      `/people/${PERSON}/facts`,
      { facts: [{ id: 'f-unknown-key', type: 'stay', from: '2025-01-01', zzz: 1 }] },
      JSON_BODY,
    );
    expect(nested.problem.errors).toEqual([
      { in: 'body', field: 'facts.0.zzz', reason: 'is not a recognised field' },
    ]);
  });
});

describe('malformed requests', () => {
  it('says what is wrong with the body, without quoting it', async () => {
    const cases: readonly [string, string][] = [
      ['{"password":"hunter2", "facts":[', 'The body is not valid JSON.'],
      [
        '',
        'The body is empty, but the Content-Type header says it is JSON: send a JSON value, or no Content-Type.',
      ],
      [
        '{"__proto__":{"hunter2":true}}',
        'The body is JSON, but holds a "__proto__" key or a "constructor" key with "prototype" inside; such keys are refused.',
      ],
      [
        '{"constructor":{"prototype":{"hunter2":true}}}',
        'The body is JSON, but holds a "__proto__" key or a "constructor" key with "prototype" inside; such keys are refused.',
      ],
    ];
    for (const [body, detail] of cases) {
      const { status, problem } = await refused('POST', '/plans', body, JSON_BODY);
      expect(status, body).toBe(400);
      expect(problem, body).toMatchObject({ type: 'urn:repatria:problem:malformed-request', detail });
      expect(JSON.stringify(problem)).not.toContain('hunter2');
    }
  });
});
