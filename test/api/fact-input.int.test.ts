/**
 * What the API refuses in facts that the rest of the product refuses too, with a 400 problem
 * naming each field and nothing stored:
 * - a field a fact does not have (the import and `check` refuse it as well);
 * - a TPS grant naming a designation with no record (the import refuses it the same way).
 */
import type { LightMyRequestResponse } from 'fastify';
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
let legal: Record<string, string>;
let officer: Record<string, string>;

beforeAll(async () => {
  server = await testServer(await stores.open('sqlite'), { people: 3 });
  legal = await headersFor(server, { kind: 'token', role: 'legal' });
  officer = await headersFor(server, { kind: 'token', role: 'officer' });
});
afterAll(async () => {
  await server.close();
  await stores.cleanUp();
});

const post = (headers: Record<string, string>, url: string, payload: Record<string, unknown>) =>
  server.app.inject({ method: 'POST', url, headers, payload });

/** Sends a request that must be refused with 400 and store nothing; returns the problem's errors. */
async function refused(send: () => Promise<LightMyRequestResponse>): Promise<unknown[]> {
  const before = await snapshot(server.store);
  const r = await send();
  expect(r.statusCode, r.body).toBe(400);
  expect(r.headers['content-type']).toMatch(PROBLEM_TYPE);
  expect(await snapshot(server.store)).toEqual(before);
  return json(r).errors as unknown[];
}

describe('facts sent to the API', () => {
  it('refuses a field a fact does not have, at POST /people, /people/{id}/facts and /program-facts', async () => {
    const hold = { id: 'api-h1', type: 'hold', kind: 'medical', from: '2024-01-01', thru: '2024-02-01' };
    for (const send of [
      () => post(officer, `/people/${PERSON}/facts`, { facts: [hold] }),
      () => post(officer, '/people', { id: 'API-NEW-1', facts: [hold] }),
      () =>
        post(legal, `/people/${PERSON}/facts`, {
          facts: [{ id: 'api-a1', type: 'appeal', Stay: true, from: '2024-01-01' }],
        }),
      () =>
        post(legal, '/program-facts', {
          facts: [
            {
              id: 'api-c1',
              type: 'class_order',
              criteria: { nationality: ['XA'] },
              from: '2025-01-01',
              thru: '2025-02-01',
              citation: 'x',
            },
          ],
        }),
    ]) {
      const errors = await refused(send);
      expect(errors).toEqual([expect.objectContaining({ in: 'body', field: 'facts.0' })]);
    }
  });

  it('refuses a TPS grant whose designation has no record, as the import does', async () => {
    const grant = { id: 'api-tps-1', type: 'tps', designation: 'ZZ-1999', from: '2026-01-01' };
    const expected = [{ in: 'body', field: 'facts.0.designation', reason: 'unknown designation "ZZ-1999"' }];
    expect(await refused(() => post(officer, `/people/${PERSON}/facts`, { facts: [grant] }))).toEqual(
      expected,
    );
    expect(await refused(() => post(officer, '/people', { id: 'API-NEW-2', facts: [grant] }))).toEqual(
      expected,
    );
    // Named by its place in the list, beside facts that are valid.
    const nationality = { id: 'api-n-3', type: 'nationality', country: 'XA' };
    expect(
      await refused(() =>
        post(officer, '/people', { id: 'API-NEW-3', facts: [nationality, { ...grant, id: 'api-tps-3' }] }),
      ),
    ).toEqual([{ ...expected[0], field: 'facts.1.designation' }]);

    const known = await post(officer, `/people/${PERSON}/facts`, {
      facts: [{ ...grant, designation: 'VE-2021', from: '2021-03-09' }],
    });
    expect(known.statusCode, known.body).toBe(201);
  });
});
