/**
 * Done-when #4 and the concurrency rule: many supervisors approving, or planners filling, one
 * flight at the same instant never put more people on it than it has seats, and never put one
 * person on two manifests. PostgreSQL: one connection pool per actor (as separate processes
 * would have), every transaction started together; pg_stat_activity shows them open at once.
 * SQLite: the same in one process, and approvals from separate OS processes on one file.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { RefusedError, type Operations } from '../../src/application/operations.js';
import { seatsHeld } from '../../src/domain/manifest/manifest.js';
import { as, flight, openWorld, readyPerson, removeTemp, type Dialect, type World } from './world.js';

const databaseUrl = inject('databaseUrl');
afterAll(removeTemp);

const ids = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);

/** `manifests` manifests of `perManifest` people each, in review and cleared by legal. */
async function manifestsInReview(
  world: World,
  flightId: string,
  manifests: number,
  perManifest: number,
): Promise<string[]> {
  const { ops } = world;
  const people = ids(`${flightId}-P`, manifests * perManifest);
  await world.store.addPeople(
    people.map((id) => readyPerson(id)),
    { id: 'loader', role: 'admin' },
  );
  const out: string[] = [];
  for (let i = 0; i < manifests; i += 1) {
    const { manifest } = await ops.createManifest(as('planner'), {
      flightId,
      manifestId: `${flightId}-M${String(i + 1).padStart(2, '0')}`,
    });
    await ops.command(as('planner'), manifest.id, {
      type: 'add',
      personIds: people.slice(i * perManifest, (i + 1) * perManifest),
    });
    await ops.command(as('planner'), manifest.id, { type: 'submit' });
    await ops.command(as('legal'), manifest.id, { type: 'review', outcome: 'cleared' });
    out.push(manifest.id);
  }
  return out;
}

async function seatsTaken(ops: Operations, flightId: string): Promise<number> {
  return (await ops.list(as('auditor'), { flightId })).reduce(
    (sum, { manifest }) => sum + seatsHeld(manifest),
    0,
  );
}

/** Outcomes of commands run at once: how many went through, and the refusal codes of the rest. */
async function settle(attempts: readonly Promise<unknown>[]): Promise<{ ok: number; refused: string[] }> {
  const results = await Promise.allSettled(attempts);
  const refused = results.flatMap((r) => {
    if (r.status === 'fulfilled') return [];
    if (r.reason instanceof RefusedError) return [r.reason.refusal.code];
    throw r.reason;
  });
  return { ok: results.length - refused.length, refused };
}

/** Samples pg_stat_activity while `work` runs: the most transactions of these clients open, and waiting on a lock, at once. */
async function watchActivity<T>(
  applicationPrefix: string,
  work: () => Promise<T>,
): Promise<{ result: T; open: number; waiting: number }> {
  const watcher = new pg.Client({ connectionString: databaseUrl });
  await watcher.connect();
  const state = { running: true };
  let open = 0;
  let waiting = 0;
  const sample = (async () => {
    while (state.running) {
      const { rows } = await watcher.query<{ open: string; waiting: string }>(
        `select count(*) filter (where xact_start is not null) as open,
                count(*) filter (where xact_start is not null and wait_event_type = 'Lock') as waiting
           from pg_stat_activity where application_name like $1`,
        [`${applicationPrefix}%`],
      );
      open = Math.max(open, Number(rows[0]?.open ?? 0));
      waiting = Math.max(waiting, Number(rows[0]?.waiting ?? 0));
    }
  })();
  try {
    const result = await work();
    return { result, open, waiting };
  } finally {
    state.running = false;
    await sample;
    await watcher.end();
  }
}

