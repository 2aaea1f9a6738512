/**
 * Planning from the store (issue #4), on SQLite and on PostgreSQL: a demo store planned with
 * `repatria plan --from --to` gives the same plan as the exported instance file planned with
 * `repatria plan --instance`; every draft manifest saved holds exactly the plan's people of
 * its flight; the printed seats and weekly caps are right and never exceeded.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { operationsStore } from '../../src/store/operations-store.js';
import { openStore } from '../../src/store/open-store.js';
import { onBoardList } from '../../src/domain/manifest/manifest.js';
import { isoWeekStart, parseDay, formatDay } from '../../src/domain/dates.js';
import { DEMO_PLAN_FROM, DEMO_PLAN_TO } from '../../src/demo/network.js';
import { cli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'repatria-store-plan-'));
const databaseUrl = inject('databaseUrl');
const admin = new pg.Pool({ connectionString: databaseUrl, max: 1 });
const schemas: string[] = [];
const NOW = Date.parse('2026-01-05T12:00:00Z');
const KNOWN_AT = '2025-12-31T00:00:00Z';
const PEOPLE = '3000';

afterAll(async () => {
  for (const schema of schemas) await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
  rmSync(tmp, { recursive: true, force: true });
});

function inSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

interface Dialect {
  readonly name: string;
  /** The CLI's store options and environment for a fresh store. */
  readonly fresh: () => Promise<{ args: string[]; env: Record<string, string> }>;
}

let made = 0;
const DIALECTS: readonly Dialect[] = [
  {
    name: 'sqlite',
    fresh: () => Promise.resolve({ args: ['--db', join(tmp, `store-${++made}.db`)], env: {} }),
  },
  {
    name: 'postgres',
    fresh: async () => {
      const schema = `plan_${process.pid}_${++made}`;
      await admin.query(`create schema ${schema}`);
      schemas.push(schema);
      return { args: [], env: { DATABASE_URL: inSchema(databaseUrl, schema) } };
    },
  },
];

interface PlanFile {
  assignments: { person: string; flight: string }[];
  unassigned: { person: string; reasons: string[] }[];
  objective: number;
  bound: number;
}

interface StorePlanJson {
  objective: number;
  bound: number;
  objectiveOverBound: number;
  assigned: number;
  persons: number;
  saved: boolean;
  flights: { id: string; date: string; country: string; seats: number; seatsUsed: number; manifestId: string | null; suppliedBy: string }[];
  caps: { country: string; week: string; weekOf: string; cap: number | null; used: number }[];
}

