/**
 * Done-when #5: editing any stored audit entry directly in the database — any column of the
 * first, a middle or the last entry — makes `audit verify` fail and name that entry; undoing
 * the edit makes it pass again. On SQLite and PostgreSQL, and through the CLI.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { as, DIALECTS, flight, openWorld, readyPerson, removeTemp, type World } from './world.js';

const databaseUrl = inject('databaseUrl');
afterAll(removeTemp);

const COLUMNS = [
  'at',
  'what',
  'who',
  'subject_type',
  'subject_id',
  'correlation_id',
  'details',
  'prev_hash',
  'hash',
] as const;
type Column = (typeof COLUMNS)[number];

/** A few days of work: a flight, a manifest walked to boarding, a notice, a stay. */
async function history(world: World): Promise<void> {
  const { ops } = world;
  await ops.registerFlight(as('planner'), flight('FL1', 10));
  await ops.createManifest(as('planner'), { flightId: 'FL1', manifestId: 'M1' });
  await ops.command(as('planner'), 'M1', { type: 'add', personIds: ['P1', 'P2'] });
  await ops.serveNotice(as('officer'), {
    personId: 'P3',
    servedOn: 20_000,
    to: ['person', 'counsel'],
    noCounselOfRecord: false,
    language: 'es',
    method: 'in_person',
  });
  await ops.command(as('planner'), 'M1', { type: 'submit' });
  await ops.command(as('legal'), 'M1', { type: 'review', outcome: 'cleared' });
  await ops.command(as('supervisor'), 'M1', { type: 'approve' });
  await ops.recordPersonFacts(as('legal'), 'P2', [
    { id: 'stay-P2', type: 'stay', from: 20_000, through: null, recordedAt: 0 },
  ]);
  await ops.command(as('supervisor'), 'M1', { type: 'board' });
}

async function readColumn(world: World, seq: number, column: Column): Promise<string | number> {
  const { rows } = await sql<{
    value: string | number;
  }>`select ${sql.ref(column)} as value from audit_log where seq = ${seq}`.execute(world.store.kysely);
  return rows[0]!.value;
}

async function writeColumn(world: World, seq: number, column: Column, value: string | number): Promise<void> {
  await sql`update audit_log set ${sql.ref(column)} = ${value} where seq = ${seq}`.execute(
    world.store.kysely,
  );
}

for (const dialect of DIALECTS) {
  describe(`audit verify finds edited entries (${dialect})`, () => {
    let world: World;
    let last: number;
    beforeAll(async () => {
      world = await openWorld(
        dialect,
        databaseUrl,
        ['P1', 'P2', 'P3'].map((id) => readyPerson(id)),
      );
      await history(world);
      const verdict = await world.ops.verifyAudit(as('auditor'));
      if (!verdict.ok) throw new Error(verdict.broken.message);
      last = verdict.head.seq;
    });
    afterAll(async () => {
      await world.close();
    });

    it('has a chain long enough to test, and only roles that may verify it can', async () => {
      expect(last).toBeGreaterThanOrEqual(12);
      await expect(world.ops.verifyAudit(as('planner'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('names the edited entry, whichever column of whichever entry is edited', async () => {
      for (const seq of [1, Math.ceil(last / 2), last]) {
        for (const column of COLUMNS) {
          const original = await readColumn(world, seq, column);
          await writeColumn(world, seq, column, typeof original === 'number' ? original + 1 : `${original}0`);
          const verdict = await world.ops.verifyAudit(as('auditor'));
          expect(verdict, `${column} of entry ${seq}`).toMatchObject({
            ok: false,
            entries: seq - 1,
            broken: { seq },
          });
          if (!verdict.ok) expect(verdict.broken.message).toMatch(new RegExp(`^entry ${seq} `));
          await writeColumn(world, seq, column, original);
        }
      }
      expect(await world.ops.verifyAudit(as('auditor'))).toMatchObject({ ok: true, entries: last });
    });

    if (dialect === 'sqlite') {
      it('makes `repatria audit verify` exit 1 naming the entry, and 0 once undone', async () => {
        const args = ['audit', 'verify', '--as', 'ada', '--role', 'auditor', '--db', world.location];
        const intact = await cli(args);
        expect(intact).toMatchObject({ status: 0, stderr: '' });
        expect(intact.stdout).toContain(`Audit chain intact: ${last} entries`);
        const original = await readColumn(world, 7, 'details');
        await writeColumn(
          world,
          7,
          'details',
          String(original)
            .replace('supervisor', 'planner')
            .replace('legal', 'planner')
            .replace('}', ',"x":1}'),
        );
        const broken = await cli(args);
        expect(broken.status).toBe(1);
        expect(broken.stderr).toContain(
          'audit chain broken at entry 7 (6 entries before it verified): entry 7 was changed after it was written',
        );
        await writeColumn(world, 7, 'details', original);
        expect((await cli(args)).status).toBe(0);
      });
    }
  });
}
