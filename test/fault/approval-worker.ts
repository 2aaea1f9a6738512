/**
 * The child process of the approval crash test: runs the work of approval-plan.ts (court
 * orders, approvals, departure checks, departures) through the application services on the
 * SQLite store at argv[2], skipping every step the store shows already done. Prints `ready`
 * once the store is open (the test arms its kill timer then) and `done` at the end.
 *
 * The clock is REPATRIA_FAULT_START (the test's instant of reference) plus the wall-clock
 * time since REPATRIA_FAULT_WALL, so that it keeps moving forward across restarts.
 */
import { randomUUID } from 'node:crypto';
import { operations, RefusedError, type CommandResult, type Operations } from '../../src/application/operations.js';
import type { Instant } from '../../src/domain/dates.js';
import type { ManifestState } from '../../src/domain/manifest/manifest.js';
import { openStore, type OpenedStore } from '../../src/store/open-store.js';
import { operationsStore } from '../../src/store/operations-store.js';
import { LEGAL, LOADER, manifestId, OFFICER, plans, stay, SUPERVISOR } from './approval-plan.js';

const dbPath = process.argv[2];
const start = Number(process.env.REPATRIA_FAULT_START);
const wall = Number(process.env.REPATRIA_FAULT_WALL);
if (dbPath === undefined || !Number.isSafeInteger(start) || !Number.isSafeInteger(wall)) {
  throw new Error('usage: approval-worker.ts DB (with REPATRIA_FAULT_START and REPATRIA_FAULT_WALL set)');
}
const clock = (): Instant => start + (Date.now() - wall);

async function hasFact(store: OpenedStore, person: string, factId: string): Promise<boolean> {
  const found = await store.getPerson(person);
  return found?.facts.some((f) => f.id === factId) ?? false;
}

/** A court order through the application: recorded, and everyone on an open manifest re-decided. */
async function courtOrder(store: OpenedStore, ops: Operations, person: string): Promise<void> {
  const id = `order-${person}`;
  if (await hasFact(store, person, id)) return;
  await ops.recordPersonFacts(LEGAL, person, [stay(id, clock())]);
}

async function run(): Promise<void> {
  const store = await openStore({ dbPath: dbPath!, clock });
  const ops = operations({ store: operationsStore(store), clock, newId: randomUUID, config: { noticeDays: 7 } });
  process.stdout.write('ready\n');
  try {
    // Every manifest's state in one read, kept up to date from each command's result: a
    // restart skips the work already done without re-reading manifest by manifest.
    const states = new Map<string, ManifestState>((await ops.list(SUPERVISOR, {})).map(({ manifest }) => [manifest.id, manifest.state]));
    const apply = (result: CommandResult): void => {
      states.set(result.manifest.id, result.manifest.state);
    };
    for (const plan of plans()) {
      const id = manifestId(plan.flight, plan.manifest);
      if (plan.orderBeforeApproval !== undefined) await courtOrder(store, ops, plan.orderBeforeApproval);
      if (states.get(id) === 'in_review') {
        try {
          apply(await ops.command(SUPERVISOR, id, { type: 'approve' }));
        } catch (error) {
          // No seat left for it: refused, nothing written; the next manifest may still fit.
          if (error instanceof RefusedError && error.refusal.code === 'NO_SEATS') continue;
          throw error;
        }
      }
      if (plan.orderAfterApproval !== undefined) await courtOrder(store, ops, plan.orderAfterApproval);
      if (plan.lateStay !== undefined) {
        const factId = `late-${plan.lateStay}`;
        // Straight into the fact store, as a bulk load would: no manifest is re-decided until the departure check.
        if (!(await hasFact(store, plan.lateStay, factId))) await store.recordPersonFacts(plan.lateStay, [stay(factId, clock())], LOADER);
      }
      if (plan.board && states.get(id) === 'approved') apply(await ops.command(SUPERVISOR, id, { type: 'board' }));
      if (plan.depart && states.get(id) === 'boarding') apply(await ops.command(OFFICER, id, { type: 'depart', notBoarded: [] }));
    }
  } finally {
    await store.close();
  }
  process.stdout.write('done\n');
}

await run();
