/**
 * The operations routes end to end over SQLite: a court order strikes the person from an
 * approved manifest and says so; the departure check pulls whoever became protected; the
 * sweep agrees with the statistics; the timeline has one element per day; the audit chain
 * of it all verifies; a manifest downloads as CSV and PDF.
 */
import { describe, expect, it } from 'vitest';
import { headersFor, json, serveForFile, type TestServer } from './harness.js';
import { eligiblePerson, manifestAt, SAMPLES } from './samples.js';

let server: TestServer;
let legal: Record<string, string>;
let supervisor: Record<string, string>;

serveForFile(async (s) => {
  server = s;
  legal = await headersFor(s, { kind: 'token', role: 'legal' });
  supervisor = await headersFor(s, { kind: 'token', role: 'supervisor' });
});

describe('operations over HTTP', () => {
  it('a stay strikes the person from their approved manifest, and the response names both', async () => {
    const sample = await SAMPLES.recordCourtOrder({ server, role: 'legal' });
    const response = await server.app.inject({
      method: 'POST',
      url: sample.url,
      headers: legal,
      payload: sample.payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = json(response) as {
      manifests: string[];
      struck: { personId: string; reasons: { code: string }[] }[];
    };
    expect(body.manifests).toHaveLength(1);
    expect(body.struck).toHaveLength(1);
    expect(body.struck[0]!.reasons.map((r) => r.code)).toContain('STAY_OF_REMOVAL');
  });

  it('a flight whose airports and countries disagree is refused field by field, as the CLI refuses it, and not stored', async () => {
    const planner = await headersFor(server, { kind: 'token', role: 'planner' });
    const register = (payload: Record<string, unknown>) =>
      server.app.inject({ method: 'POST', url: '/flights', headers: planner, payload });
    const base = { id: 'FL-BAD', date: '2026-12-02', origin: 'MIA', destination: 'SDQ', originCountry: 'US', seats: 3 };
    const wrongCountry = await register({ ...base, destinationCountry: 'HN' });
    expect(wrongCountry.statusCode, wrongCountry.body).toBe(400);
    expect(wrongCountry.headers['content-type']).toContain('application/problem+json');
    expect(json(wrongCountry)).toMatchObject({
      type: expect.stringContaining('invalid-request'),
      errors: [{ in: 'body', field: 'destinationCountry', reason: expect.stringContaining('DO') }],
    });
    const sameAirport = await register({ ...base, destination: 'MIA', destinationCountry: 'US' });
    expect(sameAirport.statusCode).toBe(400);
    expect(json(sameAirport)).toMatchObject({ errors: [{ field: 'destination', reason: 'is the same airport as origin' }] });
    const missing = await server.app.inject({ method: 'GET', url: '/flights/FL-BAD', headers: planner });
    expect(missing.statusCode).toBe(404);
    const good = await register({ ...base, destinationCountry: 'DO' });
    expect(good.statusCode, good.body).toBe(201);
  });

  it('once a manifest has departed, on board counts who boarded, not who was listed', async () => {
    const { manifestId, personId } = await manifestAt(server, 'draft');
    const noShow = await eligiblePerson(server);
    const ops = server.services.operations;
    const admin = { id: 'ops-admin', role: 'admin' } as const;
    await ops.command(admin, manifestId, { type: 'add', personIds: [noShow] });
    for (const command of [{ type: 'submit' }, { type: 'review', outcome: 'cleared' }, { type: 'approve' }, { type: 'board' }] as const)
      await ops.command(admin, manifestId, command);
    const shown = async (): Promise<number> =>
      (json(await server.app.inject({ method: 'GET', url: `/manifests/${manifestId}`, headers: supervisor })) as { onBoard: number }).onBoard;
    expect(await shown()).toBe(2);
    await ops.command(admin, manifestId, { type: 'depart', notBoarded: [noShow] });
    expect(await shown()).toBe(1);
    const listed = json(
      await server.app.inject({ method: 'GET', url: '/manifests?state=departed&limit=500', headers: supervisor }),
    ) as { manifests: { id: string; onBoard: number }[] };
    expect(listed.manifests.find((m) => m.id === manifestId)?.onBoard).toBe(1);
    expect(personId).not.toBe(noShow);
  });

  it('boarding reports who was cleared; the manifest shows its seats and history', async () => {
    const sample = await SAMPLES.boardManifest({ server, role: 'supervisor' });
    const boarded = await server.app.inject({
      method: 'POST',
      url: sample.url,
      headers: supervisor,
      payload: {},
    });
    expect(boarded.statusCode, boarded.body).toBe(200);
    const body = json(boarded) as {
      cleared: string[];
      struck: unknown[];
      manifest: { id: string; state: string };
    };
    expect(body.manifest.state).toBe('boarding');
    expect(body.cleared).toHaveLength(1);
    expect(body.struck).toEqual([]);
    const shown = json(
      await server.app.inject({ method: 'GET', url: `/manifests/${body.manifest.id}`, headers: supervisor }),
    ) as { seats: { flight: number; held: number }; events: { kind: string }[] };
    expect(shown.seats).toMatchObject({ flight: 50, held: 1 });
    expect(shown.events.map((e) => e.kind).at(-1)).toBe('boarding_started');
    const pdf = await server.app.inject({
      method: 'GET',
      url: `/manifests/${body.manifest.id}/export.pdf`,
      headers: supervisor,
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const csv = await server.app.inject({
      method: 'GET',
      url: `/manifests/${body.manifest.id}/export.csv`,
      headers: supervisor,
    });
    expect(csv.body.split('\n')[0]).toBe('person_id,status,added_at,added_by,strike_codes,struck_by,arrival');
  });

  it('lists the manifests a person has been on, with their standing on each, for counsel and officers', async () => {
    const { manifestId, personId } = await manifestAt(server, 'approved');
    const legalToken = await headersFor(server, { kind: 'token', role: 'legal' });
    const ops = server.services.operations;
    const admin = { id: 'ops-admin', role: 'admin' } as const;
    const read = async (id: string): Promise<{ status: number; body: unknown }> => {
      const r = await server.app.inject({ method: 'GET', url: `/people/${encodeURIComponent(id)}/manifests`, headers: legalToken });
      return { status: r.statusCode, body: json(r) };
    };
    type Listed = { personId: string; manifests: { id: string; state: string; flight: { date: string }; person: { personId: string; status: string } }[] };
    const before = (await read(personId)).body as Listed;
    expect(before.personId).toBe(personId);
    expect(before.manifests.find((m) => m.id === manifestId)).toMatchObject({ state: 'approved', person: { personId, status: 'on_board' } });
    await ops.command(admin, manifestId, { type: 'strike', personId, reasons: [{ code: 'WITHDRAWN', facts: [] }] });
    const after = (await read(personId)).body as Listed;
    expect(after.manifests.find((m) => m.id === manifestId)?.person.status).toBe('struck');
    // Latest flight first.
    const dates = after.manifests.map((m) => m.flight.date);
    expect(dates).toEqual([...dates].sort().reverse());
    // Someone on no manifest has none; someone unknown is not found.
    const nobody = await eligiblePerson(server);
    expect(((await read(nobody)).body as Listed).manifests).toEqual([]);
    const unknown = await read('NO-SUCH-PERSON');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ detail: 'No person NO-SUCH-PERSON' });
  });

  it('the sweep counts what the statistics count, and the timeline has one element per day', async () => {
    const query = 'on=2025-04-20&knownAt=2025-06-01T00:00:00Z';
    const sweep = json(
      await server.app.inject({ method: 'GET', url: `/sweep?${query}`, headers: supervisor }),
    ) as {
      people: number;
      removable: number;
    };
    const stats = json(
      await server.app.inject({
        method: 'GET',
        url: `/statistics/removability?${query}`,
        headers: supervisor,
      }),
    ) as { total: { people: number; removable: number } };
    expect(sweep.people).toBeGreaterThan(0);
    expect(stats.total).toMatchObject({ people: sweep.people, removable: sweep.removable });
    const timeline = json(
      await server.app.inject({
        method: 'GET',
        url: '/timeline?from=2025-04-01&to=2025-04-30&knownAt=2025-06-01T00:00:00Z',
        headers: supervisor,
      }),
    ) as { days: { date: string; people: number }[] };
    expect(timeline.days).toHaveLength(30);
    expect(timeline.days.find((d) => d.date === '2025-04-20')?.people).toBe(sweep.people);
  });

  it('the audit chain verifies and can be searched', async () => {
    const verified = json(
      await server.app.inject({ method: 'GET', url: '/audit/verify', headers: supervisor }),
    );
    expect(verified).toMatchObject({ intact: true, broken: null });
    const page = json(
      await server.app.inject({
        method: 'GET',
        url: '/audit/entries?what=manifest&limit=1000',
        headers: supervisor,
      }),
    ) as { entries: { what: string }[] };
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.what.startsWith('manifest.'))).toBe(true);
  });
});
