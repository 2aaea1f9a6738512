/**
 * The API's population engine runs on a thread of its own: it answers exactly as the
 * in-process engine does, and while it loads and sweeps, the server's own thread stays free
 * for other requests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { populationService } from '../../src/api/population.js';
import { populationThread } from '../../src/api/population-thread.js';
import { runDemo } from '../../src/cli/commands/demo.js';
import { parseDay, parseInstant } from '../../src/domain/dates.js';
import { openStore } from '../../src/store/open-store.js';

const tmp = mkdtempSync(join(tmpdir(), 'repatria-population-thread-'));
afterAll(() => { rmSync(tmp, { recursive: true, force: true }); });

const ON = parseDay('2025-06-01')!;
const KNOWN_AT = parseInstant('2025-11-28T00:00:00Z')!;
/** Two people returned by ON and one after: a sweep that counts them apart counts the two. */
const RETURNS = new Map([
  ['P0000001', { day: parseDay('2025-03-01')! }],
  ['P0000002', { day: parseDay('2025-06-01')! }],
  ['P0000003', { day: parseDay('2025-06-02')! }],
]);
const returnsAt = (): Promise<typeof RETURNS> => Promise.resolve(RETURNS);
const noReturns = (): Promise<Map<string, { day: number }>> => Promise.resolve(new Map<string, { day: number }>());

/** The share of the time this thread was busy while `work` ran. */
async function busyWhile<T>(work: () => Promise<T>): Promise<{ result: T; busy: number }> {
  const before = performance.eventLoopUtilization();
  const result = await work();
  return { result, busy: performance.eventLoopUtilization(before).utilization };
}

describe('population engine on its own thread', () => {
  it('answers as the in-process engine does, without keeping this thread busy', async () => {
    const dbPath = join(tmp, 'demo.db');
    const quiet = { out: () => undefined, err: () => undefined, now: Date.now };
    await runDemo({ people: '40000', seed: '3', store: { dbPath } }, quiet);
    const store = await openStore({ dbPath });
    const lastSeq = (): Promise<number> => store.lastSeq();
    const thread = populationThread({ dbPath }, lastSeq, returnsAt);
    try {
      const here = populationService({ dbPath }, lastSeq, returnsAt);
      const inProcess = await busyWhile(() => here.sweep(ON, KNOWN_AT));
      const onThread = await busyWhile(() => thread.sweep(ON, KNOWN_AT));
      expect(onThread.result).toEqual(inProcess.result);
      expect(onThread.result.total.people).toBe(40_000);
      expect(onThread.result.total.returned).toBe(0);
      // Counted apart, the two people returned by ON are neither removable nor blocked.
      const apart = await thread.sweep(ON, KNOWN_AT, undefined, true);
      expect(apart).toEqual(await here.sweep(ON, KNOWN_AT, undefined, true));
      expect(apart.total.returned).toBe(2);
      const settled = (a: typeof apart.total): number => a.removable + a.returned;
      expect(settled(apart.total)).toBeGreaterThanOrEqual(settled(onThread.result.total));
      expect(apart.total.people).toBe(40_000);
      // Loading 40,000 people and sweeping them keeps the thread that does it busy; the
      // server's thread only waits for the answer.
      expect(inProcess.busy).toBeGreaterThan(0.5);
      expect(onThread.busy).toBeLessThan(inProcess.busy / 2);

      const first = parseDay('2025-01-01')!;
      const last = parseDay('2025-12-31')!;
      expect(await thread.timeline(first, last, KNOWN_AT, 'country', 'VE')).toEqual(await here.timeline(first, last, KNOWN_AT, 'country', 'VE'));
    } finally {
      await thread.close();
      await store.close();
    }
  });

  it('passes a failure on with its message, and starts again for the next question', async () => {
    const thread = populationThread({ dbPath: join(tmp, 'missing.db') }, () => Promise.resolve(1), noReturns);
    try {
      await expect(thread.sweep(ON, KNOWN_AT)).rejects.toThrow(/missing\.db|unable to open|does not exist/);
      await expect(thread.sweep(ON, KNOWN_AT)).rejects.toThrow(/missing\.db|unable to open|does not exist/);
    } finally {
      await thread.close();
    }
  });
});
