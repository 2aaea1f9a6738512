/**
 * Weekly acceptance caps across manifests: the people that approved manifests of flights to
 * one country in one ISO week send there never exceed the return agreement's weekly cap,
 * however many supervisors approve at once; and planning counts people already on manifests
 * of the window's weeks against the cap, so that every draft it saves can still be approved.
 */
import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { RefusedError, type Operations } from '../../src/application/operations.js';
import { planFromStore } from '../../src/application/planning.js';
import type { Day } from '../../src/domain/dates.js';
import { formatDay } from '../../src/domain/dates.js';
import type { Person, ProgramFact } from '../../src/domain/facts.js';
import { seatsHeld, type FlightInfo } from '../../src/domain/manifest/manifest.js';
import { loadSolver } from '../../src/planner/highs-solver.js';
import { operationsStore } from '../../src/store/operations-store.js';
import { at, d } from '../store/fact-factory.js';
import { as, DIALECTS, openWorld, readyPerson, removeTemp, type World } from './world.js';

const databaseUrl = inject('databaseUrl');
afterAll(removeTemp);

const LOADER = { id: 'loader', role: 'admin' } as const;

/** XB accepts 10 people a week; from Thursday 3 Jul 2025 on, only 7. */
const AGREEMENTS: readonly ProgramFact[] = [
  {
    id: 'ag-xb-1',
    type: 'return_agreement',
    country: 'XB',
    from: d('2020-01-01'),
    through: d('2025-07-02'),
    requiresTravelDocument: false,
    transport: 'receiving',
    weeklyCap: 10,
    recordedAt: at('2024-01-01T00:00:00Z'),
  },
  {
    id: 'ag-xb-2',
    type: 'return_agreement',
    country: 'XB',
    from: d('2025-07-03'),
    through: null,
    requiresTravelDocument: false,
    transport: 'receiving',
    weeklyCap: 7,
    recordedAt: at('2024-01-01T00:00:00Z'),
  },
];

/** A national of XB, otherwise as `readyPerson`. */
const xbPerson = (id: string): Person => {
  const p = readyPerson(id);
  return { id, facts: p.facts.map((f) => (f.type === 'nationality' ? { ...f, country: 'XB' } : f)) };
};

const xbFlight = (id: string, date: Day, seats = 50): FlightInfo => ({
  id,
  date,
  origin: 'IAH',
  destination: 'XBB',
  originCountry: 'US',
  destinationCountry: 'XB',
  seats,
});

// Mon 30 Jun, Tue 1 Jul, Wed 2 Jul 2025: one ISO week (30 Jun – 6 Jul); Mon 7 Jul: the next.
const MON = d('2025-06-30');
const TUE = d('2025-07-01');
const WED = d('2025-07-02');
const FRI = d('2025-07-04');
const NEXT_MON = d('2025-07-07');

async function xbWorld(dialect: (typeof DIALECTS)[number]): Promise<World> {
  const world = await openWorld(dialect, databaseUrl);
  await world.store.recordProgramFacts(AGREEMENTS, LOADER);
  return world;
}

/** A manifest of `people` new XB nationals on the flight, in review and cleared by legal. */
async function cleared(ops: Operations, world: World, flightId: string, name: string, people: number): Promise<string> {
  const ids = Array.from({ length: people }, (_, i) => `${name}-P${i + 1}`);
  await world.store.addPeople(ids.map(xbPerson), LOADER);
  const { manifest } = await ops.createManifest(as('planner'), { flightId, manifestId: name });
  await ops.command(as('planner'), manifest.id, { type: 'add', personIds: ids });
  await ops.command(as('planner'), manifest.id, { type: 'submit' });
  await ops.command(as('legal'), manifest.id, { type: 'review', outcome: 'cleared' });
  return manifest.id;
}

async function approve(ops: Operations, manifestId: string, who = 'supervisor-1'): Promise<string> {
  try {
    await ops.command(as('supervisor', who), manifestId, { type: 'approve' });
    return 'approved';
  } catch (error) {
    if (error instanceof RefusedError) return `${error.refusal.code}: ${error.refusal.message}`;
    throw error;
  }
}

async function heldInWeek(ops: Operations, flights: readonly string[]): Promise<number> {
  let held = 0;
  for (const flightId of flights)
    for (const { manifest } of await ops.list(as('auditor'), { flightId })) held += seatsHeld(manifest);
  return held;
}

