/**
 * A person is returned once: someone who boarded a departed manifest is neither added to
 * another manifest nor planned again, unless the receiving country refused them on arrival.
 * On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RefusedError } from '../../src/application/operations.js';
import { buildStoreInstance } from '../../src/application/planning.js';
import { operationsStore } from '../../src/store/operations-store.js';
import { as, DIALECTS, FLIGHT_DAY, flight, openWorld, readyPerson, removeTemp, type World } from './world.js';

const databaseUrl = inject('databaseUrl');
afterAll(removeTemp);

for (const dialect of DIALECTS) {
  describe(`people already returned (${dialect})`, () => {
    let world: World;
    beforeAll(async () => {
      world = await openWorld(dialect, databaseUrl, ['P1', 'P2', 'P3', 'P4'].map((id) => readyPerson(id)));
      const { ops } = world;
      await ops.registerFlight(as('planner'), flight('FL1', 10));
      await ops.registerFlight(as('planner'), { ...flight('FL2', 10), date: FLIGHT_DAY + 2 });
      const { manifest } = await ops.createManifest(as('planner'), { flightId: 'FL1', manifestId: 'M1' });
      await ops.command(as('planner'), manifest.id, { type: 'add', personIds: ['P1', 'P2', 'P3'] });
      await ops.command(as('planner'), manifest.id, { type: 'submit' });
      await ops.command(as('legal'), manifest.id, { type: 'review', outcome: 'cleared' });
      await ops.command(as('supervisor'), manifest.id, { type: 'approve' });
      await ops.command(as('supervisor'), manifest.id, { type: 'board' });
      // P2 did not board; P3 boarded and was refused by the receiving country.
      await ops.command(as('officer'), manifest.id, { type: 'depart', notBoarded: ['P2'] });
      await ops.command(as('supervisor'), manifest.id, {
        type: 'arrive',
        reference: 'XA-1',
        confirmations: [
          { personId: 'P1', outcome: 'accepted' },
          { personId: 'P3', outcome: 'refused' },
        ],
      });
    });
    afterAll(async () => {
      await world.close();
    });

    it('refuses to add someone who was returned, naming the manifest that returned them', async () => {
      const { ops } = world;
      const { manifest } = await ops.createManifest(as('planner'), { flightId: 'FL2', manifestId: 'M2' });
      const attempt = ops.command(as('planner'), manifest.id, { type: 'add', personIds: ['P4', 'P1'] });
      await expect(attempt).rejects.toBeInstanceOf(RefusedError);
      await expect(attempt).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('Already returned on a departed manifest: P1 (on M1)'),
      });
      // Nothing was added.
      expect((await ops.show(as('auditor'), manifest.id)).manifest.people).toEqual([]);
      // Who did not board, and who was refused on arrival, may fly again.
      const added = await ops.command(as('planner'), manifest.id, { type: 'add', personIds: ['P2', 'P3', 'P4'] });
      expect(added.manifest.people.map((p) => p.personId).sort()).toEqual(['P2', 'P3', 'P4']);
    });

    it('leaves people already returned out of the planning instance', async () => {
      const instance = await operationsStore(world.store).transaction('read', (tx) =>
        buildStoreInstance(tx, { from: FLIGHT_DAY, to: FLIGHT_DAY + 6, knownAt: world.now() }, 7),
      );
      // P2, P3 and P4 are on the open manifest M2 now; P1 was returned: no one is left to plan.
      expect(instance.instance.persons.map((p) => p.id)).toEqual([]);
      const departed = await operationsStore(world.store).transaction('read', (tx) =>
        tx.departedManifestsWith(['P1', 'P4']),
      );
      expect(departed.map((m) => m.id)).toEqual(['M1']);
    });
  });
}
