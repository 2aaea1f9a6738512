/**
 * `repatria sweep`, `timeline`, `diff` and `status` on a 10,000-person demo store: the
 * machine formats have exactly the shapes the issue gives, and the demo shows what
 * happened to Venezuelan TPS holders in 2025.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKER_CODES } from '../../src/domain/blockers.js';
import { parseInstant } from '../../src/domain/dates.js';
import { openStore } from '../../src/store/open-store.js';
import { cli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'repatria-sweep-cli-'));
const db = join(tmp, 'demo.db');
const NOW = parseInstant('2025-11-28T12:00:00Z')!;
const run = (...argv: string[]): ReturnType<typeof cli> => cli([...argv, '--db', db], {}, NOW);

interface CountsJson {
  people: number;
  removable: number;
  blockers: Record<string, number>;
}

const codesRecord = expect.objectContaining(Object.fromEntries(BLOCKER_CODES.map((c) => [c, expect.any(Number)])));

beforeAll(async () => {
  const demo = await run('demo', '--people', '10000', '--seed', '1');
  expect(demo.status).toBe(0);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('repatria sweep', () => {
  it('prints counts as JSON: in all, by blocker and by destination country', async () => {
    const { status, stdout } = await run('sweep', '--on', '2025-06-01', '--known-at', '2025-06-01', '--format', 'json');
    expect(status).toBe(0);
    const out = JSON.parse(stdout) as CountsJson & { on: string; knownAt: string; byCountry: Record<string, CountsJson> };
    expect(Object.keys(out)).toEqual(['on', 'knownAt', 'people', 'removable', 'blockers', 'byCountry']);
    expect(out).toMatchObject({ on: '2025-06-01', knownAt: '2025-06-01T23:59:59.999Z', people: 10_000 });
    expect(Object.keys(out.blockers)).toEqual([...BLOCKER_CODES]);
    const countries = Object.values(out.byCountry);
    for (const c of countries) expect(c).toEqual({ people: expect.any(Number), removable: expect.any(Number), blockers: codesRecord });
    expect(countries.reduce((n, c) => n + c.people, 0)).toBe(out.people);
    expect(countries.reduce((n, c) => n + c.removable, 0)).toBe(out.removable);
    for (const code of BLOCKER_CODES) expect(countries.reduce((n, c) => n + c.blockers[code]!, 0)).toBe(out.blockers[code]);
    expect(Object.keys(out.byCountry).every((k) => /^([A-Z]{2}|\?\?)$/.test(k))).toBe(true);
  });

  it('prints one JSON line per person, and keeps to one destination with --country', async () => {
    const all = await run('sweep', '--on', '2025-06-01', '--format', 'jsonl');
    const lines = all.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; removable: boolean; blockers: string[] });
    expect(lines).toHaveLength(10_000);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['id', 'removable', 'blockers']);
      expect(line.removable).toBe(line.blockers.length === 0);
      expect(line.blockers).toEqual([...line.blockers].sort());
    }
    const summary = JSON.parse((await run('sweep', '--on', '2025-06-01', '--format', 'json', '--country', 'VE')).stdout) as CountsJson;
    const venezuelans = (await run('sweep', '--on', '2025-06-01', '--format', 'jsonl', '--country', 'VE')).stdout.trimEnd().split('\n');
    expect(venezuelans).toHaveLength(summary.people);
    expect(venezuelans.filter((l) => l.includes('"removable":true'))).toHaveLength(summary.removable);
  });

  it('prints CSV and a table', async () => {
    const csv = await run('sweep', '--on', '2025-06-01', '--format', 'csv');
    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    expect(header).toBe(['country', 'people', 'removable', ...BLOCKER_CODES].join(','));
    expect(rows.map((r) => r.split(',').length).every((n) => n === 3 + BLOCKER_CODES.length)).toBe(true);
    const table = await run('sweep', '--on', '2025-06-01');
    expect(table.stdout).toMatch(/^Removability on 2025-06-01 as known at 2025-11-28T12:00:00Z/);
    expect(table.stdout).toMatch(/\nALL +10,000 /);
  });

  it('keeps a snapshot beside the store, unless told not to', async () => {
    expect(existsSync(`${db}.sweep`)).toBe(true);
    const other = join(tmp, 'other.db');
    await cli(['demo', '--people', '10', '--db', other], {}, NOW);
    expect((await cli(['sweep', '--on', '2025-06-01', '--no-snapshot', '--db', other], {}, NOW)).status).toBe(0);
    expect(existsSync(`${other}.sweep`)).toBe(false);
  });

  it('refuses a bad format or country with a usage error', async () => {
    expect((await run('sweep', '--on', '2025-06-01', '--format', 'xml')).status).toBe(2);
    expect((await run('sweep', '--on', '2025-06-01', '--country', 'Venezuela')).status).toBe(2);
    expect((await run('sweep')).status).toBe(2);
  });
});

describe('repatria timeline', () => {
  it('prints one JSON element per day', async () => {
    const { status, stdout } = await run('timeline', '--from', '2025-01-01', '--to', '2025-01-31', '--format', 'json');
    expect(status).toBe(0);
    const days = JSON.parse(stdout) as (CountsJson & { date: string })[];
    expect(days).toHaveLength(31);
    expect(days[0]!.date).toBe('2025-01-01');
    expect(days[30]!.date).toBe('2025-01-31');
    for (const day of days) {
      expect(Object.keys(day)).toEqual(['date', 'people', 'removable', 'blockers']);
      expect(day.people).toBe(10_000);
      expect(Object.keys(day.blockers)).toEqual([...BLOCKER_CODES]);
    }
  });

  it('prints CSV by blocker and by country', async () => {
    const byBlocker = (await run('timeline', '--from', '2025-03-01', '--to', '2025-03-10')).stdout.trimEnd().split('\n');
    expect(byBlocker[0]).toBe(['date', 'people', 'removable', ...BLOCKER_CODES].join(','));
    expect(byBlocker).toHaveLength(11);
    const byCountry = (await run('timeline', '--from', '2025-03-01', '--to', '2025-03-10', '--by', 'country')).stdout.trimEnd().split('\n');
    expect(byCountry[0]).toBe(['date', 'country', 'people', 'removable', ...BLOCKER_CODES].join(','));
    expect((byCountry.length - 1) % 10).toBe(0);
  });

  it('shows the April and November 2025 drops in protected Venezuelans', async () => {
    const { stdout } = await run('timeline', '--from', '2025-01-01', '--to', '2025-12-31', '--country', 'VE', '--format', 'json');
    const tps = new Map((JSON.parse(stdout) as (CountsJson & { date: string })[]).map((d) => [d.date, d.blockers.TPS_PROTECTED!]));
    // VE-2023 ends with 7 April 2025 (terminated; the stay of the postponement restored the end);
    // VE-2021 ends with 7 November 2025 (terminated by 90 FR 43225).
    expect(tps.get('2025-04-07')! - tps.get('2025-04-08')!).toBeGreaterThan(200);
    expect(tps.get('2025-11-07')! - tps.get('2025-11-08')!).toBeGreaterThan(50);
    expect(tps.get('2025-11-08')).toBe(0);
    const table = await run('timeline', '--from', '2025-01-01', '--to', '2025-12-31', '--country', 'VE', '--format', 'table');
    expect(table.stdout).toMatch(/\n2025-04-08 /);
    expect(table.stdout).toMatch(/\n2025-11-08 /);
  });

  it('splits the table by destination country with --by country, agreeing with the CSV', async () => {
    const args = ['timeline', '--from', '2025-04-01', '--to', '2025-04-30', '--by', 'country'];
    const table = await run(...args, '--format', 'table');
    expect(table.status).toBe(0);
    const lines = table.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('date'))!;
    expect(header).toMatch(/^date\s+country\s+people\s+removable/);
    // Venezuela's change on 8 April is its own row, with the CSV's counts for that day.
    const csv = await run(...args, '--format', 'csv');
    const ve = csv.stdout.split('\n').find((l) => l.startsWith('2025-04-08,VE,'))!.split(',');
    const row = lines.find((l) => /^2025-04-08\s+VE\s/.test(l))!.trim().split(/\s+/);
    expect(row.slice(2, 4).map((n) => n.replace(/,/g, ''))).toEqual([ve[2], ve[3]]);
    // Every country of the CSV has a first-day row.
    const countries = new Set(csv.stdout.split('\n').slice(1).filter((l) => l !== '').map((l) => l.split(',')[1]));
    for (const c of countries) expect(lines.some((l) => l.startsWith('2025-04-01 ') && l.trim().split(/\s+/)[1] === c), c).toBe(true);
  });
});

describe('repatria diff', () => {
  it('lists the VE-2023 holders who lost protection between 15 April and 1 June 2025, citing the Supreme Court stay', async () => {
    const { status, stdout } = await run('diff', '--on', '2025-06-01', '--known-at', '2025-04-15', '--versus', '2025-06-01', '--format', 'json');
    expect(status).toBe(0);
    const out = JSON.parse(stdout) as {
      changed: number;
      causes: { change: string; people: number; facts: { id: string; citation: string }[] }[];
      changes: { id: string; country: string; before: { blockers: string[] }; after: { blockers: string[] }; facts: string[] }[];
    };
    const stayed = out.changes.filter((c) => c.facts.includes('VE-2023/2025-05-19/court_order'));
    expect(stayed.length).toBeGreaterThan(200);
    const store = await openStore({ dbPath: db });
    try {
      for (const change of stayed) {
        expect(change.country).toBe('VE');
        expect(change.before.blockers).toContain('TPS_PROTECTED');
        expect(change.after.blockers).not.toContain('TPS_PROTECTED');
        const person = await store.getPerson(change.id);
        expect(person?.facts.some((f) => f.type === 'tps' && f.designation === 'VE-2023')).toBe(true);
      }
    } finally {
      await store.close();
    }
    const cause = out.causes.find((c) => c.facts.some((f) => f.id === 'VE-2023/2025-05-19/court_order'));
    expect(cause?.facts[0]?.citation).toMatch(/Noem v\. National TPS Alliance, No\. 24A1059/);
    const table = await run('diff', '--on', '2025-06-01', '--known-at', '2025-04-15', '--versus', '2025-06-01');
    expect(table.stdout).toContain('VE-2023/2025-05-19/court_order (Noem v. National TPS Alliance, No. 24A1059');
    expect(table.stdout).toMatch(/-TPS_PROTECTED/);
  });

  it('does not put a change down to programme facts alone when the person’s own facts changed too', async () => {
    const { stdout } = await run('diff', '--on', '2025-06-01', '--known-at', '2025-01-01', '--versus', '2025-06-01', '--format', 'json');
    const out = JSON.parse(stdout) as {
      causes: { change: string; people: number; facts: { id: string }[]; personFacts: boolean }[];
      changes: { id: string; facts: string[] }[];
    };
    const cited = new Set(out.causes.flatMap((c) => c.facts.map((f) => f.id)));
    const withOwnFacts = out.changes.filter((c) => c.facts.some((id) => !cited.has(id))).length;
    // Every person whose own facts changed is counted under a cause that says so.
    expect(withOwnFacts).toBeGreaterThan(0);
    expect(out.causes.filter((c) => c.personFacts).reduce((n, c) => n + c.people, 0)).toBe(withOwnFacts);
    // Among them, some whose programme facts changed as well: both are named.
    const both = out.causes.find((c) => c.personFacts && c.facts.length > 0);
    expect(both).toBeDefined();
    const table = await run('diff', '--on', '2025-06-01', '--known-at', '2025-01-01', '--versus', '2025-06-01');
    expect(table.stdout).toContain(`${both!.facts.at(-1)!.id} (`);
    expect(table.stdout).toMatch(/\); person facts recorded or retracted in between/);
  });

  it('prints one JSON line per changed person', async () => {
    const { stdout } = await run('diff', '--on', '2025-06-01', '--known-at', '2025-04-15', '--versus', '2025-06-01', '--format', 'jsonl');
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const line of lines) expect(Object.keys(line)).toEqual(['id', 'country', 'before', 'after', 'facts']);
  });
});

describe('repatria status', () => {
  it('prints the per-country table from the sweep, with a column of people returned', async () => {
    const { status, stdout } = await run('status', '--on', '2025-06-01', '--known-at', '2025-06-01');
    expect(status).toBe(0);
    const sweep = await run('sweep', '--on', '2025-06-01', '--known-at', '2025-06-01');
    // No manifest has departed in the demo: the same table, and a returned column of zeros.
    const withoutReturned = (line: string): string => line.replace(/^(\S+\s+[\d,]+\s+)0\s+/, '$1');
    const lines = stdout.split('\n');
    expect(lines.find((l) => l.startsWith('country'))).toMatch(/^country\s+people\s+returned\s+removable\s/);
    const rows = lines.filter((l) => /^([A-Z]{2}|\?\?|ALL)\s/.test(l));
    expect(rows.length).toBeGreaterThan(10);
    const sweepRows = sweep.stdout.split('\n').filter((l) => /^([A-Z]{2}|\?\?|ALL)\s/.test(l));
    expect(rows.map((l) => withoutReturned(l).split(/\s+/))).toEqual(sweepRows.map((l) => l.split(/\s+/)));
  });
});
