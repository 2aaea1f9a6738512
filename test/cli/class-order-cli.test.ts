/**
 * `repatria order class-order`: an order with no criterion covers everyone (spec:
 * facts-and-decisions.md, class_order), so the command records one only when told so with
 * `--everyone`; and a facility criterion must name a registered facility once the store
 * has any. Every refusal exits 2, names the field, and stores nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClassOrderFact } from '../../src/domain/facts.js';
import { openStore } from '../../src/store/open-store.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'repatria-class-order-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.parse('2025-05-01T09:00:00Z');
const as = (db: string, role: string, args: readonly string[]) =>
  cli([...args, '--as', 'lg', '--role', role, '--db', db], {}, NOW);
const order = (db: string, id: string, ...args: string[]) =>
  as(db, 'legal', [
    'order',
    'class-order',
    '--id',
    id,
    '--from',
    '2025-06-01',
    '--citation',
    'Test v. X',
    ...args,
  ]);

/** A new empty store: the order commands record into a store that exists. */
async function freshStore(name: string): Promise<string> {
  const db = join(dir, name);
  await (await openStore({ dbPath: db })).close();
  return db;
}

async function classOrders(db: string): Promise<ClassOrderFact[]> {
  const store = await openStore({ dbPath: db });
  try {
    return (await store.programFacts()).filter((f): f is ClassOrderFact => f.type === 'class_order');
  } finally {
    await store.close();
  }
}

describe('repatria order class-order', () => {
  it('refuses an order with no criterion unless --everyone says it covers everyone, and then stores criteria {}', async () => {
    const db = await freshStore('everyone.db');
    const none = await order(db, 'co-none');
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(
      'error: invalid input\nfact "co-none": field "criteria": has no criterion: give --nationality or --facility, or --everyone if the order covers everyone\n',
    );
    expect(await classOrders(db)).toEqual([]);

    const both = await order(db, 'co-both', '--everyone', '--nationality', 'XA');
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('fact "co-both": field "criteria": is given with --everyone');
    expect(await classOrders(db)).toEqual([]);

    const everyone = await order(db, 'co-all', '--everyone');
    expect(everyone.stderr).toBe('');
    expect(everyone.status).toBe(0);
    expect((await classOrders(db)).map((f) => [f.id, f.criteria])).toEqual([['co-all', {}]]);
  });

  it('refuses a facility the store does not know, once it knows any, naming the criterion', async () => {
    const db = await freshStore('facilities.db');
    // No facility registered yet: nothing to check the code against.
    expect((await order(db, 'co-early', '--facility', 'PORT_ISABEL')).status).toBe(0);
    expect(
      (
        await as(db, 'planner', [
          'facility',
          'add',
          '--id',
          'KROME',
          '--name',
          'Krome, Miami, FL',
          '--airport',
          'MIA',
        ])
      ).status,
    ).toBe(0);

    const unknown = await order(db, 'co-bad', '--facility', 'NOSUCH,KROME');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'error: invalid input\nfact "co-bad": field "criteria.facility.0": unknown facility "NOSUCH": no facility of that id is registered\n',
    );
    const known = await order(db, 'co-krome', '--facility', 'KROME', '--nationality', 'XA');
    expect(known.stderr).toBe('');
    expect(known.status).toBe(0);
    expect((await classOrders(db)).map((f) => f.id)).toEqual(['co-early', 'co-krome']);
  });
});
