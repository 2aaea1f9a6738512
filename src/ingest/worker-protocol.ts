/** Messages from the parsing worker to the writer (parse-worker.ts, parallel.ts). */
import type { PackedBatch, Rejection } from './batch.js';

/** Batches read ahead of the writer at most. */
export const IN_FLIGHT = 2;

export type WorkerMessage =
  | { readonly kind: 'batch'; readonly packed: PackedBatch; readonly rejects: Rejection[]; readonly bytesRead: number; readonly rows: number }
  | { readonly kind: 'end'; readonly bytesRead: number; readonly rows: number }
  | { readonly kind: 'file-error'; readonly line: number; readonly reason: string }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Messages from the writer to the worker: a credit for each batch taken, then the batch
 * itself once written, for the worker to pack a later batch into (batch.ts, `recycle`).
 */
export type WriterMessage = 'credit' | { readonly kind: 'recycle'; readonly packed: PackedBatch };
