/**
 * `npm run bench -- api [--people N] [--duration S] [--rounds R] [--warmup S] [--connections C] [--db PATH] [--profile DIR]`: the HTTP
 * API under load on loopback, against a bare Fastify route measured in the same run.
 *
 * A demo population (100,000 people by default, with profiles) is written to a temp SQLite
 * file (or `--db` is used as it is); the API server and the bare Fastify server each run in a
 * child process; autocannon, in this process, drives one of them at a time, in rounds that
 * each measure the ceiling again (on a shared machine the load moves between measurements):
 * - the bare route (the ceiling: what Fastify alone does on this machine);
 * - the single-person decision, a random person each request, with an officer's API token;
 * - a person read, as a planner (masked) and as an officer (unmasked: each read also writes
 *   an access-log entry).
 * It prints, for the median round, requests per second, p50 and p99 latency, the server's CPU
 * time per request and the ratio to the ceiling, and checks the decision against the issue's
 * target (≥ 40% of the ceiling, p99 ≤ 20 ms).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { newToken } from '../src/api/auth/secrets.js';
import { runDemo } from '../src/cli/commands/demo.js';
import type { Role } from '../src/domain/access.js';
import { KyselyIdentityStore } from '../src/store/identity-store.js';
import { openStore } from '../src/store/open-store.js';

interface Options {
  people: number;
  duration: number;
  rounds: number;
  warmup: number;
  connections: number;
  db: string | undefined;
  /** Where the servers write V8 CPU profiles (`--cpu-prof`), to see where a request's time goes. */
  profile: string | undefined;
}

function options(args: readonly string[]): Options {
  const out: Options = {
    people: 100_000,
    // On a small shared machine the server's speed drifts by as much as a quarter from one
    // few seconds to the next, whatever it runs. Short rounds measure each ceiling close in
    // time to what it is compared with, and the median of many rounds is steadier than that
    // of a few long ones.
    duration: 2,
    rounds: 11,
    warmup: 10,
    connections: 10,
    db: undefined,
    profile: undefined,
  };
  for (let i = 0; i < args.length; i += 2) {
    const [name, value] = [args[i], args[i + 1]];
    if (value === undefined) throw new Error(`${name ?? ''} needs a value`);
    if (name === '--people') out.people = Number(value);
    else if (name === '--duration') out.duration = Number(value);
    else if (name === '--rounds') out.rounds = Number(value);
    else if (name === '--warmup') out.warmup = Number(value);
    else if (name === '--connections') out.connections = Number(value);
    else if (name === '--db') out.db = value;
    else if (name === '--profile') out.profile = value;
    else throw new Error(`unknown option ${name ?? ''}`);
  }
  return out;
}

interface Server {
  readonly url: string;
  readonly process: ChildProcess;
}

