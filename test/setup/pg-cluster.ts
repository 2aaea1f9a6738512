/**
 * A throwaway PostgreSQL cluster from the Debian `postgresql` package (highest version under
 * /usr/lib/postgresql), on a free loopback port with its socket in a temp dir, trust auth
 * and no fsync; stopped and removed by `stop()` or when the process exits. `initdb` refuses
 * to run as root, so as root the cluster is created and run as the `postgres` user.
 *
 * Used by the tests' global setup (postgres.ts) and by the benchmarks that compare with
 * PostgreSQL (bench/sweep.ts).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

/** The bin directory of the highest PostgreSQL version installed. */
function postgresBin(): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error(
      `No PostgreSQL server found under ${PG_ROOT}. Install the Debian package \`postgresql\` ` +
        '(apt-get install postgresql) or set DATABASE_URL to a PostgreSQL database the tests may use.',
    );
  }
  return join(PG_ROOT, newest, 'bin');
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not read the port of a loopback listener'));
      });
    });
  });
}

interface Cluster {
  readonly dir: string;
  readonly dataDir: string;
  readonly bin: string;
  readonly asPostgres: boolean;
}

/** The command line, prefixed with `runuser -u postgres --` when running as root. */
function command(
  cluster: Pick<Cluster, 'bin' | 'asPostgres'>,
  tool: string,
  args: string[],
): [string, string[]] {
  const path = join(cluster.bin, tool);
  return cluster.asPostgres ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

async function runTool(cluster: Cluster, tool: string, args: string[]): Promise<void> {
  const [file, argv] = command(cluster, tool, args);
  // cwd: the postgres user may not be allowed into the caller's working directory.
  await run(file, argv, { cwd: cluster.dir });
}

function stopSync(cluster: Cluster): void {
  try {
    const [file, argv] = command(cluster, 'pg_ctl', ['-D', cluster.dataDir, '-m', 'immediate', '-w', 'stop']);
    execFileSync(file, argv, { cwd: cluster.dir, stdio: 'ignore' });
  } catch {
    // Already stopped.
  }
  rmSync(cluster.dir, { recursive: true, force: true });
}

export interface ClusterOptions {
  /** Database created in the cluster, whose URL is returned. */
  readonly database: string;
  /** Extra server settings, as `name=value`. */
  readonly settings?: readonly string[];
}

export interface StartedCluster {
  readonly url: string;
  /** The server's major version. */
  readonly version: number;
  /**
   * Stops the server (`pg_ctl stop -m MODE`: `fast` ends every session and checkpoints,
   * `immediate` aborts as a crash would, with recovery on start), leaves it down `downMs`, and
   * starts it again on the same port with the same settings.
   */
  readonly restart: (options: { readonly mode: 'fast' | 'immediate'; readonly downMs: number }) => Promise<void>;
  readonly stop: () => Promise<void>;
}

/** Starts a throwaway cluster of the highest PostgreSQL version installed. */
export async function startCluster(options: ClusterOptions): Promise<StartedCluster> {
  const bin = postgresBin();
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'repatria-pg-'));
  const cluster: Cluster = { dir, dataDir: join(dir, 'data'), bin, asPostgres };
  if (asPostgres) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  let stopped = false;
  const onExit = (): void => {
    if (!stopped) stopSync(cluster);
  };
  process.once('exit', onExit);

  const port = await freeLoopbackPort();
  const logFile = join(dir, 'postgres.log');
  const serverOptions = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    // A throwaway cluster: durability is not wanted, speed is.
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    ...(options.settings ?? []).map((s) => `-c ${s}`),
  ].join(' ');
  const start = (): Promise<void> =>
    runTool(cluster, 'pg_ctl', ['-D', cluster.dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
  try {
    await runTool(cluster, 'initdb', [
      '-D',
      cluster.dataDir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
    ]);
    await start();
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '(no server log)';
    stopped = true;
    process.off('exit', onExit);
    stopSync(cluster);
    throw new Error(`Could not start a PostgreSQL test cluster:\n${log}`, { cause: error });
  }

  const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  try {
    await admin.query(`create database ${options.database}`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgresql://postgres@127.0.0.1:${port}/${options.database}`,
    version: Number(bin.split('/').at(-2)),
    restart: async ({ mode, downMs }) => {
      await runTool(cluster, 'pg_ctl', ['-D', cluster.dataDir, '-m', mode, '-w', 'stop']);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.off('exit', onExit);
      try {
        await runTool(cluster, 'pg_ctl', ['-D', cluster.dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

