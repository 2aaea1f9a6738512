/**
 * Crash test: the real `repatria import` (bin/repatria.js, a child process) is killed with
 * SIGKILL at random moments, 50 times, and re-run each time, as an operator would after a
 * crash. After every kill the store must verify (every committed batch whole: its event and
 * exactly the rows its details count; every fact body valid), hold exactly a prefix of the
 * file (batches commit in file order, none skipped), and the import, finally run through,
 * must leave the same content checksum as one never interrupted.
 *
 * Sizes: REPATRIA_FAULT_PEOPLE people (default 10,000, six facts each), REPATRIA_FAULT_KILLS
 * kills (default 50), REPATRIA_FAULT_BATCH facts per batch (default 2,000). `npm test`
 * builds bin/repatria.js's code first.
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { Random } from '../../src/demo/random.js';
import { storeChecksum } from '../../src/store/checksum.js';
import { openStore } from '../../src/store/open-store.js';
import { verifyStore } from '../../src/store/verify.js';
import { FACTS_PER_PERSON, writeImportCsv } from '../factories/import-file.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/repatria.js');
const PEOPLE = Number(process.env.REPATRIA_FAULT_PEOPLE ?? 10_000);
const KILLS = Number(process.env.REPATRIA_FAULT_KILLS ?? 50);
const BATCH = Number(process.env.REPATRIA_FAULT_BATCH ?? 2_000);

const dir = mkdtempSync(join(tmpdir(), 'repatria-fault-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly ms: number;
  readonly stderr: string;
}

/** Runs the import; kills it with SIGKILL after `killAfterMs` if it is still running. */
function runImport(file: string, db: string, killAfterMs?: number): Promise<Run> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, 'import', '--facts', file, '--db', db, '--quarantine', `${db}.quarantine.csv`, '--batch-size', String(BATCH), '--no-progress'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      resolve({ status, signal, ms: Date.now() - started, stderr });
    });
  });
}

/** Fact ids of the file's rows, in order. */
async function fileFactIds(file: string): Promise<string[]> {
  const ids: string[] = [];
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    if (line !== '') ids.push(line.split(',')[1]!);
  }
  return ids;
}

/** Opens the store as a restarted process would, checks it whole, and returns how many facts it holds. */
async function check(db: string, fileIds: readonly string[]): Promise<number> {
  const store = await openStore({ dbPath: db });
  try {
    const report = await verifyStore(store.kysely, 'sqlite', { deep: true });
    expect(report.findings).toEqual([]);
    const stored = (await store.kysely.selectFrom('person_facts').select('id').orderBy('id').execute()).map((r) => r.id);
    // Batches commit in file order: what is stored is the file's first rows, no more, no gaps.
    expect(stored).toEqual(fileIds.slice(0, stored.length).slice().sort());
    return stored.length;
  } finally {
    await store.close();
  }
}

async function contentChecksum(db: string): Promise<string> {
  const store = await openStore({ dbPath: db });
  try {
    return (await storeChecksum(store.kysely)).content;
  } finally {
    await store.close();
  }
}

describe('import killed with SIGKILL', () => {
  it(`${KILLS} kills during an import of ${PEOPLE.toLocaleString('en-US')} people: every restart finds a whole store, and the resumed import ends as an uninterrupted one`, async () => {
    const file = join(dir, 'people.csv');
    await writeImportCsv(file, PEOPLE, 42);
    const ids = await fileFactIds(file);
    expect(ids).toHaveLength(PEOPLE * FACTS_PER_PERSON);

    // What a run costs before it writes anything (start, open, migrate, seed): an empty file's import.
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, `${readFileSync(file, 'utf8').split('\n', 1)[0]!}\n`);
    const startup = (await runImport(empty, join(dir, 'empty.db'))).ms;

    const reference = join(dir, 'reference.db');
    const straight = await runImport(file, reference);
    expect(straight.stderr).toBe('');
    expect(straight.status).toBe(0);
    expect(await check(reference, ids)).toBe(ids.length);
    const expected = await contentChecksum(reference);

    const random = new Random(8);
    const db = join(dir, 'killed.db');
    let killed = 0;
    let completed = 0;
    let progressAtKills = 0;
    const started = Date.now();
    let stored = 0;
    while (killed < KILLS) {
      // Anywhere from process start to a little past the time the rest of the import should take.
      const rest = (straight.ms - startup) * (1 - stored / ids.length);
      const run = await runImport(file, db, random.int(20, Math.round(startup + rest * 1.1)));
      if (run.signal === 'SIGKILL') {
        killed += 1;
        stored = await check(db, ids);
        if (stored > 0 && stored < ids.length) progressAtKills += 1;
        if (stored < ids.length) continue;
        // Killed after its last commit (while re-checking manifests or exiting): the store is
        // whole and must be exactly the straight import's; start again, so that later kills
        // land in the middle of writing, not on a finished store.
        expect(await contentChecksum(db)).toBe(expected);
        for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
        stored = 0;
        continue;
      }
      // It finished before the kill: it must have finished well, as the straight run did.
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(await check(db, ids)).toBe(ids.length);
      expect(await contentChecksum(db)).toBe(expected);
      completed += 1;
      // Start again from nothing, so that later kills land in the middle of writing too.
      for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
      stored = 0;
    }
    const last = await runImport(file, db);
    expect(last.stderr).toBe('');
    expect(last.status).toBe(0);
    expect(await check(db, ids)).toBe(ids.length);
    expect(await contentChecksum(db)).toBe(expected);

    // Enough kills must land mid-import for the test to mean something.
    expect(progressAtKills).toBeGreaterThanOrEqual(Math.min(10, KILLS / 3));
    process.stdout.write(
      `fault test: ${killed} SIGKILLs (${progressAtKills} with a partial store), ${completed} runs completed between kills, ` +
        `${ids.length.toLocaleString('en-US')} facts, straight import ${straight.ms} ms (start-up ${startup} ms), kill loop ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  }, 1_800_000);
});