describe('seats under concurrency (postgres)', () => {
  it('50 supervisors approving at once, each on their own connection, never exceed the seats', async () => {
    const world = await openWorld('postgres', databaseUrl);
    try {
      await world.ops.registerFlight(as('planner'), flight('FLP', 100));
      const manifests = await manifestsInReview(world, 'FLP', 50, 3);
      const prefix = `approver-${process.pid}-`;
      const approvers: Operations[] = [];
      for (let i = 0; i < 50; i += 1) {
        const connection = await world.connect(`${prefix}${i}`);
        await sql`select 1`.execute(connection.store.kysely); // the connection is open before the race starts
        approvers.push(connection.ops);
      }

      const { result, open, waiting } = await watchActivity(prefix, () =>
        settle(
          approvers.map((ops, i) =>
            ops.command(as('supervisor', `supervisor-${i}`), manifests[i]!, { type: 'approve' }),
          ),
        ),
      );

      // 100 seats, 3 people a manifest: 33 manifests fit, and exactly 33 were approved.
      expect(result.ok).toBe(33);
      expect(result.refused).toEqual(Array<string>(17).fill('NO_SEATS'));
      expect(await seatsTaken(world.ops, 'FLP')).toBe(99);
      // The transactions really ran side by side: many open at once, queued on the flight's row lock.
      expect(open).toBeGreaterThanOrEqual(25);
      expect(waiting).toBeGreaterThanOrEqual(10);
      expect(await world.ops.verifyAudit(as('auditor'))).toMatchObject({ ok: true });
    } finally {
      await world.close();
    }
  });

  it('planners filling one draft at once never exceed its seats, and never put one person on two manifests', async () => {
    const world = await openWorld('postgres', databaseUrl);
    try {
      const { ops } = world;
      await ops.registerFlight(as('planner'), flight('FLQ', 20));
      await ops.registerFlight(as('planner'), flight('FLR', 50));
      const people = ids('Q', 30);
      await world.store.addPeople(
        people.map((id) => readyPerson(id)),
        { id: 'loader', role: 'admin' },
      );
      await ops.createManifest(as('planner'), { flightId: 'FLQ', manifestId: 'MQ' });
      await ops.createManifest(as('planner'), { flightId: 'FLR', manifestId: 'MR' });
      const prefix = `planner-${process.pid}-`;
      const planners: Operations[] = [];
      for (let i = 0; i < 20; i += 1) planners.push((await world.connect(`${prefix}${i}`)).ops);

      // Ten planners add three people each to MQ (20 seats) while ten others add the same
      // thirty people to MR, in the same instant.
      const fills = planners.map((p, i) => {
        const batch = people.slice((i % 10) * 3, (i % 10) * 3 + 3);
        return p.command(as('planner', `planner-${i}`), i < 10 ? 'MQ' : 'MR', {
          type: 'add',
          personIds: batch,
        });
      });
      const { result, open } = await watchActivity(prefix, () => settle(fills));

      const mq = (await ops.show(as('auditor'), 'MQ')).manifest.people.map((p) => p.personId);
      const mr = (await ops.show(as('auditor'), 'MR')).manifest.people.map((p) => p.personId);
      expect(mq.length).toBeLessThanOrEqual(20);
      expect(mq.filter((id) => mr.includes(id))).toEqual([]);
      expect(new Set([...mq, ...mr]).size).toBe(mq.length + mr.length);
      expect(mq.length + mr.length).toBe(30);
      // Each batch went to exactly one manifest; the other attempt found it taken (or, for MQ, full).
      expect(result.ok).toBe(10);
      for (const code of result.refused) expect(['ON_OTHER_MANIFEST', 'NO_SEATS']).toContain(code);
      expect(open).toBeGreaterThanOrEqual(2);
    } finally {
      await world.close();
    }
  });
});

/** Runs the CLI in a separate node process (through tsx, so no build is needed). */
function cliProcess(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  const entry = join(import.meta.dirname, '../../src/main/cli.ts');
  const script =
    'const { main } = await import(process.argv[1]); process.exitCode = await main(process.argv.slice(2));';
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, entry, ...args],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DATABASE_URL: '' } },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stderr });
    });
  });
}

describe('seats under concurrency (sqlite)', () => {
  const dialect: Dialect = 'sqlite';

  it('50 approvals at once in one process never exceed the seats', async () => {
    const world = await openWorld(dialect, databaseUrl);
    try {
      await world.ops.registerFlight(as('planner'), flight('FLS', 100));
      const manifests = await manifestsInReview(world, 'FLS', 50, 3);
      const { ok, refused } = await settle(
        manifests.map((id, i) =>
          world.ops.command(as('supervisor', `supervisor-${i}`), id, { type: 'approve' }),
        ),
      );
      expect(ok).toBe(33);
      expect(refused).toEqual(Array<string>(17).fill('NO_SEATS'));
      expect(await seatsTaken(world.ops, 'FLS')).toBe(99);
    } finally {
      await world.close();
    }
  });

  it('approvals from 8 separate processes on one file never exceed the seats', async () => {
    const world = await openWorld(dialect, databaseUrl);
    try {
      await world.ops.registerFlight(as('planner'), flight('FLT', 12));
      const manifests = await manifestsInReview(world, 'FLT', 8, 3);
      const runs = await Promise.all(
        manifests.map((id, i) =>
          cliProcess([
            'manifest',
            'approve',
            id,
            '--as',
            `supervisor-${i}`,
            '--role',
            'supervisor',
            '--db',
            world.location,
          ]),
        ),
      );
      expect(runs.filter((r) => r.status === 0)).toHaveLength(4);
      const refused = runs.filter((r) => r.status !== 0);
      expect(refused).toHaveLength(4);
      for (const r of refused) {
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('Flight FLT has 12 seats');
      }
      expect(await seatsTaken(world.ops, 'FLT')).toBe(12);
    } finally {
      await world.close();
    }
  });
});
