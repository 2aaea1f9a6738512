/**
 * A real PostgreSQL restart under load, on a throwaway cluster of this test's own (the
 * shared one the other test files use is never restarted): an import in batches and a run of
 * manifest approvals go on while the server is stopped and started with `pg_ctl`, once with
 * `-m fast` (sessions ended, a checkpoint) and once with `-m immediate` (aborted as in a
 * crash, recovered on start), each time left down for a while.
 *
 * - The import says the connection was lost, retries the batch, and ends with the content
 *   checksum of an uninterrupted import; the store verifies.
 * - An approval caught by the restart fails with an error that says the connection to
 *   PostgreSQL was lost; nothing of it is half-written; run again once the server is back, it
 *   goes through (or is found already done, when its commit reached the server). The same
 *   services, on the same pool, carry on after the restart without being reopened. The
 *   manifests and the audit log end as an uninterrupted run leaves them, and the chain verifies.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefusedError, type Operations } from '../../src/application/operations.js';
import { CLI_ACTOR, seedReference } from '../../src/cli/reference-seed.js';
import { canonicalJson } from '../../src/domain/audit-chain.js';
import type { ManifestEvent } from '../../src/domain/manifest/manifest.js';
import { importFile, type ImportOptions } from '../../src/ingest/import-file.js';
import { storeChecksum } from '../../src/store/checksum.js';
import type { ManifestTables } from '../../src/store/manifest-tables.js';
import { openStore, type OpenedStore } from '../../src/store/open-store.js';
import { verifyStore } from '../../src/store/verify.js';
import { AFTER_THE_FILE, writeImportCsv } from '../factories/import-file.js';
import { inSchema, testStores } from '../ingest/stores.js';
import { as, flight, openWorld, readyPerson, removeTemp, type World } from '../manifests/world.js';
import { startCluster, type StartedCluster } from '../setup/pg-cluster.js';

const PEOPLE = 3_000;
const MANIFESTS = 60;

let cluster: StartedCluster;
const stores = testStores('pgrestart');
beforeAll(async () => {
  // Commits acknowledged only once in the WAL (which the shared test cluster skips for speed),
  // so that an immediate stop loses nothing a client was told was committed.
  cluster = await startCluster({ database: 'repatria_restart', settings: ['synchronous_commit=on'] });
});
afterAll(async () => {
  removeTemp();
  await stores.close();
  await cluster.stop();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let schemas = 0;
/** A new, empty store in a schema of its own on the throwaway cluster. */
async function clusterStore(): Promise<OpenedStore> {
  const schema = `restart_${++schemas}`;
  const admin = await openStore({ databaseUrl: cluster.url, dbPath: '' });
  try {
    await admin.kysely.schema.createSchema(schema).execute();
  } finally {
    await admin.close();
  }
  return openStore({ databaseUrl: inSchema(cluster.url, schema), dbPath: '' });
}

const importOptions = (file: string, extra: Partial<ImportOptions>): ImportOptions => ({
  file,
  format: 'csv',
  shape: 'facts',
  allOrNothing: false,
  batchFacts: 600,
  parallel: false,
  actor: CLI_ACTOR,
  clock: () => AFTER_THE_FILE,
  ...extra,
});

/** Manifests of two people each, on one flight with room for all, in review and cleared. */
async function manifestsInReview(world: World): Promise<string[]> {
  await world.ops.registerFlight(as('planner'), flight('FR1', 2 * MANIFESTS));
  const ids: string[] = [];
  for (let i = 0; i < MANIFESTS; i += 1) {
    const id = `FR1-M${String(i + 1).padStart(2, '0')}`;
    await world.ops.createManifest(as('planner'), { flightId: 'FR1', manifestId: id });
    await world.ops.command(as('planner'), id, { type: 'add', personIds: [`${id}-A`, `${id}-B`] });
    await world.ops.command(as('planner'), id, { type: 'submit' });
    await world.ops.command(as('legal'), id, { type: 'review', outcome: 'cleared' });
    ids.push(id);
  }
  return ids;
}

const people = Array.from({ length: MANIFESTS }, (_, i) => {
  const id = `FR1-M${String(i + 1).padStart(2, '0')}`;
  return [readyPerson(`${id}-A`), readyPerson(`${id}-B`)];
}).flat();

/**
 * Approves one manifest the way an operator would through a restart: on an error, waits and
 * runs the command again. Returns the errors met. A retried approval found already approved
 * is one whose commit reached the server before the connection went.
 */
async function approve(ops: Operations, id: string): Promise<string[]> {
  const errors: string[] = [];
  const started = Date.now();
  for (;;) {
    try {
      await ops.command(as('supervisor'), id, { type: 'approve' });
      return errors;
    } catch (error) {
      // No longer in review after a failed try: that try's commit reached the server (the
      // snapshot compared at the end shows it approved once, as an uninterrupted run does).
      if (error instanceof RefusedError && error.refusal.code === 'WRONG_STATE' && errors.length > 0) return errors;
      if (error instanceof RefusedError) throw error;
      errors.push(error instanceof Error ? error.message : String(error));
      if (Date.now() - started > 90_000) throw new Error(`approval of ${id} still failing after 90 s: ${errors.join(' | ')}`);
      await sleep(200);
    }
  }
}

