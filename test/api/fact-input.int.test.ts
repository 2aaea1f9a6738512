/**
 * What the API refuses in facts and orders that the rest of the product refuses too, with a
 * 400 problem naming each field and nothing stored:
 * - a field a fact does not have (the import and `check` refuse it as well);
 * - a TPS grant naming a designation with no record (the import refuses it the same way);
 * - a class order with no criterion unless `everyone` says so, and a facility criterion
 *   naming no registered facility once some are registered.
 */
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { operationsStore } from '../../src/store/operations-store.js';
import {
  headersFor,
  json,
  PROBLEM_TYPE,
  snapshot,
  serveForFile,
  type TestServer,
} from './harness.js';
import { PERSON } from './samples.js';

let server: TestServer;
let legal: Record<string, string>;
let officer: Record<string, string>;

serveForFile(async (s) => {
  server = s;
  legal = await headersFor(s, { kind: 'token', role: 'legal' });
  officer = await headersFor(s, { kind: 'token', role: 'officer' });
}, { people: 3 });

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
    for (const [key, send] of [
      ['thru', () => post(officer, `/people/${PERSON}/facts`, { facts: [hold] })],
      ['thru', () => post(officer, '/people', { id: 'API-NEW-1', facts: [hold] })],
      [
        'Stay',
        () =>
          post(legal, `/people/${PERSON}/facts`, {
            facts: [{ id: 'api-a1', type: 'appeal', Stay: true, from: '2024-01-01' }],
          }),
      ],
      [
        'thru',
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
      ],
    ] as const) {
      // The unknown key is named as the field at fault.
      const errors = await refused(send);
      expect(errors).toEqual([expect.objectContaining({ in: 'body', field: `facts.0.${key}` })]);
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

describe('POST /class-orders', () => {
  const order = { citation: 'Test v. X', from: '2025-06-01' };

  it('refuses an order with no criterion unless everyone is true, and records that one as criteria {}', async () => {
    expect(await refused(() => post(legal, '/class-orders', { ...order, id: 'api-co-1' }))).toEqual([
      {
        in: 'body',
        field: 'criteria',
        reason: expect.stringContaining(
          'has no criterion: give criteria.nationality or criteria.facility, or "everyone": true',
        ),
      },
    ]);
    expect(
      await refused(() => post(legal, '/class-orders', { ...order, id: 'api-co-2', criteria: {} })),
    ).toEqual([expect.objectContaining({ field: 'criteria' })]);
    expect(
      await refused(() =>
        post(legal, '/class-orders', { ...order, id: 'api-co-3', criteria: {}, everyone: false }),
      ),
    ).toEqual([expect.objectContaining({ field: 'criteria' })]);
    expect(
      await refused(() =>
        post(legal, '/class-orders', {
          ...order,
          id: 'api-co-4',
          criteria: { nationality: ['XA'] },
          everyone: true,
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        field: 'criteria',
        reason: expect.stringContaining('is given with "everyone": true'),
      }),
    ]);

    const everyone = await post(legal, '/class-orders', { ...order, id: 'api-co-all', everyone: true });
    expect(everyone.statusCode, everyone.body).toBe(201);
    const stored = (await server.store.programFacts()).find((f) => f.id === 'api-co-all');
    expect(stored).toMatchObject({ type: 'class_order', criteria: {} });
    expect(Object.keys(stored ?? {})).not.toContain('everyone');
  });

  it('refuses a facility criterion naming no registered facility, once any facility is registered', async () => {
    const early = await post(legal, '/class-orders', {
      ...order,
      id: 'api-co-early',
      criteria: { facility: ['PORT_ISABEL'] },
    });
    expect(early.statusCode, early.body).toBe(201);

    await operationsStore(server.store).transaction('operate', (tx) =>
      tx.insertFacility({ id: 'KROME', name: 'Krome, Miami, FL', airport: 'MIA' }, Date.now(), {
        id: 'test',
        role: 'admin',
      }),
    );
    expect(
      await refused(() =>
        post(legal, '/class-orders', {
          ...order,
          id: 'api-co-bad',
          criteria: { facility: ['KROME', 'NOSUCH'] },
        }),
      ),
    ).toEqual([
      {
        in: 'body',
        field: 'criteria.facility.1',
        reason: 'unknown facility "NOSUCH": no facility of that id is registered',
      },
    ]);
    const known = await post(legal, '/class-orders', {
      ...order,
      id: 'api-co-krome',
      criteria: { facility: ['KROME'] },
    });
    expect(known.statusCode, known.body).toBe(201);
  });
});
