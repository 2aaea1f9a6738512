/**
 * Done-when #5: editing any stored audit entry directly in the database — any column of the
 * first, a middle or the last entry — makes `audit verify` fail and name that entry; undoing
 * the edit makes it pass again. Removing entries from the end of the log (which leaves an
 * intact, shorter chain), or adding entries past it, is found too, while an append rolled back
 * leaves nothing to find. On SQLite and PostgreSQL, and through the CLI.
 */
import { sql, type Selectable } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { link } from '../../src/domain/audit-chain.js';
import type { AuditLogTable, ManifestTables } from '../../src/store/manifest-tables.js';
import { operationsStore, sha256Hex } from '../../src/store/operations-store.js';
import { auditChainProblems } from '../../src/store/verify.js';
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

/** A world with `history` in it, its audit chain verified intact; `last` is the chain's last seq. */
async function openWorldWithHistory(dialect: (typeof DIALECTS)[number]): Promise<{ world: World; last: number }> {
  const world = await openWorld(
    dialect,
    databaseUrl,
    ['P1', 'P2', 'P3'].map((id) => readyPerson(id)),
  );
  await history(world);
  const verdict = await world.ops.verifyAudit(as('auditor'));
  if (!verdict.ok) throw new Error(verdict.broken.message);
  return { world, last: verdict.head.seq };
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
      ({ world, last } = await openWorldWithHistory(dialect));
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

type AuditRow = Selectable<AuditLogTable>;

/** Removes the entries from `seq` on, as someone with the database could, and returns them. */
async function removeFrom(world: World, seq: number): Promise<AuditRow[]> {
  const audit = world.store.kysely.withTables<ManifestTables>();
  const rows = await audit
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>=', seq)
    .orderBy('seq')
    .execute();
  await sql`delete from audit_log where seq >= ${seq}`.execute(world.store.kysely);
  return rows;
}

async function putBack(world: World, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length > 0)
    await world.store.kysely
      .withTables<ManifestTables>()
      .insertInto('audit_log')
      .values([...rows])
      .execute();
}

