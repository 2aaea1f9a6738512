/**
 * The generic fact routes obey the same safety rule as the court-order routes: whatever way
 * a blocking fact reaches the store (a stay through POST /people/{id}/facts, the retraction
 * of a final order, a class order through POST /program-facts), everyone it affects is
 * struck from manifests not yet departed in the same request; and a retried request changes
 * nothing and strikes no one twice.
 */
import { describe, expect, it } from 'vitest';
import { headersFor, json, serveForFile, type TestServer } from './harness.js';
import { manifestAt } from './samples.js';

let server: TestServer;
let legal: Record<string, string>;
let officer: Record<string, string>;
let admin: Record<string, string>;

serveForFile(async (s) => {
  server = s;
  legal = await headersFor(s, { kind: 'token', role: 'legal' });
  officer = await headersFor(s, { kind: 'token', role: 'officer' });
  admin = await headersFor(s, { kind: 'token', role: 'admin' });
});

interface Struck {
  readonly manifestId: string;
  readonly personId: string;
  readonly reasons: readonly { readonly code: string }[];
}

async function onBoard(manifestId: string): Promise<string[]> {
  const shown = json(await server.app.inject({ method: 'GET', url: `/manifests/${manifestId}`, headers: admin })) as {
    people: { personId: string; status: string }[];
  };
  return shown.people.filter((p) => p.status !== 'struck').map((p) => p.personId);
}

describe('fact routes re-decide manifests not yet departed', () => {
  it('a stay sent to POST /people/{id}/facts strikes the person; sending it again changes nothing', async () => {
    const { manifestId, personId } = await manifestAt(server, 'approved');
    expect(await onBoard(manifestId)).toEqual([personId]);
    const payload = { facts: [{ id: `${personId}-stay`, type: 'stay', from: '2025-01-01' }] };
    const first = await server.app.inject({ method: 'POST', url: `/people/${personId}/facts`, headers: legal, payload });
    expect(first.statusCode, first.body).toBe(201);
    const body = json(first) as { facts: number; unchanged: number; struck: Struck[] };
    expect(body.facts).toBe(1);
    expect(body.struck).toEqual([
      expect.objectContaining({ manifestId, personId, reasons: [expect.objectContaining({ code: 'STAY_OF_REMOVAL' })] }),
    ]);
    expect(await onBoard(manifestId)).toEqual([]);

    const again = await server.app.inject({ method: 'POST', url: `/people/${personId}/facts`, headers: legal, payload });
    expect(again.statusCode, again.body).toBe(201);
    expect(json(again)).toMatchObject({ facts: 0, unchanged: 1, struck: [] });
  });

  it('retracting the final order strikes the person for want of one', async () => {
    const { manifestId, personId } = await manifestAt(server, 'approved');
    const facts = json(await server.app.inject({ method: 'GET', url: `/people/${personId}/facts`, headers: officer })) as {
      facts: { id: string; type: string }[];
    };
    const order = facts.facts.find((f) => f.type === 'final_order')!;
    const r = await server.app.inject({
      method: 'POST',
      url: `/people/${personId}/facts/${order.id}/retraction`,
      headers: officer,
      payload: { reason: 'entered against the wrong person' },
    });
    expect(r.statusCode, r.body).toBe(201);
    const body = json(r) as { struck: Struck[] };
    expect(body.struck.map((s) => [s.manifestId, s.reasons.map((x) => x.code)])).toEqual([[manifestId, ['NO_FINAL_ORDER']]]);
    expect(await onBoard(manifestId)).toEqual([]);
  });

  it('a fact sent again after its retraction is refused rather than counted unchanged; a new id records it', async () => {
    const { personId } = await manifestAt(server, 'draft');
    const hold = { id: `${personId}-hold`, type: 'hold', kind: 'medical', from: '2027-01-01', through: '2027-01-05' };
    const post = (fact: Record<string, unknown>) =>
      server.app.inject({ method: 'POST', url: `/people/${personId}/facts`, headers: officer, payload: { facts: [fact] } });
    expect((await post(hold)).statusCode).toBe(201);
    const retracted = await server.app.inject({
      method: 'POST',
      url: `/people/${personId}/facts/${hold.id}/retraction`,
      headers: officer,
      payload: { reason: 'entered twice' },
    });
    expect(retracted.statusCode, retracted.body).toBe(201);
    const factsNow = async (): Promise<unknown> =>
      (json(await server.app.inject({ method: 'GET', url: `/people/${personId}/facts`, headers: officer })) as { facts: unknown }).facts;
    const before = await factsNow();
    const again = await post(hold);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect((json(again) as { detail: string }).detail).toContain(`Already recorded and since retracted: ${hold.id} (retracted `);
    expect(await factsNow()).toEqual(before);
    const renewed = await post({ ...hold, id: `${hold.id}-2` });
    expect(renewed.statusCode, renewed.body).toBe(201);
    expect(json(renewed)).toMatchObject({ facts: 1, unchanged: 0 });
  });

  it('a class order sent to POST /program-facts strikes everyone it covers', async () => {
    const { manifestId, personId } = await manifestAt(server, 'approved');
    const country = (json(await server.app.inject({ method: 'GET', url: `/people/${personId}/facts`, headers: officer })) as {
      facts: { type: string; country?: string }[];
    }).facts.find((f) => f.type === 'nationality')!.country!;
    const r = await server.app.inject({
      method: 'POST',
      url: '/program-facts',
      headers: legal,
      payload: {
        facts: [{ id: 'class-order-fact-routes', type: 'class_order', criteria: { nationality: [country] }, from: '2025-01-01', citation: 'Doe v. Test, No. 1 (D. Test 2026)' }],
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(json(r)).toMatchObject({ facts: 1, unchanged: 0 });
    // The answer names whom it struck, as the person-fact routes do.
    expect((json(r) as { struck: Struck[] }).struck).toContainEqual(
      expect.objectContaining({ manifestId, personId, reasons: [expect.objectContaining({ code: 'CLASS_ORDER' })] }),
    );
    expect(await onBoard(manifestId)).toEqual([]);
  });
});
