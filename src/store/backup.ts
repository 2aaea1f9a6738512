/**
 * Backups and restores, with a manifest that a restore checks the restored store against.
 *
 * - SQLite: SQLite's online backup API (through better-sqlite3) copies the open store page by
 *   page while it stays in use; the copy is made a self-contained file (rollback journal,
 *   not WAL) and checked before it is put in place.
 * - PostgreSQL: `pg_dump` (custom format) of the store's schema, inside a repeatable-read
 *   transaction whose snapshot the dump shares, so that the manifest's checksum is the
 *   checksum of exactly what was dumped; `pg_restore` in one transaction.
 *
 * The manifest (`OUT.manifest.json`) holds the counts, the content and log checksums
 * (checksum.ts), the last event seq and the SHA-256 of the backup file. A restore checks the
 * file against it first, restores, then verifies the restored store (verify.ts) and checks
 * that its counts and checksums are the manifest's.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { RepatriaError } from '../domain/errors.js';
import { storeChecksum, type StoreChecksum, type StoreCounts } from './checksum.js';
import { openStore, type OpenedStore } from './open-store.js';
import type { Database, StoreDialect } from './schema.js';
import { verifyStore, type VerifyReport } from './verify.js';

const run = promisify(execFile);

export const BACKUP_FORMAT = 'repatria-backup/1';

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly dialect: StoreDialect;
  /** PostgreSQL: the schema dumped (a restore must target the same one). */
  readonly schema: string | null;
  readonly createdAt: string;
  readonly file: string;
  readonly bytes: number;
  readonly fileSha256: string;
  readonly lastSeq: number;
  readonly counts: StoreCounts;
  readonly checksum: { readonly content: string; readonly log: string };
}

export interface RestoreResult {
  readonly manifest: BackupManifest | undefined;
  readonly checksum: StoreChecksum;
  readonly verify: VerifyReport;
}

export const manifestPath = (backup: string): string => `${backup}.manifest.json`;

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

function lastSeqOf(rows: readonly { seq: number | string | null }[]): number {
  const seq = rows[0]?.seq;
  return seq === undefined || seq === null ? 0 : Number(seq);
}

async function writeManifest(out: string, fields: Omit<BackupManifest, 'format' | 'file' | 'bytes' | 'fileSha256'>): Promise<BackupManifest> {
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    ...fields,
    file: basename(out),
    bytes: statSync(out).size,
    fileSha256: await fileSha256(out),
  };
  writeFileSync(manifestPath(out), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function readManifest(backup: string): BackupManifest | undefined {
  const path = manifestPath(backup);
  if (!existsSync(path)) return undefined;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown };
  if (manifest.format !== BACKUP_FORMAT) throw new RepatriaError('INVALID_INPUT', `${path} is not a Repatria backup manifest (format ${JSON.stringify(manifest.format)})`);
  return manifest as BackupManifest;
}