/** What two runs of the same commands agree on: events and audit entries, leaving out instants and correlation ids. */
async function snapshot(world: World): Promise<{ events: Record<string, string[]>; audit: string[] }> {
  const events: Record<string, string[]> = {};
  for (const { manifest } of await world.ops.list(as('auditor'), {})) {
    const { events: list } = await world.ops.show(as('auditor'), manifest.id);
    // Without instants (canonicalJson leaves out what is undefined).
    events[manifest.id] = list.map((e: ManifestEvent) => canonicalJson({ ...e, at: undefined }));
  }
  const rows = await world.store.kysely.withTables<ManifestTables>().selectFrom('audit_log').select(['what', 'who', 'subject_id', 'details']).orderBy('seq').execute();
  return { events, audit: rows.map((r) => `${r.what} ${r.who} ${r.subject_id} ${r.details}`) };
}

describe('PostgreSQL restarted under load (pg_ctl stop -m fast / immediate, then start)', () => {
  it('the import retries and loses nothing; approvals fail clearly, are run again, and end as an uninterrupted run', async () => {
    const file = join(stores.dir, 'people.csv');
    await writeImportCsv(file, PEOPLE, 5);

    // The uninterrupted runs, on the same cluster before any restart.
    const reference = await clusterStore();
    await seedReference(reference);
    await importFile(reference, importOptions(file, {}));
    const expectedChecksum = await storeChecksum(reference.kysely);
    await reference.close();
    const straightWorld = await openWorld('postgres', cluster.url, people);
    for (const id of await manifestsInReview(straightWorld)) expect(await approve(straightWorld.ops, id)).toEqual([]);
    const expected = await snapshot(straightWorld);
    await straightWorld.close();

    const store = await clusterStore();
    await seedReference(store);
    const world = await openWorld('postgres', cluster.url, people);
    const manifests = await manifestsInReview(world);

    // Two restarts, one after the other, set off by the import's progress.
    let restarts: Promise<void> = Promise.resolve();
    let restartsStarted = 0;
    let restartsDone = 0;
    const restart = (mode: 'fast' | 'immediate'): void => {
      restartsStarted += 1;
      restarts = restarts.then(async () => {
        await cluster.restart({ mode, downMs: 1_500 });
        restartsDone += 1;
      });
    };
    const notices: string[] = [];
    let batches = 0;
    const importing = importFile(
      store,
      importOptions(file, {
        onNotice: (text) => notices.push(text),
        onProgress: () => {
          batches += 1;
          if (batches === 4) restart('fast');
          if (batches === 8) restart('immediate');
        },
      }),
    );

    // Approvals all along, on the same services throughout, until both restarts are over and a few more went through.
    const approvalErrors: string[] = [];
    const approving = (async () => {
      let afterRestarts = 0;
      for (const id of manifests) {
        if (restartsDone === 2 && (afterRestarts += 1) > 5) break;
        approvalErrors.push(...(await approve(world.ops, id)));
        await sleep(restartsStarted === 0 ? 20 : 100);
      }
    })();

    const summary = await importing;
    await restarts;
    await approving;
    // The same pool serves on after the restarts, without the store being reopened.
    expect((await world.ops.list(as('auditor'), {})).length).toBe(MANIFESTS);
    // What the loop left, once the server is back for good.
    for (const id of manifests) {
      const { manifest } = await world.ops.show(as('auditor'), id);
      if (manifest.state === 'in_review') expect(await approve(world.ops, id)).toEqual([]);
    }

    expect(restartsDone).toBe(2);
    expect(summary).toMatchObject({ people: PEOPLE, facts: PEOPLE * 6, rejectedRows: 0, committed: true });
    expect(notices.join('')).toMatch(/PostgreSQL connection lost \(.+\); retrying the batch in \d+ ms/);
    expect((await verifyStore(store.kysely, 'postgres', { deep: true })).findings).toEqual([]);
    expect((await storeChecksum(store.kysely)).content).toBe(expectedChecksum.content);

    expect(approvalErrors.length).toBeGreaterThan(0);
    // Each says what happened to the command: not stored, or (lost while committing) maybe stored.
    for (const message of approvalErrors) {
      expect(message).toMatch(
        /^(cannot reach PostgreSQL \(.+\); nothing was done|the connection to PostgreSQL was lost \(.+\); the command was not stored|the connection to PostgreSQL was lost while committing \(.+\): the command may or may not have been stored)/,
      );
    }
    expect((await verifyStore(world.store.kysely, 'postgres', { deep: true })).findings).toEqual([]);
    expect(await world.ops.verifyAudit(as('auditor'))).toMatchObject({ ok: true });
    expect(await snapshot(world)).toEqual(expected);

    process.stdout.write(
      `postgres restart: import of ${summary.facts} facts in ${summary.batches} batches, ${notices.length} retry notices (${notices.map((n) => n.trim()).join(' | ')}); ` +
        `${approvalErrors.length} approval errors (${[...new Set(approvalErrors)].join(' | ')})\n`,
    );
    await world.close();
    await store.close();
  }, 300_000);
});
