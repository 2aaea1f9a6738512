/** The simple import door and the status table, through the CLI on a real SQLite file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'repatria-cli-'));
const db = join(dir, 'store.db');

const person = (id: string, facts: unknown[]): string => JSON.stringify({ id, facts });
const nationality = (id: string, country: string) => ({ id, type: 'nationality', country, recordedAt: '2024-01-01T00:00:00Z' });
const order = (id: string) => ({ id, type: 'final_order', kind: 'removal', from: '2024-02-01', recordedAt: '2024-02-01T09:00:00Z' });

async function counts(): Promise<{ people: number; events: number }> {
  const store = await openStore({ dbPath: db });
  try {
    return { people: await store.countPeople(), events: (await store.events()).length };
  } finally {
    await store.close();
  }
}

describe('repatria import and status', () => {
  it('imports programme facts and people, then reports them per country', async () => {
    const program = join(dir, 'program.json');
    writeFileSync(
      program,
      JSON.stringify([
        { id: 'ag-xa', type: 'return_agreement', country: 'XA', from: '2020-01-01', requiresTravelDocument: false, transport: 'receiving', recordedAt: '2024-01-01T00:00:00Z' },
      ]),
    );
    expect((await cli(['import', '--program', program, '--db', db])).status).toBe(0);

    const people = join(dir, 'people.jsonl');
    writeFileSync(
      people,
      [
        person('P1', [nationality('P1-n', 'XA'), order('P1-o')]),
        '',
        person('P2', [nationality('P2-n', 'XA'), order('P2-o'), { id: 'P2-s', type: 'stay', from: '2024-03-01', recordedAt: '2024-03-01T00:00:00Z' }]),
        person('P3', [nationality('P3-n', 'VE'), order('P3-o'), { id: 'P3-t', type: 'tps', designation: 'VE-2023', from: '2023-11-01', recordedAt: '2023-11-01T00:00:00Z' }]),
      ].join('\n'),
    );
    const imported = await cli(['import', '--people', people, '--db', db]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('imported 3 people and 8 facts');

    const status = await cli(['status', '--on', '2024-06-01', '--known-at', '2024-12-31T00:00:00Z', '--db', db]);
    expect(status.status).toBe(0);
    const xa = status.stdout.split('\n').find((l) => l.startsWith('XA'))!.split(/\s+/);
    // country, people, returned, removable
    expect(xa.slice(0, 4)).toEqual(['XA', '2', '0', '1']);
    // Venezuela has no return agreement in this store, and the grant is under VE-2023, in effect in June 2024.
    expect(status.stdout).toMatch(/VE\s+1\s+0/);
    expect(status.stdout).toContain('TPS_PROTECTED');
  });

  it('refuses a file with a bad line, naming the line, and stores nothing of it', async () => {
    const before = await counts();
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      [person('P10', [nationality('P10-n', 'XA')]), person('P11', [nationality('P11-n', 'XA'), { id: 'P11-o', type: 'final_order', kind: 'removal', from: '2025-02-30', recordedAt: '2025-03-01T00:00:00Z' }])].join('\n'),
    );
    const r = await cli(['import', '--people', bad, '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('line 2, person "P11", fact "P11-o": field "from"');
    expect(await counts()).toEqual(before);
  });

  it('refuses a fact id that is already stored with other content, and stores nothing', async () => {
    const before = await counts();
    const clash = join(dir, 'clash.jsonl');
    writeFileSync(clash, [person('P20', [nationality('P20-n', 'XA')]), person('P21', [{ ...nationality('P1-n', 'XB') }])].join('\n'));
    const r = await cli(['import', '--people', clash, '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('P1-n');
    expect(await counts()).toEqual(before);
  });

  it('imports the same file twice without storing anything twice', async () => {
    const people = join(dir, 'people.jsonl');
    const again = await cli(['import', '--people', people, '--db', db]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('imported 0 people and 0 facts (8 facts already stored)');
  });

  it('fills a demo store and reports it', async () => {
    const demoDb = join(dir, 'demo.db');
    const demo = await cli(['demo', '--people', '3000', '--seed', '7', '--db', demoDb]);
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('demo: 3,000 people');
    const status = await cli(['status', '--on', '2025-04-20', '--known-at', '2025-06-01', '--db', demoDb]);
    const all = status.stdout.split('\n').find((l) => l.startsWith('ALL'))!.split(/\s+/);
    expect(all[1]).toBe('3,000');
    expect(all[2]).toBe('0');
    expect(Number(all[3]!.replace(/,/g, ''))).toBeGreaterThan(500);
    expect(status.stdout).toMatch(/^VE\s/m);
  });
});