/** Starts a bench server script in a child process and waits for its URL. */
function child(script: string, args: readonly string[], profile: string | undefined): Promise<Server> {
  const proc = fork(join(import.meta.dirname, script), [...args], {
    execArgv: [
      '--import',
      'tsx',
      ...(profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`]),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, REPATRIA_LOG_LEVEL: 'info' },
  });
  return new Promise((resolve, reject) => {
    proc.once('message', (message: { url: string }) => {
      proc.removeAllListeners('exit');
      resolve({ url: message.url, process: proc });
    });
    proc.once('exit', (code) => {
      reject(new Error(`${script} exited with ${String(code)}`));
    });
  });
}

async function stop(proc: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.disconnect();
  await exited;
}

/** CPU time (user + system, µs) the server's process has used so far. */
function cpuOf(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.process.once('message', (message: { cpu: { user: number; system: number } }) => {
      resolve(message.cpu.user + message.cpu.system);
    });
    server.process.send('cpu');
  });
}

interface Measured {
  readonly name: string;
  /** The server's CPU time per request: its cost whatever else the machine is doing. */
  readonly cpuPerRequest: number;
  readonly perSecond: number;
  readonly p99: number;
  readonly p50: number;
  readonly non2xx: number;
  readonly errors: number;
}

async function load(
  name: string,
  server: Server,
  o: Options,
  headers: Record<string, string>,
  path: () => string,
  seconds = o.duration,
): Promise<Measured> {
  const cpuBefore = await cpuOf(server);
  const result = await autocannon({
    url: server.url,
    connections: o.connections,
    duration: seconds,
    headers,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) }],
  });
  const cpu = (await cpuOf(server)) - cpuBefore;
  return {
    name,
    cpuPerRequest: cpu / Math.max(1, result.requests.total),
    // Requests over the round's whole length: autocannon's average is of one-second samples,
    // and a round of two seconds has only two of them.
    perSecond: result.requests.total / Math.max(0.001, result.duration),
    p99: result.latency.p99,
    p50: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** An account of the role with a fresh API token, written straight to the store. */
async function tokens(db: string, roles: readonly Role[]): Promise<Record<string, string>> {
  const store = await openStore({ dbPath: db });
  try {
    const identity = new KyselyIdentityStore(store, Date.now);
    const out: Record<string, string> = {};
    for (const role of roles) {
      const user = await identity.createUser(
        {
          id: randomUUID(),
          username: `bench-${role}-${randomUUID().slice(0, 8)}`,
          displayName: 'bench',
          role,
          passwordHash: 'x',
        },
        { id: 'bench', role: 'admin' },
      );
      const { token, secretHash, prefix } = newToken(randomBytes);
      await identity.createToken(
        {
          id: randomUUID(),
          userId: user.id,
          name: 'bench',
          prefix,
          secretHash,
          expiresAt: Date.now() + 86_400_000,
        },
        { id: user.id, role },
      );
      out[role] = token;
    }
    return out;
  } finally {
    await store.close();
  }
}

export async function run(args: readonly string[]): Promise<void> {
  const o = options(args);
  const tmp = mkdtempSync(join(tmpdir(), 'repatria-bench-api-'));
  const db = o.db ?? join(tmp, 'bench.db');
  const say = (text: string): void => void process.stdout.write(text);
  try {
    if (o.db === undefined || !existsSync(db)) {
      say(`demo population: ${o.people.toLocaleString('en-US')} people… `);
      const quiet = { out: () => undefined, err: () => undefined, now: Date.now };
      const started = performance.now();
      await runDemo({ people: String(o.people), seed: '1', store: { dbPath: db } }, quiet);
      say(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
    const token = await tokens(db, ['officer', 'planner']);
    const person = (): string => `P${String(1 + Math.floor(Math.random() * o.people)).padStart(7, '0')}`;
    const decision = (): string => `/people/${person()}/decision?on=2025-04-20&knownAt=2025-06-01T00:00:00Z`;

    say(
      `autocannon: ${o.connections} connections, loopback, SQLite; ${o.warmup} s warm-up; ${o.rounds} rounds of ${o.duration} s per measurement, ` +
        'each round measuring the ceiling again, so that the ratio compares like with like on a busy machine\n\n',
    );
    const [bare, api] = await Promise.all([
      child('_api-bare.ts', [], o.profile),
      child('_api-server.ts', [db], o.profile),
    ]);
    const officer = { authorization: `Bearer ${token.officer!}` };
    const planner = { authorization: `Bearer ${token.planner!}` };
    const cases: readonly [string, Server, Record<string, string>, () => string][] = [
      ['bare Fastify route (ceiling)', bare, {}, () => '/bare'],
      ['GET /people/{id}/decision (officer token)', api, officer, decision],
      ['GET /people/{id} (planner: masked)', api, planner, () => `/people/${person()}`],
      ['GET /people/{id} (officer: unmasked, audited)', api, officer, () => `/people/${person()}`],
    ];
    const rounds: Measured[][] = [];
    try {
      // Long enough for V8 to finish optimising the hot code: a few seconds in, TurboFan is
      // still compiling on the server's other threads, and that CPU would be counted.
      await load('warm-up', bare, o, {}, () => '/bare', o.warmup);
      await load('warm-up', api, o, officer, decision, o.warmup);
      await load('warm-up', api, o, officer, () => `/people/${person()}`, o.warmup / 2);
      for (let round = 0; round < o.rounds; round++) {
        const measured: Measured[] = [];
        for (const [name, server, headers, path] of cases)
          measured.push(await load(name, server, o, headers, path));
        rounds.push(measured);
      }
    } finally {
      await Promise.all([stop(bare.process), stop(api.process)]);
    }

    // Per case, the round whose ratio to that round's ceiling is the median one.
    const median = <T>(items: readonly T[], by: (item: T) => number): T =>
      [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)]!;
    const width = Math.max(...cases.map(([name]) => name.length));
    const ratios: number[] = [];
    cases.forEach(([name], c) => {
      const chosen = median(rounds, (r) => r[c]!.perSecond / r[0]!.perSecond);
      const r = chosen[c]!;
      const ratio = r.perSecond / chosen[0]!.perSecond;
      ratios.push(ratio);
      const bad = r.non2xx + r.errors > 0 ? `   (${r.non2xx} non-2xx, ${r.errors} errors)` : '';
      say(
        `${name.padEnd(width)}  ${Math.round(r.perSecond).toLocaleString('en-US').padStart(7)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   ` +
          `server CPU ${Math.round(r.cpuPerRequest).toString().padStart(4)} µs/req${c === 0 ? '' : `   ${(ratio * 100).toFixed(0)}% of ceiling`}${bad}\n`,
      );
    });
    const decisionRound = median(rounds, (r) => r[1]!.perSecond / r[0]!.perSecond);
    const d = decisionRound[1]!;
    const ratio = ratios[1]!;
    say(
      `\nratio decision/bare: ${ratio.toFixed(2)} (target ≥ 0.40: ${ratio >= 0.4 ? 'met' : 'NOT met'}); ` +
        `decision p99 ${d.p99} ms (target ≤ 20 ms: ${d.p99 <= 20 ? 'met' : 'NOT met'}; ` +
        `worst round ${Math.max(...rounds.map((r) => r[1]!.p99))} ms)\n` +
        `server CPU per request, bare/decision: ${(decisionRound[0]!.cpuPerRequest / d.cpuPerRequest).toFixed(2)} ` +
        '(the ratio a CPU-bound server would reach, whatever else loads the machine)\n' +
        `every round, decision/bare: ${rounds
          .map(
            (r) =>
              `${(r[1]!.perSecond / r[0]!.perSecond).toFixed(2)} (${Math.round(r[1]!.perSecond)}/${Math.round(r[0]!.perSecond)})`,
          )
          .join(', ')}\n`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
