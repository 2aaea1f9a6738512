/**
 * Crash test: the real `repatria import` (bin/repatria.js, a child process) is killed with
 * SIGKILL at random moments, 50 times, and re-run each time, as an operator would after a
 * crash. After every kill the store must verify (every committed batch whole: its event and
 * exactly the rows its details count; every fact body valid), hold exactly a prefix of the
 * file (batches commit in file order, none skipped), and the import, finally run through,
 * must leave the same content checksum as one never interrupted.
 *
 * An all-or-nothing import (one transaction, written with a rollback journal when the store
 * is not open elsewhere: ingest/sqlite-writer.ts) is killed the same way: after every kill
 * the store must be exactly as before the import, its journal rolled back and the file back
 * in WAL mode.
 *
 * Sizes: REPATRIA_FAULT_PEOPLE people (default 10,000, six facts each), REPATRIA_FAULT_KILLS
 * kills (default 50), REPATRIA_FAULT_AON_KILLS kills of the all-or-nothing import (default
 * 12), REPATRIA_FAULT_BATCH facts per batch (default 2,000). `npm test` builds
 * bin/repatria.js's code first.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
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
const ALL_OR_NOTHING_KILLS = Number(process.env.REPATRIA_FAULT_AON_KILLS ?? 12);

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

/**
 * Runs the import; kills it with SIGKILL after `killAfterMs` if it is still running. In
 * batches with a quarantine file, or all-or-nothing (no quarantine file).
 */
function runImport(file: string, db: string, killAfterMs?: number, mode: 'batches' | 'all-or-nothing' = 'batches'): Promise<Run> {
  const started = Date.now();
  const quarantine = mode === 'batches' ? ['--quarantine', `${db}.quarantine.csv`] : [];
  const child = spawn(process.execPath, [BIN, 'import', '--facts', file, '--db', db, ...quarantine, '--batch-size', String(BATCH), '--no-progress'], {
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

/** The journal mode the file is in, read by a connection of its own that changes nothing. */
function journalMode(db: string): unknown {
  const handle = new BetterSqlite3(db, { fileMustExist: true });
  try {
    return handle.pragma('journal_mode', { simple: true });
  } finally {
    handle.close();
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
  it(`${ALL_OR_NOTHING_KILLS} kills during an all-or-nothing import (rollback journal): every restart finds the store as it was before, in WAL mode, and a run through stores the file`, async () => {
    const file = join(dir, 'people-aon.csv');
    await writeImportCsv(file, PEOPLE, 43);
    const ids = await fileFactIds(file);
    const reference = join(dir, 'reference-aon.db');
    const straight = await runImport(file, reference, undefined, 'all-or-nothing');
    expect(straight.stderr).toBe('');
    expect(straight.status).toBe(0);
    expect(await check(reference, ids)).toBe(ids.length);
    const expected = await contentChecksum(reference);

    // The store before the import: what a run of a file without rows leaves (the reference
    // programme facts every import records first, committed before the file's rows).
    const header = join(dir, 'header-aon.csv');
    writeFileSync(header, `${readFileSync(file, 'utf8').split('\n', 1)[0]!}\n`);
    const db = join(dir, 'killed-aon.db');
    let startup = 0;
    const fresh = async (): Promise<void> => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(db + suffix, { force: true });
      const run = await runImport(header, db, undefined, 'all-or-nothing');
      expect(run.status).toBe(0);
      startup = run.ms;
    };
    await fresh();
    const before = await contentChecksum(db);
    const random = new Random(9);
    let killed = 0;
    let journalsLeft = 0;
    while (killed < ALL_OR_NOTHING_KILLS) {
      // Mostly while it writes. Its first page is written some way past the start-up of a run
      // without rows (open, migrate, seed), once the worker has read a first batch: kills
      // before that left no journal, 4 of 12 in one run from half the start-up on.
      const from = startup + 0.4 * (straight.ms - startup);
      const run = await runImport(file, db, random.int(Math.round(from), Math.round(straight.ms * 1.05)), 'all-or-nothing');
      if (run.signal !== 'SIGKILL') {
        expect(run.status).toBe(0);
        expect(await check(db, ids)).toBe(ids.length);
        await fresh();
        continue;
      }
      killed += 1;
      // A journal left by the kill: the import was writing with a rollback journal.
      if (existsSync(`${db}-journal`)) journalsLeft += 1;
      const stored = await check(db, ids);
      if (stored === ids.length) {
        // Killed after its commit: the whole file, as the straight run stored it.
        expect(await contentChecksum(db)).toBe(expected);
        await fresh();
        continue;
      }
      // Nothing of the file, and the store exactly as before; opening it rolled the journal back.
      expect(stored).toBe(0);
      expect(await contentChecksum(db)).toBe(before);
      expect(existsSync(`${db}-journal`)).toBe(false);
      expect(journalMode(db)).toBe('wal');
    }
    expect(journalsLeft).toBeGreaterThanOrEqual(Math.min(3, ALL_OR_NOTHING_KILLS / 3));
    const last = await runImport(file, db, undefined, 'all-or-nothing');
    expect(last.status).toBe(0);
    expect(await check(db, ids)).toBe(ids.length);
    expect(await contentChecksum(db)).toBe(expected);
    expect(journalMode(db)).toBe('wal');
    process.stdout.write(`all-or-nothing fault test: ${killed} SIGKILLs, ${journalsLeft} of them left a rollback journal, straight import ${straight.ms} ms\n`);
  }, 1_800_000);
});
