/**
 * The end of the audit chain as its writer recorded it (`audit_heads`, migration 0007): what
 * the writer chains on from, and what verification compares the stored log's end with.
 */
import type { Kysely } from 'kysely';
import { EMPTY_CHAIN, type ChainHead } from '../domain/audit-chain.js';
import type { OperationsDatabase } from './manifest-tables.js';

/** The seq and hash of the last entry appended; `EMPTY_CHAIN` before the first append. */
export async function recordedAuditHead(db: Kysely<OperationsDatabase>): Promise<ChainHead> {
  const row = await db
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? EMPTY_CHAIN : { seq: row.seq, hash: row.hash };
}

/** Records the chain's new end, in the transaction that appended the entries up to it. */
export async function recordAuditHead(db: Kysely<OperationsDatabase>, head: ChainHead): Promise<void> {
  await db.insertInto('audit_heads').values({ seq: head.seq, hash: head.hash }).execute();
}
