/**
 * The departure check and the departure decide people for the day they would leave: the
 * flight's date, or the day of the step when that date has passed. A flight that leaves late
 * (or a manifest of a flight dated in the past) must not carry someone protected today only
 * because they were not protected on the flight's date. On SQLite and PostgreSQL.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { RefusedError } from '../../src/application/operations.js';
import type { PersonFact } from '../../src/domain/facts.js';
import { at, d } from '../store/fact-factory.js';
import {
  as,
  DIALECTS,
  FLIGHT_DAY,
  flight,
  openWorld,
  readyPerson,
  removeTemp,
  type World,
} from './world.js';

const databaseUrl = inject('databaseUrl');
const LOADER = { id: 'loader', role: 'admin' } as const;

/** A stay in force from `from`, recorded at `recordedAt`. */
const stay = (id: string, from: string, recordedAt: number): PersonFact => ({
  id,
  type: 'stay',
  from: d(from),
  through: null,
  recordedAt,
});

/** A manifest of FL1 (dated FLIGHT_DAY, 1 Jul 2025) with P1 and P2, approved. */
async function approved(world: World): Promise<string> {
  const { ops } = world;
  await ops.registerFlight(as('planner'), flight('FL1', 10));
  const { manifest } = await ops.createManifest(as('planner'), { flightId: 'FL1' });
  await ops.command(as('planner'), manifest.id, { type: 'add', personIds: ['P1', 'P2'] });
  await ops.command(as('planner'), manifest.id, { type: 'submit' });
  await ops.command(as('legal'), manifest.id, { type: 'review', outcome: 'cleared' });
  await ops.command(as('supervisor'), manifest.id, { type: 'approve' });
  return manifest.id;
}

for (const dialect of DIALECTS) {
  describe(`the day people leave (${dialect})`, () => {
    let world: World | undefined;
    afterEach(async () => {
      await world?.close();
      world = undefined;
      removeTemp();
    });
    const open = async (): Promise<World> =>
      (world = await openWorld(dialect, databaseUrl, [readyPerson('P1'), readyPerson('P2')]));

    it('a departure check after the flight’s date strikes someone protected on the day of the check', async () => {
      const w = await open();
      const id = await approved(w);
      // Loaded straight into the store (no re-decision): a stay from 5 Jul, after the flight's date.
      await w.store.recordPersonFacts('P2', [stay('stay-P2', '2025-07-05', at('2025-07-04T12:00:00Z'))], LOADER);
      w.setClock(at('2025-07-10T08:00:00Z'));
      const checked = await w.ops.command(as('supervisor'), id, { type: 'board' });
      expect(checked.manifest.state).toBe('boarding');
      const struck = checked.events.filter((e) => e.kind === 'person_struck');
      expect(struck).toMatchObject([
        { personId: 'P2', reasons: [{ code: 'STAY_OF_REMOVAL', facts: ['stay-P2'] }], cause: 'departure_check' },
      ]);
      // The record says which day counted.
      expect(struck[0]!.reason).toContain("decided for 2025-07-10, the flight's date 2025-07-01 having passed");
      const boarding = checked.events.find((e) => e.kind === 'boarding_started');
      expect(boarding).toMatchObject({ cleared: ['P1'] });
      const departed = await w.ops.command(as('officer'), id, { type: 'depart', notBoarded: [] });
      expect(departed.events.find((e) => e.kind === 'departed')).toMatchObject({ boarded: ['P1'] });
    });

    it('a departure check before the flight’s date decides for the flight’s date', async () => {
      const w = await open();
      const id = await approved(w);
      // In force only after the flight's date, and the flight leaves on its date: no bar.
      await w.store.recordPersonFacts('P2', [stay('stay-P2', '2025-07-05', at('2025-06-24T12:00:00Z'))], LOADER);
      w.setClock(at('2025-06-30T20:00:00Z'));
      const checked = await w.ops.command(as('supervisor'), id, { type: 'board' });
      expect(checked.events.filter((e) => e.kind === 'person_struck')).toEqual([]);
      expect(checked.events.find((e) => e.kind === 'boarding_started')).toMatchObject({ cleared: ['P1', 'P2'] });
      expect(FLIGHT_DAY).toBe(d('2025-07-01'));
    });

    it('a departure recorded later than the flight’s date is refused while someone is protected that day', async () => {
      const w = await open();
      const id = await approved(w);
      w.setClock(at('2025-07-01T06:00:00Z'));
      await w.ops.command(as('supervisor'), id, { type: 'board' });
      // The flight does not leave on its date; a stay in force from 3 Jul is loaded meanwhile.
      await w.store.recordPersonFacts('P1', [stay('stay-P1', '2025-07-03', at('2025-07-02T12:00:00Z'))], LOADER);
      w.setClock(at('2025-07-03T09:00:00Z'));
      const attempt = w.ops.command(as('officer'), id, { type: 'depart', notBoarded: [] });
      await expect(attempt).rejects.toBeInstanceOf(RefusedError);
      await expect(attempt).rejects.toMatchObject({
        refusal: { code: 'NOT_ELIGIBLE' },
        message: expect.stringContaining('cannot leave with P1'),
      });
      expect((await w.ops.show(as('auditor'), id)).manifest.state).toBe('boarding');
    });

    it('a stay recorded through the services while a late flight is boarding strikes at once', async () => {
      const w = await open();
      const id = await approved(w);
      w.setClock(at('2025-07-02T06:00:00Z'));
      await w.ops.command(as('supervisor'), id, { type: 'board' });
      const recorded = await w.ops.recordPersonFacts(as('legal'), 'P2', [
        stay('stay-P2', '2025-07-02', at('2025-07-02T07:00:00Z')),
      ]);
      expect(recorded.struck).toMatchObject([{ manifestId: id, personId: 'P2' }]);
      const shown = await w.ops.show(as('auditor'), id);
      expect(shown.manifest.people.find((p) => p.personId === 'P2')?.strike).not.toBeNull();
    });
  });
}

