/**
 * `repatria backup [--db PATH] OUT`, `repatria restore [--db PATH] [--force] IN`,
 * `repatria checksum [--db PATH] [--json]` and `repatria verify [--db PATH] [--quick]`
 * (src/store/backup.ts, checksum.ts, verify.ts).
 */
import { RepatriaError } from '../../domain/errors.js';
import { backupPostgres, backupSqlite, postgresTools, restorePostgres, restoreSqlite, type RestoreResult } from '../../store/backup.js';
import { storeChecksum, type StoreChecksum } from '../../store/checksum.js';
import { verifyStore, type VerifyReport } from '../../store/verify.js';
import type { CliIo } from '../io.js';
import { withStore, type StoreConfig } from '../store-config.js';

const usesPostgres = (store: StoreConfig): boolean => store.databaseUrl !== undefined && store.databaseUrl !== '';

const count = (n: number): string => n.toLocaleString('en-US');

function countsText(c: StoreChecksum['counts']): string {
  return `people ${count(c.people)}, person facts ${count(c.personFacts)}, programme facts ${count(c.programFacts)}, retractions ${count(c.retractions)}, events ${count(c.events)}`;
}

function verifyText(report: VerifyReport): string {
  const head = `${report.ok ? 'verified' : 'NOT verified'}: ${count(report.eventsChecked)} fact events, ${count(report.factsChecked)} fact bodies checked; audit chain ${report.auditChain}\n`;
  return head + report.findings.map((f) => `  ${f}\n`).join('');
}

export async function runBackup(opts: { out: string; store: StoreConfig; env: Readonly<Record<string, string | undefined>> }, io: CliIo): Promise<void> {
  const manifest = await withStore(opts.store, io.now, (store) =>
    usesPostgres(opts.store)
      ? backupPostgres(store, opts.store.databaseUrl!, opts.out, { now: io.now, tool: postgresTools(opts.env) })
      : backupSqlite(store, opts.out, io.now),
  );
  io.out(`backed up to ${opts.out} (${count(manifest.bytes)} bytes; manifest ${opts.out}.manifest.json)\n`);
  io.out(`  ${countsText(manifest.counts)}\n  content ${manifest.checksum.content}\n`);
}

export async function runRestore(opts: { in: string; force?: boolean | undefined; store: StoreConfig; env: Readonly<Record<string, string | undefined>> }, io: CliIo): Promise<void> {
  const result: RestoreResult = usesPostgres(opts.store)
    ? await restorePostgres(opts.in, opts.store.databaseUrl!, { tool: postgresTools(opts.env) })
    : await restoreSqlite(opts.in, opts.store.dbPath, { force: opts.force === true });
  io.out(`restored ${opts.in}\n  ${countsText(result.checksum.counts)}\n  content ${result.checksum.content}\n`);
  io.out(result.manifest === undefined ? '  no manifest beside the backup: counts and checksums not compared\n' : '  counts and checksums are the manifest\'s\n');
  io.out(`  ${verifyText(result.verify)}`);
  if (!result.verify.ok) throw new RepatriaError('INVALID_STATE', 'the restored store does not verify');
}

export async function runChecksum(opts: { json?: boolean | undefined; store: StoreConfig }, io: CliIo): Promise<void> {
  const checksum = await withStore(opts.store, io.now, (store) => storeChecksum(store.kysely));
  if (opts.json === true) io.out(`${JSON.stringify(checksum)}\n`);
  else io.out(`content ${checksum.content}\nlog     ${checksum.log}\n${countsText(checksum.counts)}\n`);
}

export async function runVerify(opts: { quick?: boolean | undefined; store: StoreConfig }, io: CliIo): Promise<void> {
  const report = await withStore(opts.store, io.now, (store) => verifyStore(store.kysely, store.dialect, { deep: opts.quick !== true }));
  io.out(verifyText(report));
  if (!report.ok) throw new RepatriaError('INVALID_STATE', 'the store does not verify');
}
