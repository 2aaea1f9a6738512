/**
 * Sign-in, credentials, headers and logs: what must hold whatever the route.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installAccessControl } from '../../src/api/access-control.js';
import type { ApiServices } from '../../src/api/services.js';
import { demoProfile } from '../../src/demo/profiles.js';
import { formatDay } from '../../src/domain/dates.js';
import {
  json,
  PASSWORD,
  PROBLEM_TYPE,
  snapshot,
  serveForFile,
  type TestServer,
} from './harness.js';

let server: TestServer;

serveForFile(
  (s) => {
    server = s;
  },
  { config: { loginRateLimit: { max: 5, windowSeconds: 60 } } },
);

const signIn = (username: string, password: string, ip = '10.0.0.1') =>
  server.app.inject({ method: 'POST', url: '/sessions', payload: { username, password }, remoteAddress: ip });

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie that opens the API until sign-out', async () => {
    const response = await signIn('legal', PASSWORD, '10.0.0.2');
    expect(response.statusCode, response.body).toBe(201);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^repatria_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const session = { cookie: cookie.split(';')[0]! };
    const me = await server.app.inject({ method: 'GET', url: '/sessions/current', headers: session });
    expect(json(me)).toMatchObject({ user: { username: 'legal', role: 'legal' }, via: 'session' });
    const out = await server.app.inject({ method: 'DELETE', url: '/sessions/current', headers: session });
    expect(json(out)).toEqual({ ended: true });
    expect(String(out.headers['set-cookie'])).toMatch(/^repatria_session=;/);
    expect(
      (await server.app.inject({ method: 'GET', url: '/sessions/current', headers: session })).statusCode,
    ).toBe(401);
  });

  it('answers an unknown user exactly as a wrong password', async () => {
    const wrong = await signIn('officer', 'not the password', '10.0.0.3');
    const unknown = await signIn('nobody', 'not the password', '10.0.0.3');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined, instance: undefined });
    expect(strip(json(wrong))).toEqual(strip(json(unknown)));
  });

  it('limits sign-in attempts per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn('officer', 'guess', '10.9.9.9')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const limited = await signIn('officer', PASSWORD, '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(PROBLEM_TYPE);
    expect(json(limited)).toMatchObject({ type: 'urn:repatria:problem:too-many-requests', status: 429 });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn('officer', PASSWORD, '10.9.9.10')).statusCode).toBe(201);
  });

  it('refuses a disabled account, its sessions and its tokens at once', async () => {
    const adminToken = await server.app.inject({
      method: 'POST',
      url: '/sessions',
      payload: { username: 'admin', password: PASSWORD },
      remoteAddress: '10.0.0.4',
    });
    const admin = { cookie: String(adminToken.headers['set-cookie']).split(';')[0]! };
    const created = await server.app.inject({
      method: 'POST',
      url: '/users',
      headers: admin,
      payload: { username: 'leaver', displayName: 'Leaving', role: 'officer', password: PASSWORD },
    });
    expect(created.statusCode, created.body).toBe(201);
    const leaver = json(created) as { id: string };
    const session = {
      cookie: String((await signIn('leaver', PASSWORD, '10.0.0.5')).headers['set-cookie']).split(';')[0]!,
    };
    const token = json(
      await server.app.inject({
        method: 'POST',
        url: '/tokens',
        headers: session,
        payload: { name: 'script' },
      }),
    ) as { token: string };
    expect(token.token).toMatch(/^rpt_/);
    const bearer = { authorization: `Bearer ${token.token}` };
    expect(
      (await server.app.inject({ method: 'GET', url: '/people/P0000001', headers: bearer })).statusCode,
    ).toBe(200);

    const disabled = await server.app.inject({
      method: 'POST',
      url: `/users/${leaver.id}/disable`,
      headers: admin,
      payload: { reason: 'left' },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(
      (await server.app.inject({ method: 'GET', url: '/people/P0000001', headers: bearer })).statusCode,
    ).toBe(401);
    expect(
      (await server.app.inject({ method: 'GET', url: '/sessions/current', headers: session })).statusCode,
    ).toBe(401);
    expect((await signIn('leaver', PASSWORD, '10.0.0.5')).statusCode).toBe(401);
  });

  it('shows a token once, stores only its digest, and honours revocation', async () => {
    const officer = {
      cookie: String((await signIn('officer', PASSWORD, '10.0.0.6')).headers['set-cookie']).split(';')[0]!,
    };
    const created = json(
      await server.app.inject({
        method: 'POST',
        url: '/tokens',
        headers: officer,
        payload: { name: 'ci', expiresInDays: 1 },
      }),
    ) as {
      token: string;
      details: { id: string; prefix: string };
    };
    expect(created.token.startsWith(created.details.prefix)).toBe(true);
    const listed = JSON.stringify(
      json(await server.app.inject({ method: 'GET', url: '/tokens', headers: officer })),
    );
    expect(listed).toContain(created.details.id);
    expect(listed).not.toContain(created.token);
    const rows = await server.store.kysely
      .withTables<{ api_tokens: { id: string; secret_hash: string } }>()
      .selectFrom('api_tokens')
      .select('secret_hash')
      .execute();
    expect(JSON.stringify(rows)).not.toContain(created.token);

    const bearer = { authorization: `Bearer ${created.token}` };
    expect(
      (await server.app.inject({ method: 'GET', url: '/sessions/current', headers: bearer })).statusCode,
    ).toBe(200);
    const tooLong = await server.app.inject({
      method: 'POST',
      url: '/tokens',
      headers: officer,
      payload: { name: 'x', expiresInDays: 3000 },
    });
    expect(json(tooLong)).toMatchObject({ status: 400, errors: [{ in: 'body', field: 'expiresInDays' }] });
    // Someone else's token is not found, even by id.
    const planner = {
      cookie: String((await signIn('planner', PASSWORD, '10.0.0.6')).headers['set-cookie']).split(';')[0]!,
    };
    expect(
      (await server.app.inject({ method: 'DELETE', url: `/tokens/${created.details.id}`, headers: planner }))
        .statusCode,
    ).toBe(404);
    expect(
      (await server.app.inject({ method: 'DELETE', url: `/tokens/${created.details.id}`, headers: officer }))
        .statusCode,
    ).toBe(200);
    expect(
      (await server.app.inject({ method: 'GET', url: '/sessions/current', headers: bearer })).statusCode,
    ).toBe(401);
  });

  it('refuses a malformed Authorization header rather than ignoring it', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/health',
      headers: { authorization: 'Basic abc' },
    });
    expect(response.statusCode).toBe(200); // public: credentials are not read
    const people = await server.app.inject({
      method: 'GET',
      url: '/people',
      headers: { authorization: 'Basic abc' },
    });
    expect(people.statusCode).toBe(401);
  });
});

describe('every response', () => {
  it('carries security headers and a request id (kept when the caller sends a plain one)', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(response.headers).toMatchObject({
      'x-request-id': 'trace-123',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'strict-transport-security': expect.stringMatching(/max-age=/),
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'cache-control': 'no-store',
    });
    const odd = await server.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is a problem for unknown routes, wrong media types and oversized or broken bodies', async () => {
    const cases = [
      await server.app.inject({ method: 'GET', url: '/nowhere' }),
      await server.app.inject({ method: 'PUT', url: '/people' }),
      await server.app.inject({
        method: 'POST',
        url: '/sessions',
        headers: { 'content-type': 'text/plain' },
        payload: 'x',
      }),
      await server.app.inject({
        method: 'POST',
        url: '/sessions',
        headers: { 'content-type': 'application/json' },
        payload: '{"username":',
      }),
      await server.app.inject({
        method: 'POST',
        url: '/sessions',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ username: 'x'.repeat(2_000_000) }),
      }),
      await server.app.inject({ method: 'GET', url: '/people/%E0%A4%A' }),
    ];
    expect(cases.map((r) => r.statusCode)).toEqual([404, 404, 415, 400, 413, 400]);
    for (const r of cases) {
      expect(r.headers['content-type']).toMatch(PROBLEM_TYPE);
      expect(json(r).status).toBe(r.statusCode);
    }
  });
});

describe('deny by default', () => {
  it('will not start with a route that declares no access', async () => {
    const app = Fastify();
    installAccessControl(app, {} as ApiServices, ['/docs']);
    expect(() => app.get('/undeclared', () => 'open')).toThrow(/declares no access/);
    await app.close();
  });
});

describe('the logs', () => {
  it('carry request ids, and never personal data, passwords, tokens or session secrets', async () => {
    const before = await snapshot(server.store);
    const signedIn = await signIn('supervisor', PASSWORD, '10.0.0.7');
    const secret = String(signedIn.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
    const session = { cookie: `repatria_session=${secret}` };
    const token = (
      json(
        await server.app.inject({
          method: 'POST',
          url: '/tokens',
          headers: session,
          payload: { name: 'logs' },
        }),
      ) as { token: string }
    ).token;
    await signIn('supervisor', 'wrong password 123', '10.0.0.7');
    await server.app.inject({
      method: 'GET',
      url: '/people?limit=20',
      headers: { authorization: `Bearer ${token}` },
    });
    await server.app.inject({ method: 'GET', url: '/people/P0000003', headers: session });
    await server.app.inject({ method: 'GET', url: '/people/P0000003/decision', headers: session });
    expect((await snapshot(server.store)).access_events).toBeGreaterThan(before.access_events!);

    const text = server.logText();
    const profile = demoProfile('P0000003', 1);
    const forbidden = [
      PASSWORD,
      'wrong password 123',
      token,
      secret,
      profile.name,
      formatDay(profile.dateOfBirth!),
      profile.aNumber!,
    ];
    for (const value of forbidden) expect(text).not.toContain(value);
    const requests = server.logLines().filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThan(5);
    for (const line of requests) {
      expect(line).toMatchObject({
        reqId: expect.any(String),
        method: expect.any(String),
        status: expect.any(Number),
      });
      expect(typeof line.route === 'string' ? line.route : '').not.toMatch(/\?/);
    }
  });
});
