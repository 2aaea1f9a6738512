/**
 * The server as it runs: over a real loopback socket, started by the composition root and
 * by `repatria serve`, with accounts made by `repatria user add`, and shut down gracefully
 * (requests in flight are finished, then the port is closed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StatisticsService } from '../../src/api/services.js';
import { runServe } from '../../src/cli/commands/serve.js';
import { serverConfig, startServer } from '../../src/main/server.js';
import { cli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'repatria-loopback-'));
const dbPath = join(tmp, 'served.db');
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const quiet = { write: () => undefined };
const CHEAP_ARGON2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

type Running = Awaited<ReturnType<typeof startServer>>;

/** The store's server with its demo sign-ins, logging warnings only, to nowhere. */
const serveDemo = (): Promise<Running> =>
  startServer(serverConfig({ port: '0', db: dbPath, demoUsers: true }, { REPATRIA_LOG_LEVEL: 'warn' }), {
    logDestination: quiet,
    argon2Cost: CHEAP_ARGON2,
  });

/** Signs in over HTTP as the demo user of the role; the session cookie to send back. */
async function signIn(running: Running, role: string): Promise<string> {
  const user = running.demoSignIns.find((s) => s.role === role)!;
  const response = await fetch(`${running.url}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  expect(response.status).toBe(201);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe('over a loopback socket', () => {
  it('fills a store with `demo` and makes its first admin with `user add`', async () => {
    expect((await cli(['demo', '--people', '30', '--db', dbPath])).status).toBe(0);
    const added = await cli([
      'user',
      'add',
      '--username',
      'chief',
      '--role',
      'admin',
      '--name',
      'Chief Admin',
      '--db',
      dbPath,
    ]);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^user chief \(admin\) created/);
    expect(added.stdout).toMatch(/password \(shown once\): \S{20,}/);
    const again = await cli(['user', 'add', '--username', 'chief', '--role', 'admin', '--db', dbPath]);
    expect(again.status).toBe(2);
    expect((await cli(['user', 'add', '--username', 'x y', '--role', 'admin', '--db', dbPath])).status).toBe(
      2,
    );
    expect(
      (await cli(['user', 'add', '--username', 'someone', '--role', 'king', '--db', dbPath])).status,
    ).toBe(2);
    const listed = await cli(['user', 'list', '--db', dbPath]);
    expect(listed.stdout).toMatch(/chief\s+admin\s+Chief Admin/);
  });

  it('serves the API with demo sign-ins, sessions over HTTP and security headers', async () => {
    const running = await serveDemo();
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(running.demoSignIns.map((s) => s.role)).toEqual([
        'officer',
        'planner',
        'legal',
        'supervisor',
        'auditor',
        'admin',
      ]);
      const health = await fetch(`${running.url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', checks: { database: 'up' } });
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');

      const cookie = await signIn(running, 'officer');
      const person = await fetch(`${running.url}/people/P0000001`, { headers: { cookie } });
      expect(await person.json()).toMatchObject({ id: 'P0000001', profile: { masked: false } });
      const decision = await fetch(
        `${running.url}/people/P0000001/decision?on=2025-04-20&knownAt=2025-06-01`,
        { headers: { cookie } },
      );
      expect(decision.status).toBe(200);
      expect(await decision.json()).toMatchObject({
        personId: 'P0000001',
        knownAt: '2025-06-01T23:59:59.999Z',
      });
    } finally {
      await running.close();
    }
  });

  it('answers requests that arrive together each with its own answer', async () => {
    // The server reads, works on and answers the requests of one turn together: answers
    // must still go back on their own connections, to their own requests.
    const running = await serveDemo();
    try {
      const cookie = await signIn(running, 'officer');
      const ids = Array.from({ length: 30 }, (_, i) => `P${String(i + 1).padStart(7, '0')}`);
      const asked = [...ids, ...ids, 'P9999999'].map((id, i) =>
        fetch(`${running.url}/people/${id}/decision?on=2025-0${1 + (i % 9)}-20`, { headers: { cookie } }),
      );
      const answers = await Promise.all(asked);
      const bodies = (await Promise.all(answers.map((a) => a.json()))) as {
        personId?: string;
        on?: string;
      }[];
      bodies.slice(0, -1).forEach((body, i) => {
        expect(answers[i]!.status).toBe(200);
        expect(body).toMatchObject({ personId: ids[i % 30], on: `2025-0${1 + (i % 9)}-20` });
      });
      expect(answers.at(-1)!.status).toBe(404);
    } finally {
      await running.close();
    }
  });

  it('finishes requests in flight when it shuts down, then refuses connections', async () => {
    let release!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const slow: StatisticsService = {
      removability: async (on, knownAt) => {
        entered();
        await new Promise<void>((resolve) => (release = resolve));
        return { on, knownAt, countries: [], total: { people: 0, returned: 0, removable: 0, blockers: {} } };
      },
    };
    const config = serverConfig({ port: '0', db: dbPath, demoUsers: true }, {});
    const running = await startServer(config, {
      logDestination: quiet,
      statistics: slow,
      argon2Cost: CHEAP_ARGON2,
    });
    const cookie = await signIn(running, 'auditor');

    const inFlight = fetch(`${running.url}/statistics/removability`, { headers: { cookie } });
    await inside;
    let closed = false;
    const closing = running.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ total: { people: 0 } });
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${running.url}/health`)).rejects.toThrow();
  });

  it('runs as `repatria serve` until told to stop', async () => {
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let out = '';
    let err = '';
    const serving = runServe(
      { port: '0', db: dbPath },
      {
        io: { out: (t) => (out += t), err: (t) => (err += t), now: Date.now },
        env: { REPATRIA_LOG_LEVEL: 'silent' },
      },
      () => stopped,
    );
    while (!out.includes('Ready.')) await new Promise((resolve) => setTimeout(resolve, 20));
    const url = /listening on (http:\/\/\S+)/.exec(out)![1]!;
    expect((await fetch(`${url}/info`)).status).toBe(200);
    expect(out).not.toContain('Demo sign-ins');
    stop();
    await serving;
    expect(err).toContain('stopped');
    await expect(fetch(`${url}/info`)).rejects.toThrow();
  });

  it('refuses a bad setting with a usage error', async () => {
    const result = await cli(['serve', '--port', 'eighty', '--db', dbPath]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/must be a whole number/);
  });
});
