/**
 * What a refused request is told: every unknown key named as a field, a malformed body
 * described without quoting it, and the refusals of the manifest and notice services naming
 * the field at fault, with 409 for a taken id or a step the state does not allow.
 */
import { describe, expect, it } from 'vitest';
import {
  headersFor,
  json,
  PROBLEM_TYPE,
  SEED_ACTOR,
  snapshot,
  serveForFile,
  type TestServer,
} from './harness.js';
import { eligiblePerson, manifestAt, PERSON, SAMPLES } from './samples.js';

let server: TestServer;
let admin: Record<string, string>;

serveForFile(async (s) => {
  server = s;
  admin = await headersFor(s, { kind: 'token', role: 'admin' });
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

describe('refusals that name the field at fault', () => {
  it('refuses a taken manifest id with 409, as a taken flight id is', async () => {
    const { manifestId } = await manifestAt(server, 'draft');
    const flightId = (await server.services.operations.show(SEED_ACTOR, manifestId)).flight.id;
    const { status, problem } = await refused('POST', '/manifests', { flightId, manifestId }, JSON_BODY);
    expect(status).toBe(409);
    expect(problem).toMatchObject({
      type: 'urn:repatria:problem:conflict',
      detail: expect.stringContaining(`Manifest ${manifestId} already exists`),
      errors: [{ in: 'body', field: 'manifestId', reason: 'is taken by another manifest' }],
    });
    // The route table's own sample flight, registered twice.
    const flight = await SAMPLES.registerFlight({ server, role: 'admin' });
    const first = await server.app.inject({
      method: 'POST',
      url: flight.url,
      headers: admin,
      payload: flight.payload,
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await refused('POST', flight.url, flight.payload, JSON_BODY);
    expect(again).toMatchObject({ status: 409, problem: { type: 'urn:repatria:problem:conflict' } });
  });

  it('refuses a second clearance with 409, as every step the state does not allow', async () => {
    const { manifestId } = await manifestAt(server, 'cleared');
    const { status, problem } = await refused(
      'POST',
      `/manifests/${manifestId}/review`,
      { outcome: 'cleared' },
      JSON_BODY,
    );
    expect(status).toBe(409);
    expect(problem.detail).toContain('it has already passed legal review');
  });

  it('names a struck person listed as not boarded', async () => {
    const { manifestId, personId } = await manifestAt(server, 'draft');
    const ops = server.services.operations;
    const other = await eligiblePerson(server);
    await ops.command(SEED_ACTOR, manifestId, { type: 'add', personIds: [other] });
    await ops.command(SEED_ACTOR, manifestId, { type: 'submit' });
    await ops.command(SEED_ACTOR, manifestId, { type: 'review', outcome: 'cleared' });
    await ops.command(SEED_ACTOR, manifestId, { type: 'approve' });
    await ops.command(SEED_ACTOR, manifestId, {
      type: 'strike',
      personId: other,
      reasons: [{ code: 'WITHDRAWN', facts: [] }],
    });
    await ops.command(SEED_ACTOR, manifestId, { type: 'board' });
    const { status, problem } = await refused(
      'POST',
      `/manifests/${manifestId}/depart`,
      { notBoarded: [personId, other] },
      JSON_BODY,
    );
    expect(status).toBe(400);
    expect(problem).toMatchObject({
      detail: expect.stringContaining(`Not on manifest ${manifestId}: ${other} (struck since`),
      errors: [
        { in: 'body', field: 'notBoarded.1', reason: 'was struck from the manifest before departure' },
      ],
    });
  });

  it('names the recipients of a notice to counsel when there is no counsel of record', async () => {
    const { status, problem } = await refused(
      'POST',
      `/people/${await eligiblePerson(server)}/notices`,
      {
        servedOn: '2025-01-10',
        to: ['person', 'counsel'],
        noCounselOfRecord: true,
        language: 'es',
        method: 'mail',
      },
      JSON_BODY,
    );
    expect(status).toBe(400);
    expect(problem).toMatchObject({
      type: 'urn:repatria:problem:invalid-request',
      errors: [{ in: 'body', field: 'to', reason: 'names counsel, but noCounselOfRecord is true' }],
    });
  });

  it('refuses to strike someone struck already, saying so rather than "not on the manifest"', async () => {
    const { manifestId, personId } = await manifestAt(server, 'approved');
    const url = `/manifests/${manifestId}/strikes`;
    const struck = await server.app.inject({
      method: 'POST',
      url,
      headers: admin,
      payload: { personId, code: 'WITHDRAWN' },
    });
    expect(struck.statusCode, struck.body).toBe(200);
    const again = await refused('POST', url, { personId, code: 'ADMINISTRATIVE' }, JSON_BODY);
    expect(again).toMatchObject({
      status: 400,
      problem: {
        detail: expect.stringMatching(
          new RegExp(
            `^${personId} is already struck from manifest ${manifestId}, since \\S+Z, by \\S+ \\(admin\\), for WITHDRAWN\\.$`,
          ),
        ),
        errors: [{ in: 'body', field: 'personId', reason: 'is already struck from the manifest' }],
      },
    });
  });

  it("refuses a strike citing a fact that is neither the person's nor the programme's, naming both", async () => {
    const { manifestId, personId } = await manifestAt(server, 'approved');
    const url = `/manifests/${manifestId}/strikes`;
    const { status, problem } = await refused(
      'POST',
      url,
      { personId, code: 'HOLD', facts: [`${personId}-f0`, 'nosuchfact'] },
      JSON_BODY,
    );
    expect(status).toBe(400);
    expect(problem).toMatchObject({
      detail: expect.stringContaining(`Fact nosuchfact is not among the facts of ${personId}`),
      errors: [
        {
          in: 'body',
          field: 'facts.1',
          reason: `names no fact of ${personId} or of the programme known now`,
        },
      ],
    });
    // The person's own fact and a programme fact (the fixture's return agreement) may be cited.
    const struck = await server.app.inject({
      method: 'POST',
      url,
      headers: admin,
      payload: { personId, code: 'HOLD', facts: [`${personId}-f0`, 'ra-XQ'] },
    });
    expect(struck.statusCode, struck.body).toBe(200);
  });
});
