/**
 * Stores for the import tests, in both dialects: SQLite (a temp file each) and PostgreSQL (a
 * fresh schema each, in the database the global setup provides). `close()` drops them all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { StoreDialect } from '../../src/store/schema.js';
import { openStore, type OpenedStore } from '../../src/store/open-store.js';

export interface TestStores {
  readonly dir: string;
  /** A new, empty store of the dialect; `location` is its `--db` path or its `DATABASE_URL`. */
  open(dialect: StoreDialect, clock?: () => number): Promise<{ store: OpenedStore; location: { dbPath: string; databaseUrl?: string } }>;
  close(): Promise<void>;
}

/** The URL with every connection's search_path set to one schema. */
export function inSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export function testStores(name: string): TestStores {
  const dir = mkdtempSync(join(tmpdir(), `repatria-${name}-`));
  const databaseUrl = inject('databaseUrl');
  const admin = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const schemas: string[] = [];
  let opened = 0;
  return {
    dir,
    async open(dialect, clock) {
      opened += 1;
      if (dialect === 'sqlite') {
        const dbPath = join(dir, `store-${opened}.db`);
        return { store: await openStore({ dbPath, clock }), location: { dbPath } };
      }
      const schema = `${name.replace(/\W/g, '_')}_${process.pid}_${opened}`;
      await admin.query(`create schema ${schema}`);
      schemas.push(schema);
      const url = inSchema(databaseUrl, schema);
      return { store: await openStore({ databaseUrl: url, dbPath: '', clock }), location: { dbPath: join(dir, 'unused.db'), databaseUrl: url } };
    },
    async close() {
      for (const schema of schemas) await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const DIALECTS: readonly StoreDialect[] = ['sqlite', 'postgres'];
