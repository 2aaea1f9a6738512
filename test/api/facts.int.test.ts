/**
 * Facts through the API on both databases: a person added with facts and a profile, facts
 * appended by the roles whose remit they are, read as known at instants before and after,
 * a retraction, the decision each time, programme facts, and the event log's actors.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '../../src/domain/access.js';
import {
  headersFor,
  json,
  PROBLEM_TYPE,
  snapshot,
  StoreFactory,
  testServer,
  type Dialect,
  type TestServer,
} from './harness.js';

const stores = new StoreFactory(inject('databaseUrl'));
afterAll(() => stores.cleanUp());

for (const dialect of ['sqlite', 'postgres'] as const satisfies readonly Dialect[]) {
  describe(`facts round trip (${dialect})`, () => {
    let server: TestServer;
    const auth: Partial<Record<Role, Record<string, string>>> = {};

    const call = async (role: Role, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) => {
      auth[role] ??= await headersFor(server, { kind: 'token', role });
      return server.app.inject({
        method,
        url,
        headers: auth[role],
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    };
    const decision = async (knownAt: string) =>
      json(
        await call(
          'planner',
          'GET',
          `/people/X1/decision?on=2025-06-15&knownAt=${encodeURIComponent(knownAt)}`,
        ),
      );

    it('opens a store and seeds it', async () => {
      server = await testServer(await stores.open(dialect), { people: 5 });
    });

    it('adds a person with facts and a profile, and decides them', async () => {
      const created = await call('officer', 'POST', '/people', {
        id: 'X1',
        facts: [
          { id: 'X1-n', type: 'nationality', country: 'MX' },
          { id: 'X1-o', type: 'final_order', kind: 'removal', from: '2024-01-10' },
        ],
        profile: { name: 'Rosa Test Gomez', dateOfBirth: '1985-07-04', aNumber: 'A987654321' },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(json(created)).toEqual({
        id: 'X1',
        summary: { people: 1, facts: 2, unchanged: 0 },
        profileVersion: 1,
      });

      const d = await decision(new Date().toISOString());
      expect(d).toMatchObject({
        personId: 'X1',
        destination: 'MX',
        removable: true,
        blockers: [],
        basis: ['X1-o'],
      });

      const again = await call('officer', 'POST', '/people', { id: 'X1', facts: [] });
      expect(again.statusCode).toBe(409);
      expect(again.headers['content-type']).toMatch(PROBLEM_TYPE);
    });

    let beforeStay = '';
    it('appends a stay (legal) and a hold (officer); an officer may not record a stay', async () => {
      beforeStay = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const refused = await call('officer', 'POST', '/people/X1/facts', {
        facts: [{ id: 'X1-s', type: 'stay', from: '2025-06-01' }],
      });
      expect(refused.statusCode).toBe(403);
      expect(json(refused)).toMatchObject({ errors: [{ in: 'body', field: 'facts.0.type' }] });

      const stay = await call('legal', 'POST', '/people/X1/facts', {
        facts: [{ id: 'X1-s', type: 'stay', from: '2025-06-01', through: '2025-12-31' }],
      });
      expect(stay.statusCode, stay.body).toBe(201);
      expect(json(stay)).toMatchObject({ people: 0, facts: 1, unchanged: 0, struck: [] });
      // The same request again changes nothing, though the server stamps a new recordedAt.
      const repeat = await call('legal', 'POST', '/people/X1/facts', {
        facts: [{ id: 'X1-s', type: 'stay', from: '2025-06-01', through: '2025-12-31' }],
      });
      expect(json(repeat)).toMatchObject({ people: 0, facts: 0, unchanged: 1, struck: [] });
      const clash = await call('legal', 'POST', '/people/X1/facts', {
        facts: [{ id: 'X1-s', type: 'stay', from: '2025-06-02' }],
      });
      expect(clash.statusCode).toBe(409);

      const hold = await call('officer', 'POST', '/people/X1/facts', {
        facts: [{ id: 'X1-h', type: 'hold', kind: 'medical', from: '2025-06-10', through: '2025-06-20' }],
      });
      expect(hold.statusCode, hold.body).toBe(201);

      const d = await decision(new Date().toISOString());
      expect(d).toMatchObject({ removable: false, changesOn: '2025-06-21' });
      expect((d.blockers as { code: string; until: string }[]).map((b) => [b.code, b.until])).toEqual([
        ['HOLD', '2025-06-20'],
        ['STAY_OF_REMOVAL', '2025-12-31'],
      ]);
      expect(await decision(beforeStay)).toMatchObject({ removable: true });
    });

    it('refuses bad facts, naming each field, and stores nothing', async () => {
      const before = await snapshot(server.store);
      const bad = await call('officer', 'POST', '/people/X1/facts', {
        facts: [
          { id: 'X1-b1', type: 'hold', kind: 'medical', from: '2025-06-10', through: '2025-06-01' },
          { id: 'X1-b2', type: 'custody', facility: 'F', from: '2025-02-30' },
        ],
      });
      expect(bad.statusCode).toBe(400);
      const problem = json(bad) as { type: string; errors: { in: string; field: string }[] };
      expect(problem.type).toBe('urn:repatria:problem:invalid-request');
      expect(problem.errors.map((e) => `${e.in}:${e.field}`)).toEqual(['body:facts.1.from']);
      const order = await call('officer', 'POST', '/people/X1/facts', {
        facts: [{ id: 'X1-b1', type: 'hold', kind: 'medical', from: '2025-06-10', through: '2025-06-01' }],
      });
      expect((json(order) as { errors: { field: string; reason: string }[] }).errors).toEqual([
        { in: 'body', field: 'facts.0.through', reason: 'is before from' },
      ]);
      expect(await snapshot(server.store)).toEqual(before);
    });

    let beforeRetraction = '';
    it('retracts the stay (legal only); the earlier answer is unchanged', async () => {
      expect(
        (await call('officer', 'POST', '/people/X1/facts/X1-s/retraction', { reason: 'wrong person' }))
          .statusCode,
      ).toBe(403);
      beforeRetraction = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const retracted = await call('legal', 'POST', '/people/X1/facts/X1-s/retraction', {
        reason: 'wrong person',
      });
      expect(retracted.statusCode, retracted.body).toBe(201);
      expect(json(retracted)).toMatchObject({ factId: 'X1-s', reason: 'wrong person' });
      expect(
        (await call('legal', 'POST', '/people/X1/facts/X1-s/retraction', { reason: 'again' })).statusCode,
      ).toBe(409);

      const now = await decision(new Date().toISOString());
      expect((now.blockers as { code: string }[]).map((b) => b.code)).toEqual(['HOLD']);
      const then = await decision(beforeRetraction);
      expect((then.blockers as { code: string }[]).map((b) => b.code)).toEqual(['HOLD', 'STAY_OF_REMOVAL']);
    });

    it('lists facts as known at an instant, and the whole history', async () => {
      const ids = async (query: string): Promise<string[]> => {
        const facts = json(await call('auditor', 'GET', `/people/X1/facts${query}`)).facts as {
          id: string;
          retractedAt?: string;
        }[];
        return facts.map((f) => `${f.id}${f.retractedAt === undefined ? '' : ' (retracted)'}`);
      };
      expect(await ids('')).toEqual(['X1-n', 'X1-o', 'X1-h']);
      expect(await ids(`?knownAt=${encodeURIComponent(beforeStay)}`)).toEqual(['X1-n', 'X1-o']);
      expect(await ids(`?knownAt=${encodeURIComponent(beforeRetraction)}`)).toEqual([
        'X1-n',
        'X1-o',
        'X1-s',
        'X1-h',
      ]);
      expect(await ids('?history=true')).toEqual(['X1-n', 'X1-o', 'X1-s (retracted)', 'X1-h']);
      const facts = json(await call('auditor', 'GET', '/people/X1/facts')).facts as Record<string, unknown>[];
      expect(facts[1]).toEqual({
        id: 'X1-o',
        type: 'final_order',
        kind: 'removal',
        from: '2024-01-10',
        recordedAt: expect.any(String),
      });
    });

    it('records and retracts programme facts (legal) and decides with them', async () => {
      const order = await call('legal', 'POST', '/program-facts', {
        facts: [
          {
            id: 'CO-X1',
            type: 'class_order',
            criteria: { nationality: ['MX'] },
            from: '2025-06-01',
            citation: 'Test v. Test',
          },
        ],
      });
      expect(order.statusCode, order.body).toBe(201);
      expect((await decision(new Date().toISOString())).blockers).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'CLASS_ORDER', facts: ['CO-X1'] })]),
      );
      const agreement = await call('legal', 'POST', '/program-facts', {
        facts: [
          {
            id: 'RA-X1',
            type: 'return_agreement',
            country: 'XA',
            from: '2020-01-01',
            requiresTravelDocument: false,
            transport: 'receiving',
          },
        ],
      });
      expect(agreement.statusCode).toBe(403);
      const retracted = await call('legal', 'POST', '/program-facts/CO-X1/retraction', { reason: 'vacated' });
      expect(retracted.statusCode, retracted.body).toBe(201);
      const codes = ((await decision(new Date().toISOString())).blockers as { code: string }[]).map(
        (b) => b.code,
      );
      expect(codes).not.toContain('CLASS_ORDER');
      const listed = json(await call('planner', 'GET', '/program-facts?type=class_order&history=true'))
        .facts as { id: string }[];
      expect(listed.map((f) => f.id)).toContain('CO-X1');
    });

    it('masks the profile for a planner and audits an officer’s read', async () => {
      const masked = json(await call('planner', 'GET', '/people/X1'));
      expect(masked).toMatchObject({
        id: 'X1',
        profile: { masked: true, name: 'R. T. G.', dateOfBirth: '1985', aNumber: 'A******321' },
        factCount: 4,
      });
      const full = json(await call('officer', 'GET', '/people/X1'));
      expect(full).toMatchObject({
        profile: { masked: false, name: 'Rosa Test Gomez', dateOfBirth: '1985-07-04', aNumber: 'A987654321' },
      });
      const auditorMasked = json(await call('auditor', 'GET', '/people/X1'));
      expect(auditorMasked).toMatchObject({ profile: { masked: true } });
      const noReason = await call('auditor', 'GET', '/people/X1?unmask=true');
      expect(noReason.statusCode).toBe(400);
      const unmasked = json(await call('auditor', 'GET', '/people/X1?unmask=true&reason=complaint%20review'));
      expect(unmasked).toMatchObject({ profile: { masked: false, name: 'Rosa Test Gomez' } });
      expect((await call('planner', 'GET', '/people/X1?unmask=true&reason=curious')).statusCode).toBe(403);

      const access = json(await call('auditor', 'GET', '/audit/access?limit=1000')).events as {
        kind: string;
        actor: string;
        role: string;
        details: Record<string, unknown>;
      }[];
      const reads = access.filter(
        (e) => e.kind === 'personal_data_read' && (e.details.personIds as string[]).includes('X1'),
      );
      expect(reads.map((e) => [e.role, e.details.reason ?? null])).toEqual([
        ['officer', null],
        ['auditor', 'complaint review'],
      ]);
      expect(JSON.stringify(access)).not.toContain('Rosa');
    });

    it('refuses a date of birth after today and another person’s A-number, storing nothing', async () => {
      const profileOf = async (id: string) =>
        (json(await call('officer', 'GET', `/people/${id}?unmask=true`)) as { profile: unknown }).profile;
      const before = await profileOf('X1');
      const future = await call('officer', 'POST', '/people/X1/profile', { name: 'Rosa Test Gomez', dateOfBirth: '2999-01-01' });
      expect(future.statusCode, future.body).toBe(400);
      expect((json(future) as { detail: string }).detail).toContain('date of birth 2999-01-01 is after today');
      // X1 holds A987654321 (added above): no other person may take it.
      const taken = await call('officer', 'POST', '/people', {
        id: 'X2',
        facts: [{ id: 'X2-n', type: 'nationality', country: 'MX' }],
        profile: { name: 'Other Person', aNumber: 'A987654321' },
      });
      expect(taken.statusCode, taken.body).toBe(409);
      expect((json(taken) as { detail: string }).detail).toContain('A-number A987654321 is already the A-number of person X1');
      expect((await call('officer', 'GET', '/people/X2')).statusCode).toBe(404);
      expect(await profileOf('X1')).toEqual(before);
      // X1's own correction may keep it.
      const corrected = await call('officer', 'POST', '/people/X1/profile', { name: 'Rosa T. Gomez', aNumber: 'A987654321' });
      expect(corrected.statusCode, corrected.body).toBe(201);
    });

    it('finds people by A-number or name for the roles that see personal data, and logs each search', async () => {
      const found = async (role: Role, query: string) => {
        const response = await call(role, 'GET', `/people?${query}`);
        expect(response.statusCode, response.body).toBe(200);
        return (json(response) as { people: { id: string; profile: { masked: boolean } | null }[] }).people;
      };
      // Written with dashes and without the A, it is still X1's A-number.
      const byNumber = await found('officer', 'aNumber=987-654-321');
      expect(byNumber.map((p) => p.id)).toEqual(['X1']);
      expect(byNumber[0]!.profile).toMatchObject({ masked: false, name: 'Rosa T. Gomez' });
      expect((await found('officer', 'name=g%C3%B3mez%20ros')).map((p) => p.id)).toContain('X1');
      expect((await found('legal', 'aNumber=A987654321&name=rosa')).map((p) => p.id)).toEqual(['X1']);
      expect(await found('officer', 'aNumber=A987654321&name=nobody')).toEqual([]);

      // An eight-digit A-number is the same number with a leading zero.
      const x3 = await call('officer', 'POST', '/people', {
        id: 'X3',
        facts: [{ id: 'X3-n', type: 'nationality', country: 'HN' }],
        profile: { name: 'Tomás Eight Digits', aNumber: 'A012345678' },
      });
      expect(x3.statusCode, x3.body).toBe(201);
      expect((await found('officer', 'aNumber=A12345678')).map((p) => p.id)).toEqual(['X3']);
      const sameNumber = await call('officer', 'POST', '/people/X1/profile', { name: 'Rosa T. Gomez', aNumber: 'A12345678' });
      expect(sameNumber.statusCode, sameNumber.body).toBe(409);
      expect((json(sameNumber) as { detail: string }).detail).toContain('already the A-number of person X3');

      const planner = await call('planner', 'GET', '/people?aNumber=A987654321');
      expect(planner.statusCode).toBe(403);
      expect(planner.headers['content-type']).toMatch(PROBLEM_TYPE);
      expect((await call('auditor', 'GET', '/people?name=rosa')).statusCode).toBe(403);
      const audited = await found('auditor', 'name=rosa%20gomez&unmask=true&reason=complaint%2017');
      expect(audited.map((p) => p.id)).toContain('X1');
      const bad = await call('officer', 'GET', '/people?aNumber=A123');
      expect(bad.statusCode).toBe(400);
      expect(json(bad)).toMatchObject({ errors: [{ in: 'query', field: 'aNumber' }] });

      const access = json(await call('auditor', 'GET', '/audit/access?limit=1000')).events as {
        kind: string;
        role: string;
        details: { by: string[]; personIds: string[]; reason?: string };
      }[];
      const searches = access.filter((e) => e.kind === 'personal_data_search');
      expect(searches.map((e) => [e.role, e.details.by, e.details.personIds, e.details.reason ?? null])).toEqual([
        ['officer', ['aNumber'], ['X1'], null],
        ['officer', ['name'], expect.arrayContaining(['X1']), null],
        ['legal', ['aNumber', 'name'], ['X1'], null],
        ['officer', ['aNumber', 'name'], [], null],
        ['officer', ['aNumber'], ['X3'], null],
        ['auditor', ['name'], expect.arrayContaining(['X1']), 'complaint 17'],
      ]);
      // Whom a search found, never what was searched.
      expect(JSON.stringify(searches)).not.toMatch(/987654321|rosa|gomez|nobody/i);
    });

    it('logs every change with its actor', async () => {
      const events = json(await call('supervisor', 'GET', '/audit/events?after=0&limit=1000')).events as {
        kind: string;
        actor: string;
        role: string;
        subjectId: string;
      }[];
      const mine = events.filter(
        (e) => e.subjectId === 'X1' || e.subjectId === 'X1-s' || e.subjectId === 'CO-X1',
      );
      expect(mine.map((e) => [e.kind, e.role, e.actor === server.users[e.role as Role].id])).toEqual([
        ['person_added', 'officer', true],
        ['fact_recorded', 'legal', true],
        ['fact_recorded', 'officer', true],
        ['fact_retracted', 'legal', true],
        ['program_fact_recorded', 'legal', true],
        ['fact_retracted', 'legal', true],
      ]);
      await server.close();
    });
  });
}