for (const dialect of DIALECTS) {
  describe(`audit verify finds entries removed from the end of the log (${dialect})`, () => {
    let world: World;
    let last: number;
    /** `repatria audit verify` on this world's store. */
    const verifyCli = () =>
      cli(
        [
          'audit',
          'verify',
          '--as',
          'ada',
          '--role',
          'auditor',
          ...(dialect === 'sqlite' ? ['--db', world.location] : []),
        ],
        dialect === 'postgres' ? { DATABASE_URL: world.location } : {},
      );
    beforeAll(async () => {
      ({ world, last } = await openWorldWithHistory(dialect));
    });
    afterAll(async () => {
      await world.close();
    });

    it('names the first entry removed from the end, however many were removed, and passes once they are back', async () => {
      for (const removed of [1, 3]) {
        const first = last - removed + 1;
        const rows = await removeFrom(world, first);
        const verdict = await world.ops.verifyAudit(as('auditor'));
        expect(verdict, `${removed} removed`).toMatchObject({
          ok: false,
          entries: first - 1,
          broken: { seq: first, problem: 'truncated' },
        });
        if (!verdict.ok) {
          expect(verdict.broken.message).toBe(
            `entry ${first} is missing: the log was written up to entry ${last} but ends at entry ${first - 1}, so entries were removed from its end`,
          );
        }
        // `repatria verify` (and so a backup or a restore) walks the same chain.
        expect(await auditChainProblems(world.store.kysely, dialect)).toEqual([
          `entry ${first} is missing: the log was written up to entry ${last} but ends at entry ${first - 1}, so entries were removed from its end (${first - 1} entries before it verified)`,
        ]);
        await putBack(world, rows);
        expect(await world.ops.verifyAudit(as('auditor'))).toMatchObject({ ok: true, entries: last });
      }
    });

    it('makes `repatria audit verify` exit 1 naming the missing entry, and 0 once it is back', async () => {
      expect(await verifyCli()).toMatchObject({ status: 0, stderr: '' });
      const rows = await removeFrom(world, last);
      const broken = await verifyCli();
      expect(broken.status).toBe(1);
      expect(broken.stdout).toBe('');
      expect(broken.stderr).toContain(
        `audit chain broken at entry ${last} (${last - 1} entries before it verified): entry ${last} is missing: the log was written up to entry ${last}`,
      );
      await putBack(world, rows);
      expect((await verifyCli()).stdout).toContain(`Audit chain intact: ${last} entries`);
    });

    it('finds a last entry removed and replaced by one that fits the chain', async () => {
      const [original] = await removeFrom(world, last);
      const forged = link(
        {
          seq: original!.seq,
          when: original!.at,
          what: original!.what,
          who: 'someone-else',
          subjectType: original!.subject_type,
          subjectId: original!.subject_id,
          correlationId: original!.correlation_id,
          details: original!.details,
        },
        original!.prev_hash,
        sha256Hex,
      );
      await putBack(world, [{ ...original!, who: forged.who, hash: forged.hash }]);
      expect(await world.ops.verifyAudit(as('auditor'))).toMatchObject({
        ok: false,
        entries: last - 1,
        broken: { seq: last, problem: 'altered' },
      });
      await removeFrom(world, last);
      await putBack(world, [original!]);
      expect(await world.ops.verifyAudit(as('auditor'))).toMatchObject({ ok: true, entries: last });
    });

    it('finds an entry added past the end its writer recorded', async () => {
      const [previous] = await world.store.kysely
        .withTables<ManifestTables>()
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', last)
        .execute();
      const added = link(
        {
          seq: last + 1,
          when: previous!.at + 1,
          what: 'manifest.approved',
          who: 'someone',
          subjectType: 'manifest',
          subjectId: 'M1',
          correlationId: 'x',
          details: '{}',
        },
        previous!.hash,
        sha256Hex,
      );
      await putBack(world, [
        {
          seq: added.seq,
          at: added.when,
          what: added.what,
          who: added.who,
          subject_type: added.subjectType,
          subject_id: added.subjectId,
          correlation_id: added.correlationId,
          details: added.details,
          prev_hash: added.prevHash,
          hash: added.hash,
        },
      ]);
      expect(await world.ops.verifyAudit(as('auditor'))).toMatchObject({
        ok: false,
        entries: last,
        broken: { seq: last + 1, problem: 'unrecorded' },
      });
      await removeFrom(world, last + 1);
      expect(await world.ops.verifyAudit(as('auditor'))).toMatchObject({ ok: true, entries: last });
    });

    it('finds nothing after an append that was rolled back', async () => {
      // On PostgreSQL a sequence would have moved on here; the recorded end rolls back with the entries.
      const store = operationsStore(world.store);
      await expect(
        store.transaction('operate', async (tx) => {
          await tx.audit([
            {
              when: world.now(),
              what: 'test.rolled_back',
              who: 'ada',
              subjectType: 'test',
              subjectId: 'T1',
              correlationId: 'rb',
              details: {},
            },
          ]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await world.ops.verifyAudit(as('auditor'))).toMatchObject({ ok: true, entries: last });
      expect(await auditChainProblems(world.store.kysely, dialect)).toEqual([]);
    });

    it('still finds the removal once later entries are appended: they follow a gap', async () => {
      await removeFrom(world, last);
      await world.ops.registerFlight(as('planner'), flight('FL2', 5));
      const verdict = await world.ops.verifyAudit(as('auditor'));
      expect(verdict).toMatchObject({
        ok: false,
        entries: last - 1,
        broken: { seq: last + 1, problem: 'missing_before' },
      });
      if (!verdict.ok) expect(verdict.broken.message).toContain('entries before it were removed');
    });
  });
}
