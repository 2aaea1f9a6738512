/**
 * Backups of a store in use: flights, manifests, a court order and the audit chain besides the
 * facts. In both dialects the backup's manifest counts the manifests, their events and the
 * audit entries, its log checksum covers them, and a restore verifies the audit chain and
 * compares them. A restore whose audit chain does not verify is refused: on SQLite before the
 * target is touched (here, a backup whose file and manifest were both rewritten), on
 * PostgreSQL once pg_restore has run (here, a store whose chain was altered before the dump).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BackupManifest } from '../../src/store/backup.js';
import { cli } from '../helpers/cli.js';
import { inSchema, testStores } from '../ingest/stores.js';
import { as, flight, openWorld, readyPerson, removeTemp, type Dialect, type World } from '../manifests/world.js';
import { at } from '../store/fact-factory.js';
import { asBeforeMigration } from '../helpers/older-store.js';

const databaseUrl = inject('databaseUrl');
const stores = testStores('auditbackup');
const admin = new pg.Pool({ connectionString: databaseUrl, max: 1 });
const databases: string[] = [];
afterAll(async () => {
  for (const db of databases) await admin.query(`drop database if exists ${db}`);
  await admin.end();
  await stores.close();
  removeTemp();
});

/** Two manifests approved (one with a person struck by a court order), one in review: every table of the chain written. */
async function busyWorld(dialect: Dialect): Promise<World> {
  const people = Array.from({ length: 6 }, (_, i) => readyPerson(`AB-P${i + 1}`));
  const world = await openWorld(dialect, databaseUrl, people);
  await world.ops.registerFlight(as('planner'), flight('AB1', 10));
  for (const [n, ids] of [['AB1-M1', ['AB-P1', 'AB-P2']], ['AB1-M2', ['AB-P3', 'AB-P4']], ['AB1-M3', ['AB-P5', 'AB-P6']]] as const) {
    await world.ops.createManifest(as('planner'), { flightId: 'AB1', manifestId: n });
    await world.ops.command(as('planner'), n, { type: 'add', personIds: [...ids] });
    await world.ops.command(as('planner'), n, { type: 'submit' });
    await world.ops.command(as('legal'), n, { type: 'review', outcome: 'cleared' });
  }
  await world.ops.recordPersonFacts(as('legal'), 'AB-P2', [{ id: 'AB-stay', type: 'stay', from: 20_000, through: null, recordedAt: at('2025-06-01T00:00:00Z') }]);
  await world.ops.command(as('supervisor'), 'AB1-M1', { type: 'approve' });
  await world.ops.command(as('supervisor'), 'AB1-M2', { type: 'approve' });
  return world;
}

const envOf = (world: World): Record<string, string> => (world.dialect === 'postgres' ? { DATABASE_URL: world.location } : {});
const dbArgs = (world: World): string[] => (world.dialect === 'sqlite' ? ['--db', world.location] : []);

interface Checksum {
  readonly content: string;
  readonly log: string;
  readonly counts: Record<string, number>;
}

async function checksumOf(args: string[], env: Record<string, string>): Promise<Checksum> {
  const run = await cli(['checksum', '--json', ...args], env);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Checksum;
}

/** A new PostgreSQL database whose search_path is the backup's schema. */
async function emptyDatabase(schema: string): Promise<string> {
  const database = `auditrestore_${process.pid}_${databases.length + 1}`;
  await admin.query(`create database ${database}`);
  databases.push(database);
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return inSchema(url.toString(), schema);
}

