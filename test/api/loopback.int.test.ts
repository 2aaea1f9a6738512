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
    const config = serverConfig({ port: '0', db: dbPath, demoUsers: true }, { REPATRIA_LOG_LEVEL: 'warn' });
    const running = await startServer(config, {
      logDestination: quiet,
      argon2Cost: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    });
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

      const officer = running.demoSignIns.find((s) => s.role === 'officer')!;
      const signIn = await fetch(`${running.url}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: officer.username, password: officer.password }),
      });
      expect(signIn.status).toBe(201);
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
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
      argon2Cost: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    });
    const auditor = running.demoSignIns.find((s) => s.role === 'auditor')!;
    const signIn = await fetch(`${running.url}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: auditor.username, password: auditor.password }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

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
