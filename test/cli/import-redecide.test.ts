/**
 * The bulk import writes past the manifest service; a stay that arrives by `repatria import`
 * must still strike the person from an approved manifest, as one recorded by `repatria order`
 * does, and say so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { at } from '../store/fact-factory.js';
import { AGREEMENT, readyPerson } from '../manifests/world.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'repatria-import-redecide-'));
const db = join(dir, 'store.db');
const NOW = at('2025-06-20T09:00:00Z');

const run = (role: string, args: readonly string[]) => cli([...args, '--as', `${role}-1`, '--role', role, '--db', db], {}, NOW);

beforeAll(async () => {
  const store = await openStore({ dbPath: db });
  try {
    await store.recordProgramFacts([AGREEMENT], { id: 'loader', role: 'admin' });
    await store.addPeople([readyPerson('P1'), readyPerson('P2')], { id: 'loader', role: 'admin' });
  } finally {
    await store.close();
  }
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('repatria import and manifests not yet departed', () => {
  it('an imported stay strikes the person from an approved manifest', async () => {
    const flight = ['manifest', 'flight', '--id', 'FL1', '--date', '2025-07-01', '--origin', 'IAH', '--destination', 'XAA'];
    expect((await run('planner', [...flight, '--origin-country', 'US', '--destination-country', 'XA', '--seats', '5'])).status).toBe(0);
    expect((await run('planner', ['manifest', 'create', '--flight', 'FL1'])).status).toBe(0);
    expect((await run('planner', ['manifest', 'add', 'M-FL1-1', 'P1', 'P2'])).status).toBe(0);
    expect((await run('planner', ['manifest', 'submit', 'M-FL1-1'])).status).toBe(0);
    expect((await run('legal', ['manifest', 'review', 'M-FL1-1', '--clear'])).status).toBe(0);
    expect((await run('supervisor', ['manifest', 'approve', 'M-FL1-1'])).stdout).toContain('approved');

    const file = join(dir, 'stays.jsonl');
    writeFileSync(file, `${JSON.stringify({ personId: 'P2', id: 'P2-stay', type: 'stay', from: '2025-06-15', recordedAt: '2025-06-20T08:00:00Z' })}\n`);
    const imported = await cli(['import', '--facts', file, '--db', db], {}, NOW);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('struck P2 from manifest M-FL1-1: STAY_OF_REMOVAL');

    const shown = await run('supervisor', ['manifest', 'show', 'M-FL1-1']);
    expect(shown.stdout).toMatch(/^P1 +on board/m);
    expect(shown.stdout).toMatch(/^P2 +struck +STAY_OF_REMOVAL \(fact P2-stay\).*re-decided after importing stays.jsonl/m);

    // Importing the same file again stores nothing and strikes nobody twice.
    const again = await cli(['import', '--facts', file, '--db', db], {}, NOW);
    expect(again.stdout).toContain('0 facts');
    expect(again.stderr).not.toContain('struck');
  });
});