for (const dialect of DIALECTS) {
  describe(`weekly caps across manifests (${dialect})`, () => {
    it('refuses the approval that would take a week over the cap, and reads the cap as the planner does', async () => {
      const world = await xbWorld(dialect);
      try {
        const { ops } = world;
        for (const f of [xbFlight('XB-MON', MON), xbFlight('XB-TUE', TUE), xbFlight('XB-FRI', FRI), xbFlight('XB-NEXT', NEXT_MON)])
          await ops.registerFlight(as('planner'), f);
        const m1 = await cleared(ops, world, 'XB-MON', 'M1', 6);
        const m2 = await cleared(ops, world, 'XB-TUE', 'M2', 5);
        const m3 = await cleared(ops, world, 'XB-TUE', 'M3', 4);
        const m4 = await cleared(ops, world, 'XB-NEXT', 'M4', 7);
        const m5 = await cleared(ops, world, 'XB-FRI', 'M5', 1);

        expect(await approve(ops, m1)).toBe('approved');
        // 6 + 5 = 11 > 10: refused, with the figures.
        expect(await approve(ops, m2)).toBe(
          `OVER_WEEKLY_CAP: Cannot approve manifest M2: The return agreement with XB accepts at most 10 people in the week of 30 Jun 2025; ` +
            '6 are held by other approved manifests of that week; manifest M2 would need 5, over the 4 still free.',
        );
        // 6 + 4 = 10: exactly the cap.
        expect(await approve(ops, m3)).toBe('approved');
        // Another week starts afresh (at 7 a week by then).
        expect(await approve(ops, m4)).toBe('approved');
        // Friday's cap is 7, and the smallest cap on the dates of the week's used flights binds.
        expect(await approve(ops, m5)).toMatch(/^OVER_WEEKLY_CAP: .*accepts at most 7 people in the week of 30 Jun 2025; 10 are held/);
        expect(await heldInWeek(ops, ['XB-MON', 'XB-TUE', 'XB-FRI'])).toBe(10);
        // Adding to a draft is refused by the same count.
        const { manifest: late } = await ops.createManifest(as('planner'), { flightId: 'XB-TUE', manifestId: 'M6' });
        await world.store.addPeople([xbPerson('M6-P1')], LOADER);
        await expect(ops.command(as('planner'), late.id, { type: 'add', personIds: ['M6-P1'] })).rejects.toMatchObject({
          refusal: { code: 'OVER_WEEKLY_CAP' },
        });
        expect(await ops.verifyAudit(as('auditor'))).toMatchObject({ ok: true });
      } finally {
        await world.close();
      }
    });

    it('plans a window against what the manifests of its weeks already hold', async () => {
      const world = await xbWorld(dialect);
      try {
        const { ops } = world;
        await ops.registerFlight(as('planner'), xbFlight('XB-MON', MON));
        await ops.registerFlight(as('planner'), xbFlight('XB-WED', WED));
        await operationsStore(world.store).transaction('operate', async (tx) => {
          await tx.insertFacility({ id: 'F1', name: 'Facility one', airport: 'IAH' }, world.now(), LOADER);
          await tx.insertTransfer({ facility: 'F1', airport: 'IAH', cost: 1 }, world.now(), LOADER);
        });
        // Monday's flight already holds 3 people on an approved manifest and 4 on a draft.
        const approved = await cleared(ops, world, 'XB-MON', 'MA', 3);
        expect(await approve(ops, approved)).toBe('approved');
        await world.store.addPeople(['MD-P1', 'MD-P2', 'MD-P3', 'MD-P4'].map(xbPerson), LOADER);
        const { manifest: draft } = await ops.createManifest(as('planner'), { flightId: 'XB-MON', manifestId: 'MD' });
        await ops.command(as('planner'), draft.id, { type: 'add', personIds: ['MD-P1', 'MD-P2', 'MD-P3', 'MD-P4'] });
        // Twenty more people wait for Wednesday's flight, which has 50 seats.
        await world.store.addPeople(Array.from({ length: 20 }, (_, i) => xbPerson(`W${i + 1}`)), LOADER);

        const planned = await planFromStore(
          { store: operationsStore(world.store), operations: ops, clock: () => world.now(), config: { noticeDays: 7 }, solver: loadSolver },
          as('planner'),
          { from: WED, to: WED },
        );
        // 10 a week, 7 spoken for: 3 seats' worth of cap left on Wednesday.
        expect(planned.flights.find((f) => f.id === 'XB-WED')?.seatsUsed).toBe(3);
        expect(planned.caps).toEqual([{ country: 'XB', week: MON, cap: 10, used: 10 }]);
        expect(planned.plan.unassigned.filter((u) => u.reasons.includes('CAPACITY'))).toHaveLength(17);
        // The saved draft can be taken through to approval; the week is then at its cap.
        const saved = planned.flights.find((f) => f.id === 'XB-WED')!.manifestId!;
        await ops.command(as('planner'), saved, { type: 'submit' });
        await ops.command(as('legal'), saved, { type: 'review', outcome: 'cleared' });
        expect(await approve(ops, saved)).toBe('approved');
        expect(await heldInWeek(ops, ['XB-MON', 'XB-WED'])).toBe(6);
        expect(formatDay(planned.caps[0]!.week)).toBe('2025-06-30');
      } finally {
        await world.close();
      }
    });
  });
}

describe('weekly caps under concurrency (postgres)', () => {
  it('12 supervisors approving manifests of 12 flights of one week at once never exceed the cap', async () => {
    const world = await xbWorld('postgres');
    try {
      const { ops } = world;
      // One manifest a flight, so that no flight's lock queues the approvals: only the week's lock can.
      const flights = Array.from({ length: 12 }, (_, i) => xbFlight(`XB-${i + 1}`, [MON, TUE, WED][i % 3]!));
      for (const f of flights) await ops.registerFlight(as('planner'), f);
      const manifests: string[] = [];
      for (let i = 0; i < 12; i += 1) manifests.push(await cleared(ops, world, flights[i]!.id, `C${String(i + 1).padStart(2, '0')}`, 3));
      const approvers: Operations[] = [];
      for (let i = 0; i < 12; i += 1) {
        const connection = await world.connect(`cap-approver-${process.pid}-${i}`);
        await sql`select 1`.execute(connection.store.kysely);
        approvers.push(connection.ops);
      }
      const outcomes = await Promise.all(approvers.map((o, i) => approve(o, manifests[i]!, `supervisor-${i}`)));
      // 10 a week, 3 people a manifest: 3 manifests fit.
      expect(outcomes.filter((o) => o === 'approved')).toHaveLength(3);
      for (const o of outcomes.filter((x) => x !== 'approved')) expect(o).toMatch(/^OVER_WEEKLY_CAP: /);
      expect(await heldInWeek(ops, flights.map((f) => f.id))).toBe(9);
      expect(await ops.verifyAudit(as('auditor'))).toMatchObject({ ok: true });
    } finally {
      await world.close();
    }
  });
});