/** Runs `work` over a SQLite file through Kysely, without migrating it. */
async function withSqliteFile<T>(path: string, readonly: boolean, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const database = new BetterSqlite3(path, { readonly, fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

async function lastSeq(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ seq: number | null }>`select max(seq) as seq from events`.execute(db);
  return lastSeqOf(rows);
}

// ------------------------------------------------------------------ SQLite

/** Backs up an open SQLite store to `out` (refusing to overwrite it) and writes its manifest. */
export async function backupSqlite(store: OpenedStore, out: string, now: () => number): Promise<BackupManifest> {
  if (store.native.dialect !== 'sqlite') throw new Error('backupSqlite needs a SQLite store');
  if (existsSync(out)) throw new RepatriaError('CONFLICT', `${out} exists; a backup never overwrites a file`);
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  try {
    await store.native.database.backup(partial);
    // One self-contained file: a copy in WAL mode would need its -wal and -shm beside it.
    const copy = new BetterSqlite3(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const fields = await withSqliteFile(partial, true, async (db) => {
      const report = await verifyStore(db, 'sqlite', { deep: false });
      if (!report.ok) throw new RepatriaError('INVALID_STATE', `the backup copy does not verify: ${report.findings.join('; ')}`);
      const checksum = await storeChecksum(db);
      return { lastSeq: await lastSeq(db), counts: checksum.counts, checksum: { content: checksum.content, log: checksum.log } };
    });
    renameSync(partial, out);
    return await writeManifest(out, { dialect: 'sqlite', schema: null, createdAt: new Date(now()).toISOString(), ...fields });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Whether a SQLite file already holds a store with anything in it. */
async function sqliteHoldsData(path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  return withSqliteFile(path, true, async (db) => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name in ('people', 'events')`.execute(db);
    if ((rows[0]?.n ?? 0) < 2) return false;
    const { rows: events } = await sql<{ n: number }>`select count(*) as n from events`.execute(db);
    return (events[0]?.n ?? 0) > 0;
  });
}

function checkAgainstManifest(manifest: BackupManifest | undefined, checksum: StoreChecksum, what: string): void {
  if (manifest === undefined) return;
  const problems: string[] = [];
  if (checksum.content !== manifest.checksum.content) problems.push('content checksum');
  if (checksum.log !== manifest.checksum.log) problems.push('log checksum');
  for (const key of Object.keys(manifest.counts) as (keyof StoreCounts)[]) {
    if (checksum.counts[key] !== manifest.counts[key]) problems.push(`${key} (${checksum.counts[key]}, manifest ${manifest.counts[key]})`);
  }
  if (problems.length > 0) throw new RepatriaError('INVALID_STATE', `${what} differs from its manifest: ${problems.join(', ')}`);
}

/**
 * Restores a SQLite backup to `dbPath`: checks the file against its manifest, copies it
 * beside the target, checks the copy, and only then puts it in place (a rename). Refuses a
 * target that already holds data unless `force`. Writers must be stopped first.
 */
export async function restoreSqlite(backup: string, dbPath: string, options: { readonly force: boolean }): Promise<RestoreResult> {
  if (!existsSync(backup)) throw new RepatriaError('NOT_FOUND', `no backup file ${backup}`);
  const manifest = readManifest(backup);
  if (manifest !== undefined) {
    if (manifest.dialect !== 'sqlite') throw new RepatriaError('INVALID_INPUT', `${backup} is a ${manifest.dialect} backup; restore it with DATABASE_URL set`);
    if ((await fileSha256(backup)) !== manifest.fileSha256) throw new RepatriaError('INVALID_STATE', `${backup} is not the file its manifest describes (its SHA-256 differs): it is damaged or was changed`);
  }
  if (!options.force && (await sqliteHoldsData(dbPath))) {
    throw new RepatriaError('CONFLICT', `${dbPath} already holds a store; restore into a new path, or give --force to replace it`);
  }
  const partial = `${dbPath}.restoring`;
  rmSync(partial, { force: true });
  try {
    const source = new BetterSqlite3(backup, { readonly: true, fileMustExist: true });
    try {
      await source.backup(partial);
    } finally {
      source.close();
    }
    const checked = await withSqliteFile(partial, false, async (db) => {
      const verify = await verifyStore(db, 'sqlite', { deep: true });
      return { verify, checksum: await storeChecksum(db) };
    });
    if (!checked.verify.ok) throw new RepatriaError('INVALID_STATE', `the backup does not verify: ${checked.verify.findings.join('; ')}`);
    checkAgainstManifest(manifest, checked.checksum, 'the restored copy');
    for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
    renameSync(partial, dbPath);
  } catch (error) {
    rmSync(partial, { force: true });
    // SQLite's own words ("file is not a database", "no such table: people") for a file that
    // is not a backup of a store: said as bad input, naming the file.
    if (error instanceof BetterSqlite3.SqliteError)
      throw new RepatriaError('INVALID_INPUT', `${backup} is not a backup of a Repatria store (${error.message})`);
    throw error;
  }
  // Opened as the store opens it (migrations, WAL), then checked once more where it now lives.
  const store = await openStore({ dbPath });
  try {
    const verify = await verifyStore(store.kysely, 'sqlite', { deep: false });
    const checksum = await storeChecksum(store.kysely);
    checkAgainstManifest(manifest, checksum, 'the restored store');
    return { manifest, checksum, verify };
  } finally {
    await store.close();
  }
}

// ------------------------------------------------------------------ PostgreSQL

/** The directory of the PostgreSQL client tools: `PG_BIN`, else the newest Debian install, else PATH. */
export function postgresTools(env: Readonly<Record<string, string | undefined>>): (tool: string) => string {
  const given = env.PG_BIN;
  if (given !== undefined && given !== '') return (tool) => join(given, tool);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'pg_dump')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  return newest === undefined ? (tool) => tool : (tool) => join(root, newest, 'bin', tool);
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (schema === undefined || schema === null) throw new RepatriaError('INVALID_STATE', 'the PostgreSQL search_path names no existing schema');
  return schema;
}

/**
 * The URL as libpq reads it: form-style encoding writes a space in a query parameter as `+`
 * (`options=-c+search_path=…`), which node-postgres reads as a space but libpq does not.
 */
export function libpqUrl(url: string): string {
  const parsed = new URL(url);
  const query = [...parsed.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  parsed.search = '';
  return query === '' ? parsed.toString() : `${parsed.toString()}?${query}`;
}

const toolError = (tool: string, error: unknown): RepatriaError => {
  const stderr = (error as { stderr?: unknown }).stderr;
  const detail = typeof stderr === 'string' && stderr.trim() !== '' ? stderr.trim() : error instanceof Error ? error.message : String(error);
  return new RepatriaError('INVALID_STATE', `${tool} failed: ${detail}`);
};

/** Backs up a PostgreSQL store with pg_dump, sharing one snapshot with the checksum. */
export async function backupPostgres(store: OpenedStore, databaseUrl: string, out: string, options: { readonly now: () => number; readonly tool: (name: string) => string }): Promise<BackupManifest> {
  if (existsSync(out)) throw new RepatriaError('CONFLICT', `${out} exists; a backup never overwrites a file`);
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  try {
    const fields = await store.kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const schema = await currentSchema(trx);
        const { rows } = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(trx);
        const snapshot = rows[0]!.snapshot;
        try {
          await run(options.tool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--schema=${schema}`, `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${libpqUrl(databaseUrl)}`], { maxBuffer: 16 * 1024 * 1024 });
        } catch (error) {
          throw toolError('pg_dump', error);
        }
        const checksum = await storeChecksum(trx);
        return { schema, lastSeq: await lastSeq(trx), counts: checksum.counts, checksum: { content: checksum.content, log: checksum.log } };
      });
    renameSync(partial, out);
    return await writeManifest(out, { dialect: 'postgres', createdAt: new Date(options.now()).toISOString(), ...fields });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Restores a pg_dump backup into the database of `databaseUrl`, whose schema (its
 * search_path) must be the one dumped and must hold no store yet. One transaction: a
 * restore that fails leaves nothing behind; a restored store that does not verify, or does
 * not match its manifest, is removed again (the schema, if the restore made it; else the
 * relations it added).
 */
export async function restorePostgres(backup: string, databaseUrl: string, options: { readonly tool: (name: string) => string }): Promise<RestoreResult> {
  if (!existsSync(backup)) throw new RepatriaError('NOT_FOUND', `no backup file ${backup}`);
  const manifest = readManifest(backup);
  if (manifest !== undefined) {
    if (manifest.dialect !== 'postgres') throw new RepatriaError('INVALID_INPUT', `${backup} is a ${manifest.dialect} backup; restore it with --db and no DATABASE_URL`);
    if ((await fileSha256(backup)) !== manifest.fileSha256) throw new RepatriaError('INVALID_STATE', `${backup} is not the file its manifest describes (its SHA-256 differs): it is damaged or was changed`);
  }
  const { default: pg } = await import('pg');
  let target: { schema: string | null; before: ReadonlyMap<string, string> | null } = { schema: null, before: null };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string | null; path: string; people: string | null }>(
      "select current_schema() as schema, current_setting('search_path') as path, to_regclass('people')::text as people",
    );
    // A schema that does not exist yet is no current_schema(): the restore creates it.
    const firstOnPath = rows[0]?.path.split(',')[0]?.trim().replace(/^"|"$/g, '') ?? null;
    const schema = rows[0]?.schema ?? firstOnPath;
    if (manifest?.schema !== undefined && manifest.schema !== null && schema !== manifest.schema) {
      throw new RepatriaError('INVALID_INPUT', `the backup holds schema "${manifest.schema}"; restore it into a database whose search_path is that schema (now: ${schema ?? 'none'})`);
    }
    if (rows[0]?.people !== null && rows[0]?.people !== undefined) {
      throw new RepatriaError('CONFLICT', 'the target database already holds a store (a people table); restore into a new database');
    }
    target = { schema, before: schema === null ? null : await relationsIn(client, schema) };
  } finally {
    await client.end();
  }
  try {
    await run(options.tool('pg_restore'), ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${libpqUrl(databaseUrl)}`, backup], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw toolError('pg_restore', error);
  }
  let result: RestoreResult | undefined;
  let refusal: unknown;
  const store = await openStore({ databaseUrl, dbPath: '' });
  try {
    const verify = await verifyStore(store.kysely, 'postgres', { deep: true });
    const checksum = await storeChecksum(store.kysely);
    checkAgainstManifest(manifest, checksum, 'the restored store');
    if (!verify.ok) throw new RepatriaError('INVALID_STATE', `the restored store does not verify: ${verify.findings.join('; ')}`);
    result = { manifest, checksum, verify };
  } catch (error) {
    refusal = error;
  } finally {
    await store.close();
  }
  if (result !== undefined) return result;
  // A store that does not verify is not left where the next command would use it: what the
  // restore made is removed, and the database is as it was before.
  await removeRestored(databaseUrl, target);
  if (refusal instanceof RepatriaError) throw new RepatriaError(refusal.code, `${refusal.message}; what was restored has been removed again`);
  throw refusal;
}

/** Tables, views and sequences of a schema, by name with their kind; `null` when the schema does not exist. */
async function relationsIn(client: import('pg').Client, schema: string): Promise<Map<string, string> | null> {
  const { rows: found } = await client.query<{ found: boolean }>('select exists (select 1 from pg_namespace where nspname = $1) as found', [schema]);
  if (found[0]?.found !== true) return null;
  const { rows } = await client.query<{ name: string; kind: string }>(
    "select c.relname as name, c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'S')",
    [schema],
  );
  return new Map(rows.map((r) => [r.name, r.kind]));
}

const DROP_KIND: Readonly<Record<string, string>> = { r: 'table', p: 'table', v: 'view', m: 'materialized view', S: 'sequence' };

/** Drops what a restore created: the schema if it did not exist before, else the relations that are new in it. */
async function removeRestored(databaseUrl: string, target: { schema: string | null; before: ReadonlyMap<string, string> | null }): Promise<void> {
  if (target.schema === null) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
    const now = await relationsIn(client, target.schema);
    if (now === null) return;
    if (target.before === null) {
      await client.query(`drop schema ${ident(target.schema)} cascade`);
      return;
    }
    for (const [name, kind] of now) {
      if (target.before.has(name)) continue;
      await client.query(`drop ${DROP_KIND[kind] ?? 'table'} if exists ${ident(target.schema)}.${ident(name)} cascade`);
    }
  } finally {
    await client.end();
  }
}
