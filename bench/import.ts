/**
 * `npm run bench -- import [PEOPLE] [--sqlite-only | --postgres-only]`: the CSV import of
 * PEOPLE people (default 1,000,000) with six facts each, through the real command
 * (`repatria import --facts FILE`, the built code in dist/, in a child process of its own),
 * into a new SQLite file and into a throwaway PostgreSQL cluster started as the tests start
 * theirs (test/setup/pg-cluster.ts). Prints facts/s, people/s, CPU time and the child's peak
 * resident memory, which is what the targets are about: at least 200,000 facts/s into
 * SQLite and 100,000 into PostgreSQL, in at most 500 MB.
 *
 * The CSV (about 500 MB for a million people) is written once to the temp directory and
 * reused by later runs of the same size.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../src/store/open-store.js';
import { startCluster } from '../test/setup/pg-cluster.js';
import { FACTS_PER_PERSON, writeImportCsv } from '../test/factories/import-file.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/main/cli.js');

interface ChildFigures {
  readonly code: number;
  readonly ms: number;
  /** Peak resident set of the importing process (worker thread included), in KiB. */
  readonly maxRssKb: number;
  /** User and system CPU time, in microseconds. */
  readonly cpuUs: number;
}

/**
 * Runs `repatria ARGS` from dist/ in a child process and reads its own figures back. The
 * wrapper is a file (not `node -e`): worker threads inherit the process's node options.
 */
function runCli(dir: string, args: readonly string[], env: Readonly<Record<string, string>>): Promise<ChildFigures & { stderr: string; stdout: string }> {
  const script = [
    `const { main } = await import(${JSON.stringify(pathToFileURL(CLI).href)});`,
    'const started = performance.now();',
    'const code = await main(process.argv.slice(2));',
    'const usage = process.resourceUsage();',
    "process.stderr.write('\\nBENCH ' + JSON.stringify({ code, ms: performance.now() - started, maxRssKb: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime }) + '\\n');",
    'process.exitCode = code;',
  ].join('\n');
  const wrapper = join(dir, 'import-child.mjs');
  writeFileSync(wrapper, script);
  const child = spawn(process.execPath, [wrapper, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => {
      const line = /\nBENCH (\{.*\})\n/.exec(stderr);
      if (line === null) {
        reject(new Error(`the import child printed no figures:\n${stderr}`));
        return;
      }
      resolve({ ...(JSON.parse(line[1]!) as ChildFigures), stdout, stderr: stderr.replace(line[0], '\n') });
    });
  });
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

async function csvFile(people: number): Promise<string> {
  const file = join(tmpdir(), `repatria-bench-import-${people}.csv`);
  if (existsSync(file) && statSync(file).size > people * 100) {
    process.stdout.write(`reusing ${file}\n`);
    return file;
  }
  const started = performance.now();
  const { bytes } = await writeImportCsv(`${file}.partial`, people, 1);
  renameSync(`${file}.partial`, file);
  process.stdout.write(`wrote ${count(people * FACTS_PER_PERSON)} rows (${(bytes / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return file;
}

async function importInto(dir: string, label: string, file: string, people: number, target: { dbPath: string; databaseUrl?: string }): Promise<void> {
  const env: Record<string, string> = target.databaseUrl === undefined ? {} : { DATABASE_URL: target.databaseUrl };
  const figures = await runCli(dir, ['import', '--facts', file, '--db', target.dbPath, '--no-progress'], env);
  if (figures.code !== 0) throw new Error(`${label} import failed (${figures.code}):\n${figures.stderr}`);
  const store = await openStore({ dbPath: target.dbPath, databaseUrl: target.databaseUrl });
  let stored: number;
  try {
    stored = await store.countPeople();
  } finally {
    await store.close();
  }
  if (stored !== people) throw new Error(`${label}: ${stored} people stored, ${people} expected`);
  const facts = people * FACTS_PER_PERSON;
  const seconds = figures.ms / 1000;
  process.stdout.write(
    `${label.padEnd(10)} ${count(facts)} facts in ${seconds.toFixed(1)} s: ${count(facts / seconds)} facts/s, ${count(people / seconds)} people/s; ` +
      `CPU ${(figures.cpuUs / 1e6).toFixed(1)} s; peak RSS ${count(figures.maxRssKb / 1024)} MB\n`,
  );
  process.stdout.write(`           ${figures.stdout.trim()}\n`);
}

export async function run(args: readonly string[]): Promise<void> {
  const people = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  if (!existsSync(CLI)) throw new Error('dist/ is not built: run `npm run build` first');
  const file = await csvFile(people);
  const dir = mkdtempSync(join(tmpdir(), 'repatria-bench-import-'));
  try {
    if (!args.includes('--postgres-only')) await importInto(dir, 'SQLite', file, people, { dbPath: join(dir, 'bench.db') });
    if (!args.includes('--sqlite-only')) {
      // Settings for a bulk load: WAL room for a whole import between checkpoints.
      const cluster = await startCluster({ database: 'repatria_import_bench', settings: ['shared_buffers=512MB', 'max_wal_size=8GB', 'checkpoint_timeout=30min'] });
      try {
        process.stdout.write(`PostgreSQL ${cluster.version}, throwaway cluster (fsync off, as the tests run it)\n`);
        await importInto(dir, 'PostgreSQL', file, people, { dbPath: join(dir, 'unused.db'), databaseUrl: cluster.url });
      } finally {
        await cluster.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
