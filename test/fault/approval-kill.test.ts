/**
 * Crash test of the manifest work: a child process (approval-worker.ts) runs court orders,
 * approvals, departure checks and departures through the application services on a SQLite
 * store of many manifests, and is killed with SIGKILL at random moments, then run again, as
 * an operator would after a crash. After every kill:
 *
 * - the store verifies (verify.ts: facts whole, every fact event's rows) and so does the
 *   audit chain (`auditChainProblems` and the application's `verifyAudit`);
 * - every committed command is whole: each manifest event has its audit entry (same version,
 *   same correlation id) and each strike its owner's notification, each court order its fact
 *   and its audit entry, and nothing is there without the rest;
 * - each manifest's events run 1, 2, 3 … and every transition is one its state allows;
 * - no flight carries more people than it has seats;
 * - what is stored is a prefix of an uninterrupted run: the audit log, and each manifest's
 *   events, are the first entries of that run's, in order (commands commit in plan order).
 *
 * Finally the work is run through and the store must equal the uninterrupted run's (events,
 * audit entries and facts, leaving out instants and correlation ids), and `repatria audit
 * verify` (bin/repatria.js: `npm run build` first) must call the chain intact.
 *
 * Sizes: REPATRIA_FAULT_APPROVAL_KILLS kills (default 50, as the issue asks),
 * REPATRIA_FAULT_FLIGHTS flights of four manifests of six people (default 16).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, type Operations } from '../../src/application/operations.js';
import { canonicalJson } from '../../src/domain/audit-chain.js';
import { seatsHeld, type ManifestEvent, type ManifestEventKind, type ManifestState } from '../../src/domain/manifest/manifest.js';
import { Random } from '../../src/demo/random.js';
import type { ManifestTables } from '../../src/store/manifest-tables.js';
import { openStore, type OpenedStore } from '../../src/store/open-store.js';
import { operationsStore } from '../../src/store/operations-store.js';
import { auditChainProblems, verifyStore } from '../../src/store/verify.js';
import { START } from '../manifests/world.js';
import { AUDITOR, flights, seed } from './approval-plan.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/repatria.js');
/**
 * The worker, bundled into one ES module beside the project's node_modules (which it imports
 * packages from): through tsx it takes two to three seconds to start on a busy machine, as
 * one file under a second, and start-up is most of what each of the test's restarts costs.
 */
const BUNDLE_DIR = join(ROOT, '.tmp', `approval-worker-${process.pid}`);
const WORKER = join(BUNDLE_DIR, 'approval-worker.mjs');
const KILLS = Number(process.env.REPATRIA_FAULT_APPROVAL_KILLS ?? 50);
/** The instant the workers' clocks start from, and the wall-clock time it stands for. */
const WALL = Date.now();