describe('backup and restore of manifests and the audit chain', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`${dialect}: the manifest pins manifests and audit entries, and the restore verifies the chain`, async () => {
      const world = await busyWorld(dialect);
      try {
        const source = await checksumOf(dbArgs(world), envOf(world));
        // The flight, 3 manifests drafted, filled, submitted and cleared (16), the court order and its strike, 2 approvals.
        expect(source.counts).toMatchObject({ manifests: 3, auditEntries: 20 });

        const out = join(stores.dir, `${dialect}-busy.backup`);
        const backup = await cli(['backup', ...dbArgs(world), out], envOf(world));
        expect(backup.stderr).toBe('');
        expect(backup.status).toBe(0);
        const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as BackupManifest;
        expect(manifest.counts).toEqual(source.counts);
        expect(manifest.checksum).toEqual({ content: source.content, log: source.log });

        const target = dialect === 'sqlite' ? join(stores.dir, 'busy-restored.db') : await emptyDatabase(manifest.schema!);
        const targetArgs = dialect === 'sqlite' ? ['--db', target] : [];
        const targetEnv: Record<string, string> = dialect === 'sqlite' ? {} : { DATABASE_URL: target };
        const restored = await cli(['restore', ...targetArgs, out], targetEnv);
        expect(restored.stderr).toBe('');
        expect(restored.status).toBe(0);
        expect(restored.stdout).toContain("counts and checksums are the manifest's");
        expect(restored.stdout).toContain('audit chain verified');
        expect(await checksumOf(targetArgs, targetEnv)).toEqual(source);
        const verify = await cli(['audit', 'verify', '--as', 'auditor-1', '--role', 'auditor', ...targetArgs], targetEnv);
        expect(verify.status).toBe(0);
        expect(verify.stdout).toContain(`Audit chain intact: ${source.counts.auditEntries} entries`);
      } finally {
        await world.close();
      }
    });
  }

  it('sqlite: a backup whose audit entry was changed (and its manifest rewritten to match the file) is refused', async () => {
    const world = await busyWorld('sqlite');
    const out = join(stores.dir, 'tampered.backup');
    try {
      expect((await cli(['backup', '--db', world.location, out])).status).toBe(0);
    } finally {
      await world.close();
    }
    // Someone with the file and its manifest: changes an entry's details, then the file's hash.
    const file = new BetterSqlite3(out);
    file.prepare("update audit_log set details = replace(details, 'approved for departure', 'approved') where seq = (select max(seq) from audit_log)").run();
    file.close();
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as BackupManifest;
    const bytes = readFileSync(out);
    writeFileSync(`${out}.manifest.json`, JSON.stringify({ ...manifest, bytes: bytes.length, fileSha256: `sha256:${createHash('sha256').update(bytes).digest('hex')}` }));

    const target = join(stores.dir, 'never-restored.db');
    const restored = await cli(['restore', '--db', target, out]);
    expect(restored.status).toBe(1);
    expect(restored.stderr).toMatch(/the backup does not verify: audit chain: entry \d+ was changed after it was written/);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.restoring`)).toBe(false);
  });

  it('sqlite: a backup made before the chain\'s end was recorded (migration 0007) restores, and its end is recorded from its log', async () => {
    const world = await busyWorld('sqlite');
    const out = join(stores.dir, 'before-0007.backup');
    try {
      expect((await cli(['backup', '--db', world.location, out])).status).toBe(0);
    } finally {
      await world.close();
    }
    // The backup as an older version made it: no audit_heads (nor what later migrations made),
    // and no record of those migrations; its manifest describes the file (the checksums do not
    // cover audit_heads).
    const file = new BetterSqlite3(out);
    asBeforeMigration(file, '0007-audit-heads');
    file.exec('vacuum');
    file.close();
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as BackupManifest;
    const bytes = readFileSync(out);
    writeFileSync(`${out}.manifest.json`, JSON.stringify({ ...manifest, bytes: bytes.length, fileSha256: `sha256:${createHash('sha256').update(bytes).digest('hex')}` }));

    const target = join(stores.dir, 'restored-0007.db');
    const restored = await cli(['restore', '--db', target, out]);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const args = ['audit', 'verify', '--as', 'auditor-1', '--role', 'auditor', '--db', target];
    expect((await cli(args)).stdout).toContain('Audit chain intact: 20 entries');
    // From now on an entry removed from the end is found.
    const store = new BetterSqlite3(target);
    store.exec('delete from audit_log where seq = 20');
    store.close();
    const cut = await cli(args);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toContain('entry 20 is missing: the log was written up to entry 20 but ends at entry 19');
  });

  it('postgres: a store whose audit chain was altered restores, but the restore reports the broken chain and fails', async () => {
    const world = await busyWorld('postgres');
    const out = join(stores.dir, 'pg-tampered.backup');
    try {
      await sql`update audit_log set who = 'someone-else' where seq = 3`.execute(world.store.kysely);
      expect((await cli(['backup', out], envOf(world))).status).toBe(0);
    } finally {
      await world.close();
    }
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as BackupManifest;
    const target = await emptyDatabase(manifest.schema!);
    const restored = await cli(['restore', out], { DATABASE_URL: target });
    expect(restored.status).toBe(1);
    expect(restored.stderr).toContain('the restored store does not verify: audit chain: entry 3 was changed after it was written');
    expect(restored.stderr).toContain('what was restored has been removed again');
    // Nothing of the bad store is left for the next command to use: the schema the restore made is gone.
    const left = new pg.Client({ connectionString: target });
    await left.connect();
    try {
      const { rows } = await left.query<{ found: boolean }>('select exists (select 1 from pg_namespace where nspname = $1) as found', [manifest.schema!]);
      expect(rows[0]?.found).toBe(false);
    } finally {
      await left.end();
    }
  });
});
