/**
 * A person is returned once: someone who boarded a departed manifest is neither added to
 * another manifest nor planned again, unless the receiving country refused them on arrival.
 * The population counts (status, sweeps, statistics) show them as returned, not as
 * removable, from the day the departure was recorded and as known from then.
 * On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RefusedError } from '../../src/application/operations.js';
import { buildStoreInstance } from '../../src/application/planning.js';
import { returnsKnownAt } from '../../src/application/returns.js';
import { populationService } from '../../src/api/population.js';
import { dayOfInstant } from '../../src/domain/dates.js';
import { removabilityStatistics } from '../../src/export/statistics.js';
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

    it('counts whoever was returned as returned, from the day the departure was recorded, as known from then', async () => {
      const opsStore = operationsStore(world.store);
      const departedAt = (await world.ops.show(as('auditor'), 'M1')).manifest.departedAt!;
      expect(departedAt).not.toBeNull();
      const day = dayOfInstant(departedAt);
      // Before the departure was recorded, no one was returned; once it was, everyone who
      // boarded was, P3 too until their refusal on arrival was recorded.
      expect(await returnsKnownAt(opsStore, departedAt - 1)).toEqual(new Map());
      expect([...(await returnsKnownAt(opsStore, departedAt)).keys()].sort()).toEqual(['P1', 'P3']);
      const now = await returnsKnownAt(opsStore, world.now());
      expect(now).toEqual(new Map([['P1', { manifestId: 'M1', day }]]));

      const location = dialect === 'sqlite' ? { dbPath: world.location } : { dbPath: '', databaseUrl: world.location };
      const population = populationService(location, () => world.store.lastSeq(), (knownAt) => returnsKnownAt(opsStore, knownAt));
      const today = await population.sweep(day, world.now(), undefined, true);
      expect(today.total).toMatchObject({ people: 4, returned: 1, removable: 3 });
      // The day before the departure, and as known before it, P1 was still to be removed.
      expect((await population.sweep(day - 1, world.now(), undefined, true)).total).toMatchObject({ people: 4, returned: 0, removable: 4 });
      expect((await population.sweep(day, departedAt - 1, undefined, true)).total).toMatchObject({ people: 4, returned: 0, removable: 4 });
      // The statistics export, decided person by person, counts the same.
      const exported = await removabilityStatistics(world.store, day, world.now(), now);
      expect(exported.total).toMatchObject({ people: 4, returned: 1, removable: 3 });
      // A sweep is every person's decision, as `decide` gives it: P1 is still removable in law.
      expect((await population.sweep(day, world.now())).total).toMatchObject({ people: 4, returned: 0, removable: 4 });
    });
  });
}
