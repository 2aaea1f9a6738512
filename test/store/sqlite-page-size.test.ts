/**
 * A new SQLite store is made with 32 KiB pages (src/store/sqlite/dialect.ts); a file made
 * before, with SQLite's default 4 KiB, keeps its pages and its data when opened.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { PAGE_BYTES } from '../../src/store/sqlite/dialect.js';

const dirs: string[] = [];
const tempDb = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'repatria-page-'));
  dirs.push(dir);
  return join(dir, 'store.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const pageSize = (path: string): number => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
};

const actor = { id: 'officer-1', role: 'admin' as const };

describe('SQLite page size', () => {
  it('makes a new store with 32 KiB pages', async () => {
    const path = tempDb();
    const store = await openStore({ dbPath: path });
    await store.addPeople([{ id: 'P1', facts: [] }], actor);
    await store.close();
    expect(PAGE_BYTES).toBe(32_768);
    expect(pageSize(path)).toBe(PAGE_BYTES);
  });

  it('keeps the pages and the people of a file made with 4 KiB pages', async () => {
    const path = tempDb();
    const old = new BetterSqlite3(path);
    old.pragma('journal_mode = WAL');
    old.close();
    expect(pageSize(path)).toBe(4096);
    const store = await openStore({ dbPath: path });
    await store.addPeople([{ id: 'P1', facts: [] }], actor);
    await store.close();
    const again = await openStore({ dbPath: path });
    try {
      expect(await again.countPeople()).toBe(1);
    } finally {
      await again.close();
    }
    expect(pageSize(path)).toBe(4096);
  });
});