const dir = mkdtempSync(join(tmpdir(), 'repatria-approval-fault-'));
beforeAll(async () => {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  await build({
    entryPoints: [join(import.meta.dirname, 'approval-worker.ts')],
    outfile: WORKER,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
});

interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  /** From `ready` (the store open) to the end. */
  readonly workMs: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the worker; kills it with SIGKILL `killAfterMs` after it says it is ready, if it is still running. */
function runWorker(db: string, killAfterMs?: number): Promise<Run> {
  const child = spawn(process.execPath, [WORKER, db], {
    cwd: ROOT,
    env: { ...process.env, REPATRIA_FAULT_START: String(START), REPATRIA_FAULT_WALL: String(WALL) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let ready: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (ready === undefined && stdout.includes('ready\n')) {
      ready = Date.now();
      if (killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      resolve({ status, signal, workMs: ready === undefined ? 0 : Date.now() - ready, stdout, stderr });
    });
  });
}

/** A fresh copy of the seeded store. */
function freshCopy(seeded: string, db: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  copyFileSync(seeded, db);
}

async function withOps<T>(db: string, work: (store: OpenedStore, ops: Operations) => Promise<T>): Promise<T> {
  let clock = START;
  const store = await openStore({ dbPath: db, clock: () => (clock += 1000) });
  try {
    const ops = operations({ store: operationsStore(store), clock: () => (clock += 1000), newId: () => `seed-${clock}`, config: { noticeDays: 7 } });
    return await work(store, ops);
  } finally {
    await store.close();
  }
}

/** The states each manifest event may follow (`created` only starts a manifest). */
const FOLLOWS: Readonly<Record<Exclude<ManifestEventKind, 'created'>, readonly ManifestState[]>> = {
  person_added: ['draft'],
  person_struck: ['draft', 'in_review', 'approved', 'boarding'],
  submitted: ['draft'],
  review_cleared: ['in_review'],
  review_returned: ['in_review'],
  approved: ['in_review'],
  boarding_started: ['approved'],
  departed: ['boarding'],
  arrived: ['departed'],
  arrival_confirmed: ['arrived', 'closed'],
  inbound_recorded: ['approved', 'boarding', 'departed', 'arrived'],
  closed: ['arrived'],
  cancelled: ['draft', 'in_review', 'approved', 'boarding'],
};

/** What two runs of the same work agree on: everything but instants and correlation ids. */
interface Snapshot {
  readonly audit: readonly string[];
  readonly manifests: ReadonlyMap<string, readonly string[]>;
  readonly facts: readonly string[];
}

/** An event as two runs agree on it: without its instant. */
const eventText = (e: ManifestEvent): string => canonicalJson({ ...e, at: undefined });

/** Opens the store as a restarted process would, checks everything the header lists, and returns what it holds. */
async function check(db: string): Promise<Snapshot> {
  return withOps(db, async (store, ops) => {
    const report = await verifyStore(store.kysely, 'sqlite', { deep: true });
    expect(report.findings).toEqual([]);
    expect(report.auditChain).toBe('verified');
    expect(await auditChainProblems(store.kysely, store.dialect)).toEqual([]);
    expect(await ops.verifyAudit(AUDITOR)).toMatchObject({ ok: true });

    const tables = store.kysely.withTables<ManifestTables>();
    const audit = await tables.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const outbox = await tables.selectFrom('outbox').selectAll().orderBy('seq').execute();

    // Each manifest: versions 1, 2, 3 …, every transition allowed, and its seats.
    const manifests = new Map<string, string[]>();
    const heldByFlight = new Map<string, number>();
    const manifestEvents = new Map<string, { readonly kind: string; readonly correlationId: string }>();
    for (const { manifest } of await ops.list(AUDITOR, {})) {
      const { events } = await ops.show(AUDITOR, manifest.id);
      expect(events[0]?.kind).toBe('created');
      let state: ManifestState = 'draft';
      for (const [i, e] of events.entries()) {
        if (i > 0) {
          expect(e.kind).not.toBe('created');
          if (e.kind !== 'created') expect(FOLLOWS[e.kind], `${manifest.id} version ${i + 1}: ${e.kind} after ${state}`).toContain(state);
        }
        if (e.kind === 'submitted') state = 'in_review';
        if (e.kind === 'review_returned') state = 'draft';
        if (e.kind === 'approved') state = 'approved';
        if (e.kind === 'boarding_started') state = 'boarding';
        if (e.kind === 'departed') state = 'departed';
      }
      expect(manifest.version).toBe(events.length);
      expect(manifest.state).toBe(state);
      manifests.set(manifest.id, events.map(eventText));
      heldByFlight.set(manifest.flightId, (heldByFlight.get(manifest.flightId) ?? 0) + seatsHeld(manifest));
    }
    const rows = await tables.selectFrom('manifest_events').select(['manifest_id', 'version', 'kind', 'correlation_id', 'person_id']).execute();
    for (const r of rows) manifestEvents.set(`${r.manifest_id}#${r.version}`, { kind: r.kind, correlationId: r.correlation_id });
    for (const [id, events] of manifests) {
      const versions = rows.filter((r) => r.manifest_id === id).map((r) => r.version).sort((a, b) => a - b);
      expect(versions, `versions of ${id}`).toEqual(events.map((_, i) => i + 1));
    }
    for (const f of flights()) expect(heldByFlight.get(f.id) ?? 0, `seats held on ${f.id}`).toBeLessThanOrEqual(f.seats);

    // Whole commands: a manifest event and its audit entry, a strike and its notification, a court order's fact and its entry.
    const audited = new Set<string>();
    const orderEntries = new Set<string>();
    for (const a of audit) {
      const details = JSON.parse(a.details) as { version?: number; factId?: string };
      if (a.subject_type === 'manifest') {
        const key = `${a.subject_id}#${details.version ?? 0}`;
        expect(manifestEvents.get(key), `audit entry ${a.seq} has no manifest event`).toEqual({ kind: a.what.replace(/^manifest\./, ''), correlationId: a.correlation_id });
        audited.add(key);
      }
      if (a.what === 'fact.recorded' && details.factId !== undefined) orderEntries.add(details.factId);
    }
    expect([...manifestEvents.keys()].filter((k) => !audited.has(k))).toEqual([]);
    const strikes = rows.filter((r) => r.kind === 'person_struck').map((r) => `${r.correlation_id} ${r.person_id ?? ''}`).sort();
    const notified = outbox.filter((o) => o.kind === 'person_struck').map((o) => `${o.correlation_id} ${(JSON.parse(o.body) as { personId: string }).personId}`).sort();
    expect(notified).toEqual(strikes);
    const orders = (await store.kysely.selectFrom('person_facts').select('id').where('id', 'like', 'order-%').execute()).map((r) => r.id).sort();
    expect([...orderEntries].sort()).toEqual(orders);

    const facts = (await store.kysely.selectFrom('person_facts').select(['id', 'person_id', 'type']).orderBy('id').execute()).map((f) => `${f.id} ${f.person_id} ${f.type}`);
    return {
      audit: audit.map((a) => [a.what, a.who, a.subject_type, a.subject_id, a.details].join(' ')),
      manifests,
      facts,
    };
  });
}

/** `stored` holds the first entries of `reference`: the commands of the plan, in order, and no others. */
function expectPrefix(stored: Snapshot, reference: Snapshot): void {
  expect(stored.audit).toEqual(reference.audit.slice(0, stored.audit.length));
  for (const [id, events] of stored.manifests) expect(events).toEqual(reference.manifests.get(id)?.slice(0, events.length));
  const known = new Set(reference.facts);
  expect(stored.facts.filter((f) => !known.has(f))).toEqual([]);
}

describe('manifest approvals killed with SIGKILL', () => {
  it(`${KILLS} kills during approvals, court orders and departure checks: every restart finds a whole store, and the resumed work ends as an uninterrupted run`, async () => {
    const seeded = join(dir, 'seeded.db');
    await withOps(seeded, (store, ops) => seed(store, ops, START));
    const seededAudit = (await check(seeded)).audit.length;

    const reference = join(dir, 'reference.db');
    freshCopy(seeded, reference);
    const straight = await runWorker(reference);
    expect(straight.stderr).toBe('');
    expect(straight.status).toBe(0);
    expect(straight.stdout).toContain('done');
    const expected = await check(reference);
    // Run again on the finished store: it finds everything done and changes nothing, and its
    // time is what a restart spends finding where the work stands before it writes again.
    const again = await runWorker(reference);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(await check(reference)).toEqual(expected);
    // The work did something of every kind: approvals and refusals, strikes of every cause, departures.
    const kinds = [...expected.manifests.values()].flat().join('\n');
    for (const cause of ['"approval_check"', '"fact_recorded"', '"departure_check"', '"departed"']) expect(kinds).toContain(cause);
    expect([...expected.manifests.values()].filter((events) => !events.some((e) => e.includes('"approved"'))).length).toBeGreaterThan(0);

    const random = new Random(11);
    const db = join(dir, 'killed.db');
    freshCopy(seeded, db);
    let killed = 0;
    let completed = 0;
    let progressAtKills = 0;
    let done = seededAudit;
    let checking = 0;
    let stretch = 1;
    /** Audit entries of work stored after each kill: how the kills spread over the work. */
    const progress: number[] = [];
    const started = Date.now();
    while (killed < KILLS) {
      // Anywhere from finding where the work stands to near the end of the rest of it, at the
      // pace of the uninterrupted run, stretched while kills land before anything new commits
      // (the pace of a machine shared with other work varies several-fold).
      const rest = straight.workMs * (1 - (done - seededAudit) / (expected.audit.length - seededAudit));
      const run = await runWorker(db, random.int(0, Math.round((again.workMs + rest * 0.9) * stretch)));
      if (run.signal === 'SIGKILL') {
        killed += 1;
        const checkStarted = Date.now();
        const stored = await check(db);
        checking += Date.now() - checkStarted;
        expectPrefix(stored, expected);
        if (stored.audit.length > done && stored.audit.length < expected.audit.length) progressAtKills += 1;
        stretch = stored.audit.length > done ? 1 : stretch * 1.5;
        done = stored.audit.length;
        progress.push(done - seededAudit);
        if (done === expected.audit.length) {
          // Killed once everything had committed: the work is done, so start it again.
          expect(stored).toEqual(expected);
          freshCopy(seeded, db);
          done = seededAudit;
        }
        continue;
      }
      // It finished before the kill: as the straight run did.
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(await check(db)).toEqual(expected);
      completed += 1;
      stretch = 1;
      // From the seeded store again, so that later kills land in the middle of the work too.
      freshCopy(seeded, db);
      done = seededAudit;
    }
    const last = await runWorker(db);
    expect(last.stderr).toBe('');
    expect(last.status).toBe(0);
    expect(await check(db)).toEqual(expected);

    // The real command on the result: the chain is intact.
    const verify = await new Promise<{ status: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'audit', 'verify', '--as', AUDITOR.id, '--role', AUDITOR.role, '--db', db], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('error', reject);
      child.on('close', (status) => {
        resolve({ status, stdout });
      });
    });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain(`Audit chain intact: ${expected.audit.length} entries`);

    process.stdout.write(
      `approval fault test: ${killed} SIGKILLs (${progressAtKills} after new commits, mid-work), ${completed} runs completed between kills, ` +
        `${expected.audit.length - seededAudit} audit entries of work (stored at each kill: ${progress.join(' ')}), straight run ${straight.workMs} ms (a run with nothing left to do ${again.workMs} ms), kill loop ${Math.round((Date.now() - started) / 1000)} s (checks ${Math.round(checking / 1000)} s)\n`,
    );
    // Enough kills must land mid-work, having committed something since the last, for the test to mean something.
    expect(progressAtKills).toBeGreaterThanOrEqual(Math.min(8, KILLS / 3));
  }, 600_000);
});

