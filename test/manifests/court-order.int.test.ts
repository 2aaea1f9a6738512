/**
 * Done-when #2: a stay recorded for a person on an approved manifest strikes them in the same
 * transaction, with the reason and the stay's fact id, and tells the manifest's owner. If any
 * part of that fails, the stay is not recorded either. Also: class orders re-decide everyone
 * on every manifest not yet departed, and a departed manifest is left as it is.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PersonFact, ProgramFact } from '../../src/domain/facts.js';
import { operationsStore } from '../../src/store/operations-store.js';
import { d } from '../store/fact-factory.js';
import { as, DIALECTS, flight, openWorld, readyPerson, removeTemp, type World } from './world.js';

const databaseUrl = inject('databaseUrl');
afterAll(removeTemp);

const stay = (id: string): PersonFact => ({
  id,
  type: 'stay',
  from: d('2025-06-25'),
  through: null,
  recordedAt: 0,
});

/** Makes every insert into the outbox fail, as a broken notifier table would. */
async function breakOutbox(world: World): Promise<void> {
  if (world.dialect === 'sqlite') {
    await sql`create trigger outbox_broken before insert on outbox begin select raise(abort, 'outbox unavailable'); end`.execute(
      world.store.kysely,
    );
  } else {
    await sql`create function outbox_broken() returns trigger language plpgsql as $$ begin raise exception 'outbox unavailable'; end $$`.execute(
      world.store.kysely,
    );
    await sql`create trigger outbox_broken before insert on outbox for each row execute function outbox_broken()`.execute(
      world.store.kysely,
    );
  }
}

async function approvedManifest(
  world: World,
  id: string,
  flightId: string,
  people: readonly string[],
): Promise<void> {
  const { ops } = world;
  await ops.createManifest(as('planner', 'pat'), { flightId, manifestId: id });
  await ops.command(as('planner', 'pat'), id, { type: 'add', personIds: people });
  await ops.command(as('planner', 'pat'), id, { type: 'submit' });
  await ops.command(as('legal'), id, { type: 'review', outcome: 'cleared' });
  await ops.command(as('supervisor'), id, { type: 'approve' });
}

