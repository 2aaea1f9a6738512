/**
 * `repatria backup` and `repatria restore`, on SQLite (online backup API) and PostgreSQL
 * (pg_dump / pg_restore): the restored store verifies and has the counts and checksums of the
 * manifest; a damaged backup and an occupied target are refused, leaving the target as it was.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CLI_ACTOR, seedReference } from '../../src/cli/reference-seed.js';
import { demoPeople, demoProgram } from '../../src/demo/population.js';
import type { BackupManifest } from '../../src/store/backup.js';
import { cli } from '../helpers/cli.js';
import { asBeforeMigration } from '../helpers/older-store.js';
import { inSchema, testStores } from '../ingest/stores.js';

const stores = testStores('backup');
const admin = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
const databases: string[] = [];
afterAll(async () => {
  for (const db of databases) await admin.query(`drop database if exists ${db}`);
  await admin.end();
  await stores.close();
});

async function filledStore(dialect: 'sqlite' | 'postgres'): Promise<{ dbPath: string; databaseUrl?: string }> {
  const { store, location } = await stores.open(dialect);
  await seedReference(store);
  await store.recordProgramFacts(demoProgram(), CLI_ACTOR);
  for (const batch of demoPeople({ people: 1_500, seed: 9 }, 500)) await store.addPeople(batch, CLI_ACTOR);
  await store.close();
  return location;
}

const envOf = (location: { databaseUrl?: string }): Record<string, string> => (location.databaseUrl === undefined ? {} : { DATABASE_URL: location.databaseUrl });

describe('backup and restore (sqlite)', () => {
  it('restores a store that verifies and matches its manifest, and refuses to overwrite one', async () => {
    const source = await filledStore('sqlite');
    const out = join(stores.dir, 'sqlite.backup');
    const backup = await cli(['backup', '--db', source.dbPath, out]);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as BackupManifest;
    expect(manifest).toMatchObject({ format: 'repatria-backup/1', dialect: 'sqlite', counts: { people: 1_500 } });
    const sourceChecksum = await cli(['checksum', '--json', '--db', source.dbPath]);
    expect(JSON.parse(sourceChecksum.stdout)).toMatchObject({ content: manifest.checksum.content, log: manifest.checksum.log });

    const target = join(stores.dir, 'restored.db');
    const restored = await cli(['restore', '--db', target, out]);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain("counts and checksums are the manifest's");
    expect(restored.stdout).toContain('verified:');
    expect(JSON.parse((await cli(['checksum', '--json', '--db', target])).stdout)).toEqual(JSON.parse(sourceChecksum.stdout));

    const again = await cli(['restore', '--db', target, out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds a store');
    expect((await cli(['backup', '--db', source.dbPath, out])).stderr).toContain('never overwrites');
  });

  it('restores a backup made before the narrow table of packed records (migration 0006), and fills it', async () => {
    const source = await filledStore('sqlite');
    const old = new BetterSqlite3(source.dbPath);
    // As such a store is: without what 0006 and every later migration made.
    asBeforeMigration(old, '0006-fact-packs');
    old.close();
    const out = join(stores.dir, 'before-0006.backup');
    expect((await cli(['backup', '--db', source.dbPath, out])).status).toBe(0);
    const target = join(stores.dir, 'restored-0006.db');
    const restored = await cli(['restore', '--db', target, out]);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const db = new BetterSqlite3(target, { readonly: true });
    try {
      expect(db.prepare('select count(*) from person_fact_packs').pluck().get()).toBe(db.prepare('select count(*) from person_facts').pluck().get());
    } finally {
      db.close();
    }
  });

  it('refuses a damaged backup and leaves the target untouched', async () => {
    const source = await filledStore('sqlite');
    const out = join(stores.dir, 'damaged.backup');
    expect((await cli(['backup', '--db', source.dbPath, out])).status).toBe(0);
    appendFileSync(out, 'x');
    const target = join(stores.dir, 'never.db');
    const restored = await cli(['restore', '--db', target, out]);
    expect(restored.status).toBe(1);
    expect(restored.stderr).toContain('SHA-256 differs');
    expect(existsSync(target)).toBe(false);
  });
});

describe('backup and restore (postgres)', () => {
  it('dumps one snapshot with its checksum and restores it into a new database', async () => {
    const source = await filledStore('postgres');
    const out = join(stores.dir, 'pg.backup');
    const backup = await cli(['backup', out], envOf(source));
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as BackupManifest;
    expect(manifest).toMatchObject({ dialect: 'postgres', counts: { people: 1_500 } });
    const sourceChecksum = JSON.parse((await cli(['checksum', '--json'], envOf(source))).stdout) as { content: string };
    expect(sourceChecksum.content).toBe(manifest.checksum.content);

    const database = `restore_${process.pid}`;
    await admin.query(`create database ${database}`);
    databases.push(database);
    const url = new URL(inject('databaseUrl'));
    url.pathname = `/${database}`;
    const targetUrl = inSchema(url.toString(), manifest.schema!);
    const restored = await cli(['restore', out], { DATABASE_URL: targetUrl });
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain("counts and checksums are the manifest's");
    expect(JSON.parse((await cli(['checksum', '--json'], { DATABASE_URL: targetUrl })).stdout)).toEqual(
      JSON.parse((await cli(['checksum', '--json'], envOf(source))).stdout),
    );

    const again = await cli(['restore', out], { DATABASE_URL: targetUrl });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds a store');
  });
});