for (const dialect of DIALECTS) {
  describe(`planning from the store (${dialect.name})`, () => {
    it('gives the plan of the exported instance, saves it as draft manifests, and keeps seats and caps', async () => {
      const { args, env } = await dialect.fresh();
      const run = (argv: readonly string[]) => cli([...argv, ...args], env, NOW);
      const demo = await run(['demo', '--people', PEOPLE, '--seed', '1']);
      expect(demo.status, demo.stderr).toBe(0);

      const window = ['--from', DEMO_PLAN_FROM, '--to', DEMO_PLAN_TO, '--known-at', KNOWN_AT];
      const instanceFile = join(tmp, `instance-${dialect.name}.json`);
      const exported = await run(['plan', 'export-instance', ...window, '--out', instanceFile]);
      expect(exported.stderr).toBe('');
      expect(exported.status).toBe(0);
      const instance = JSON.parse(readFileSync(instanceFile, 'utf8')) as {
        knownAt: string;
        flights: { id: string; date: string; destination: string }[];
        airports: { code: string; country: string }[];
        persons: unknown[];
      };
      expect(instance.knownAt).toBe('2025-12-31T00:00:00Z');
      expect(instance.flights.length).toBe(30);
      expect(instance.persons.length).toBeGreaterThan(100);

      const planned = await run(['plan', ...window, '--format', 'json']);
      expect(planned.stderr).toBe('');
      expect(planned.status).toBe(0);
      const fromStore = JSON.parse(planned.stdout) as StorePlanJson;
      expect(fromStore.saved).toBe(true);

      // The same plan from the file, planned and checked on its own.
      const planFile = join(tmp, `plan-${dialect.name}.json`);
      const fromFile = await cli(['plan', '--instance', instanceFile, '--out', planFile]);
      expect(fromFile.status, fromFile.stderr).toBe(0);
      const plan = JSON.parse(readFileSync(planFile, 'utf8')) as PlanFile;
      expect(fromStore.objective).toBe(plan.objective);
      expect(fromStore.bound).toBe(plan.bound);
      expect(fromStore.assigned).toBe(plan.assignments.length);
      expect(fromStore.assigned).toBeGreaterThan(0);
      expect(fromStore.objectiveOverBound).toBeGreaterThan(0.99);

      // Every draft manifest holds exactly the plan's people of its flight.
      const byFlight = new Map<string, string[]>();
      for (const a of plan.assignments) byFlight.set(a.flight, [...(byFlight.get(a.flight) ?? []), a.person]);
      const store = await openStore({ dbPath: args[1] ?? '', databaseUrl: env.DATABASE_URL });
      try {
        const manifests = await operationsStore(store).transaction('read', (tx) => tx.manifests({}));
        expect(manifests.map((m) => m.flightId).sort()).toEqual([...byFlight.keys()].sort());
        for (const m of manifests) {
          expect(m.state).toBe('draft');
          expect(m.owner).toBe('planner');
          expect(onBoardList(m).map((p) => p.personId).sort()).toEqual([...byFlight.get(m.flightId)!].sort());
          expect(fromStore.flights.find((f) => f.id === m.flightId)?.manifestId).toBe(m.id);
        }
      } finally {
        await store.close();
      }

      // Seats: as many used as assigned, never more than the flight has; some flight full.
      for (const f of fromStore.flights) {
        expect(f.seatsUsed).toBe(byFlight.get(f.id)?.length ?? 0);
        expect(f.seatsUsed).toBeLessThanOrEqual(f.seats);
      }
      expect(fromStore.flights.some((f) => f.suppliedBy === 'receiving')).toBe(true);
      // Caps: recounted from the plan per country and ISO week; never exceeded; some met.
      const countryOf = new Map(instance.airports.map((a) => [a.code, a.country]));
      const flightOf = new Map(instance.flights.map((f) => [f.id, f]));
      const weekCount = new Map<string, number>();
      for (const a of plan.assignments) {
        const f = flightOf.get(a.flight)!;
        const key = `${countryOf.get(f.destination)!} ${formatDay(isoWeekStart(parseDay(f.date)!))}`;
        weekCount.set(key, (weekCount.get(key) ?? 0) + 1);
      }
      expect(new Map(fromStore.caps.map((c) => [`${c.country} ${c.weekOf}`, c.used]))).toEqual(weekCount);
      for (const c of fromStore.caps) if (c.cap !== null) expect(c.used).toBeLessThanOrEqual(c.cap);
      expect(fromStore.caps.some((c) => c.cap !== null && c.used === c.cap)).toBe(true);

      // The flights are planned now: planning them again is refused, and nothing more is saved.
      const again = await run(['plan', ...window]);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/^error \(CONFLICT\): Flights of the window already have manifests: DM-/);
    });
  });
}

describe('repatria plan from the store, printed', () => {
  it('prints seats used/seats per flight and used/cap per country and ISO week', async () => {
    const db = join(tmp, 'printed.db');
    expect((await cli(['demo', '--people', '1500', '--seed', '2', '--db', db], {}, NOW)).status).toBe(0);
    const r = await cli(
      ['plan', '--from', DEMO_PLAN_FROM, '--to', DEMO_PLAN_TO, '--dry-run', '--db', db, '--as', 'pat', '--role', 'planner'],
      {},
      NOW,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/objective [\d,.]+, bound [\d,.]+, objective\/bound \d\.\d{4}/);
    expect(r.stdout).toContain('no manifest saved');
    expect(r.stdout).toMatch(/DM-20250604-ELP-CCS\s+2025-06-04\s+ELP-CCS\s+VE\s+receiving\s+\d+\/180\s+-/);
    const rows = [...r.stdout.matchAll(/^(DM-\S+)\s.*\s(\d+)\/(\d+)\s+-$/gm)];
    expect(rows).toHaveLength(30);
    for (const [, , used, seats] of rows) expect(Number(used)).toBeLessThanOrEqual(Number(seats));
    const caps = [...r.stdout.matchAll(/^([A-Z]{2})\s+(\d{4}-W\d{2})\s+\d{4}-\d{2}-\d{2}\s+(\d+)\/(\d+|none)$/gm)];
    expect(caps.length).toBeGreaterThan(0);
    for (const [, , , used, cap] of caps) if (cap !== 'none') expect(Number(used)).toBeLessThanOrEqual(Number(cap));
  });
});