for (const dialect of DIALECTS) {
  describe(`court orders re-decide manifests at once (${dialect})`, () => {
    let world: World;
    beforeAll(async () => {
      world = await openWorld(
        dialect,
        databaseUrl,
        ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'].map((id) => readyPerson(id)),
      );
      await world.ops.registerFlight(as('planner'), flight('FL1', 10));
      await world.ops.registerFlight(as('planner'), flight('FL2', 10));
    });
    afterAll(async () => {
      await world.close();
    });

    it('strikes a person on an approved manifest in the same transaction as their stay, with the reason and the stay’s fact id', async () => {
      const { ops, store } = world;
      await approvedManifest(world, 'M1', 'FL1', ['P1', 'P2']);
      await expect(ops.recordPersonFacts(as('officer'), 'P2', [stay('stay-P2')])).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });

      const result = await ops.recordPersonFacts(as('legal', 'lee'), 'P2', [stay('stay-P2')]);
      expect(result.struck).toEqual([
        { manifestId: 'M1', personId: 'P2', reasons: [{ code: 'STAY_OF_REMOVAL', facts: ['stay-P2'] }] },
      ]);

      const view = await ops.show(as('auditor'), 'M1');
      expect(view.manifest.state).toBe('approved');
      const p2 = view.manifest.people.find((p) => p.personId === 'P2')!;
      expect(p2.strike).toEqual({
        reasons: [{ code: 'STAY_OF_REMOVAL', facts: ['stay-P2'] }],
        cause: 'fact_recorded',
        at: result.recordedAt,
        by: 'lee',
        role: 'legal',
        note: 're-decided when fact stay-P2 was recorded',
      });
      expect(view.manifest.people.find((p) => p.personId === 'P1')!.strike).toBeNull();

      // The stay itself, recorded at the same instant, under the same correlation id as the strike.
      const person = await store.getPerson('P2');
      expect(person?.facts.find((f) => f.id === 'stay-P2')).toMatchObject({
        type: 'stay',
        recordedAt: result.recordedAt,
      });
      const audit = (await ops.auditLog(as('auditor'), { limit: 1000 })).filter(
        (e) => e.correlationId === result.correlationId,
      );
      expect(audit.map((e) => [e.what, e.subjectId])).toEqual([
        ['fact.recorded', 'P2'],
        ['manifest.person_struck', 'M1'],
      ]);
      expect(JSON.parse(audit[1]!.details)).toMatchObject({
        personId: 'P2',
        reasons: [{ code: 'STAY_OF_REMOVAL', facts: ['stay-P2'] }],
        cause: 'fact_recorded',
      });

      // The owner is told.
      const notes = await operationsStore(store).pendingNotifications();
      expect(notes).toContainEqual(
        expect.objectContaining({
          recipient: 'pat',
          kind: 'person_struck',
          subjectType: 'manifest',
          subjectId: 'M1',
          correlationId: result.correlationId,
          body: expect.objectContaining({ personId: 'P2', by: 'lee', cause: 'fact_recorded' }),
        }),
      );
    });

    it('strikes for an appeal with stay and a protection too; an appeal without stay strikes no one', async () => {
      const { ops } = world;
      await approvedManifest(world, 'M2', 'FL2', ['P3', 'P4', 'P5']);
      const noStay = await ops.recordPersonFacts(as('legal'), 'P3', [
        {
          id: 'appeal-P3-a',
          type: 'appeal',
          stay: false,
          from: d('2025-06-01'),
          through: null,
          recordedAt: 0,
        },
      ]);
      expect(noStay.struck).toEqual([]);
      const appeal = await ops.recordPersonFacts(as('legal'), 'P3', [
        {
          id: 'appeal-P3-b',
          type: 'appeal',
          stay: true,
          from: d('2025-06-01'),
          through: null,
          recordedAt: 0,
        },
      ]);
      expect(appeal.struck).toEqual([
        { manifestId: 'M2', personId: 'P3', reasons: [{ code: 'APPEAL_PENDING', facts: ['appeal-P3-b'] }] },
      ]);
      const protection = await ops.recordPersonFacts(as('legal'), 'P4', [
        {
          id: 'prot-P4',
          type: 'protection',
          kind: 'cat_deferral',
          country: 'XA',
          from: d('2025-06-01'),
          through: null,
          recordedAt: 0,
        },
      ]);
      expect(protection.struck).toEqual([
        {
          manifestId: 'M2',
          personId: 'P4',
          reasons: [{ code: 'PROTECTED_FROM_COUNTRY', facts: ['prot-P4'] }],
        },
      ]);
    });

    it('records a class order and strikes everyone it covers from every manifest not yet departed, leaving departed ones be', async () => {
      const { ops } = world;
      await ops.command(as('supervisor'), 'M2', { type: 'board' });
      await ops.command(as('officer'), 'M2', { type: 'depart', notBoarded: [] });
      await ops.createManifest(as('planner', 'pat'), { flightId: 'FL2', manifestId: 'M3' });
      await ops.command(as('planner', 'pat'), 'M3', { type: 'add', personIds: ['P6'] });
      const order: ProgramFact = {
        id: 'class-XA',
        type: 'class_order',
        criteria: { nationality: ['XA'], facility: ['F1'] },
        from: d('2025-06-01'),
        through: null,
        citation: 'Doe v. Agency (test)',
        recordedAt: 0,
      };
      await expect(ops.recordProgramFacts(as('planner'), [order])).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      const result = await ops.recordProgramFacts(as('legal'), [order]);
      expect(
        result.struck.map((s) => [s.manifestId, s.personId, s.reasons.map((r) => r.code).join()]).sort(),
      ).toEqual([
        ['M1', 'P1', 'CLASS_ORDER'],
        ['M3', 'P6', 'CLASS_ORDER'],
      ]);
      // The order and the custody fact that matched its facility criterion (spec: facts-and-decisions.md).
      expect(result.struck[0]!.reasons[0]!.facts).toEqual(['class-XA', 'P1-cus']);
      const departed = await ops.show(as('auditor'), 'M2');
      expect(departed.manifest.people.filter((p) => p.boarded === true).map((p) => p.personId)).toEqual([
        'P5',
      ]);
    });

    it('records nothing — neither the stay nor a strike nor an audit entry — when any part of the transaction fails', async () => {
      const { ops, store } = world;
      await ops.registerFlight(as('planner'), flight('FL3', 10));
      await ops.createManifest(as('planner', 'pat'), { flightId: 'FL3', manifestId: 'M4' });
      // Held at F2, which the class order does not cover.
      const fresh = readyPerson('P7', [], 'F2');
      await store.addPeople([fresh], { id: 'loader', role: 'admin' });
      await ops.command(as('planner', 'pat'), 'M4', { type: 'add', personIds: ['P7'] });
      const auditBefore = (await ops.auditLog(as('auditor'), { limit: 10_000 })).length;
      const versionBefore = (await ops.show(as('auditor'), 'M4')).manifest.version;

      await breakOutbox(world);
      await expect(ops.recordPersonFacts(as('legal'), 'P7', [stay('stay-P7')])).rejects.toThrow(
        /outbox unavailable/,
      );

      expect((await store.getPerson('P7'))?.facts.map((f) => f.id)).not.toContain('stay-P7');
      expect((await ops.show(as('auditor'), 'M4')).manifest.version).toBe(versionBefore);
      expect((await ops.auditLog(as('auditor'), { limit: 10_000 })).length).toBe(auditBefore);
      expect(await ops.verifyAudit(as('auditor'))).toMatchObject({ ok: true });
    });
  });
}
