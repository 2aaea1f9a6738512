/**
 * The role × route matrix, generated from the route table: every route, called by every
 * role (with an API token and with a session cookie) and with no credentials, is allowed,
 * refused or masked exactly as its declaration says. A refusal is a problem and stores nothing.
 */
import { describe, expect, it } from 'vitest';
import { ROUTE_LIST } from '../../src/api/routes/index.js';
import { personalDataView, ROLES, type Role } from '../../src/domain/access.js';
import {
  headersFor,
  json,
  PROBLEM_TYPE,
  snapshot,
  serveForFile,
  type TestServer,
} from './harness.js';
import { SAMPLES } from './samples.js';

let server: TestServer;

serveForFile((s) => {
  server = s;
});

type Caller = { readonly kind: 'none' } | { readonly kind: 'token' | 'session'; readonly role: Role };
const CALLERS: readonly Caller[] = [
  { kind: 'none' },
  ...ROLES.map((role) => ({ kind: 'token' as const, role })),
  ...ROLES.map((role) => ({ kind: 'session' as const, role })),
];
const callerName = (c: Caller): string => (c.kind === 'none' ? 'no credentials' : `${c.role} (${c.kind})`);

/** What the declaration says should happen to this caller. */
function expected(route: (typeof ROUTE_LIST)[number], caller: Caller): 'allowed' | 401 | 403 {
  if (route.access.kind === 'public') return 'allowed';
  if (caller.kind === 'none') return 401;
  return route.access.roles.includes(caller.role) ? 'allowed' : 403;
}

async function personalDataReads(): Promise<number> {
  const events = await server.services.accessLog.list(0, 1_000_000);
  return events.filter((e) => e.kind === 'personal_data_read').length;
}

describe('role × route matrix (SQLite)', () => {
  it('covers every route of the table', () => {
    expect(ROUTE_LIST.map((r) => r.operationId).sort()).toEqual(Object.keys(SAMPLES).sort());
    expect(new Set(ROUTE_LIST.map((r) => `${r.method} ${r.url}`)).size).toBe(ROUTE_LIST.length);
  });

  for (const route of ROUTE_LIST) {
    describe(`${route.method} ${route.url}`, () => {
      for (const caller of CALLERS) {
        const outcome = expected(route, caller);
        it(`${callerName(caller)}: ${outcome === 'allowed' ? 'allowed' : `refused ${outcome}`}`, async () => {
          const role = caller.kind === 'none' ? undefined : caller.role;
          const sample = await SAMPLES[route.operationId as keyof typeof SAMPLES]({ server, role });
          const headers = await headersFor(server, caller);
          const before = await snapshot(server.store);
          const readsBefore = await personalDataReads();
          const response = await server.app.inject({
            method: route.method,
            url: sample.url,
            headers,
            ...(sample.payload === undefined ? {} : { payload: sample.payload }),
          });

          if (outcome !== 'allowed') {
            expect(response.statusCode, response.body).toBe(outcome);
            expect(response.headers['content-type']).toMatch(PROBLEM_TYPE);
            expect(json(response)).toMatchObject({
              status: outcome,
              type: expect.stringMatching(/^urn:repatria:problem:/),
            });
            if (outcome === 401) expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
            expect(await snapshot(server.store)).toEqual(before);
            return;
          }

          expect(response.statusCode, response.body).toBe(route.status);
          const mediaType = 'produces' in route ? route.produces : 'application/json';
          expect(String(response.headers['content-type']).split(';')[0]).toBe(mediaType);
          if (route.access.kind === 'roles' && route.access.personalData === true && role !== undefined) {
            const body = json(response);
            const profiles =
              'people' in body
                ? (body.people as { profile: { masked: boolean; name: string } | null }[]).map(
                    (p) => p.profile,
                  )
                : [(body as { profile: { masked: boolean; name: string } | null }).profile];
            const shown = profiles.filter((p) => p !== null);
            expect(shown.length).toBeGreaterThan(0);
            const full = personalDataView(role) === 'unmasked';
            for (const p of shown) {
              expect(p.masked).toBe(!full);
              if (!full) expect(p.name).toMatch(/^([A-Z]\. )*[A-Z]\.$/);
            }
            expect(await personalDataReads()).toBe(readsBefore + (full ? 1 : 0));
          }
        });
      }
    });
  }
});
