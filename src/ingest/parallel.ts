/**
 * Reading on a worker thread while this thread writes: parsing and validating a row costs
 * about as much CPU as storing it, so on two cores the two halves run side by side.
 * `produceInWorker` yields the same messages as `produceBatches` does in-thread.
 */
import { Worker } from 'node:worker_threads';
import type { Produced, ProduceOptions } from './produce.js';
import { FileFormatError } from './text-source.js';
import type { WorkerMessage, WriterMessage } from './worker-protocol.js';
import { transferList } from './batch.js';
import { workerSource } from '../sweep/worker-source.js';

/**
 * The worker's entry. Built, it is the `.js` beside this file; run from source (tests, the
 * bench), it is the `.ts`, loaded through tsx, which a worker does not inherit.
 */
function startWorker(options: ProduceOptions): Worker {
  // The worker holds a batch being built and at most two waiting: left to itself, V8 lets its
  // old generation grow far past that before collecting. A cap (ample for the batch size:
  // about 2 MB per thousand facts) kept the import of a million people some 90 MB smaller.
  const resourceLimits = { maxOldGenerationSizeMb: Math.max(128, Math.ceil(options.batchFacts / 1_000) * 2) };
  const { source, evaluated } = workerSource('parse-worker', import.meta.url);
  return new Worker(source, { eval: evaluated, workerData: options, resourceLimits });
}

export async function* produceInWorker(options: ProduceOptions): AsyncGenerator<Produced> {
  const worker = startWorker(options);
  const queue: WorkerMessage[] = [];
  // Set by the worker's events: properties, so that the compiler does not take them for constants.
  const state: { failure: Error | undefined; exited: boolean } = { failure: undefined, exited: false };
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const send = (message: WriterMessage, transfer: ArrayBuffer[] = []): void => {
    worker.postMessage(message, transfer);
  };
  worker.on('message', (message: WorkerMessage) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    state.failure = error;
    notify();
  });
  worker.on('exit', () => {
    state.exited = true;
    notify();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (message === undefined) {
        if (state.failure !== undefined) throw state.failure;
        if (state.exited) throw new Error('the import worker stopped before the end of the file');
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      switch (message.kind) {
        case 'batch': {
          send('credit');
          yield { kind: 'batch', batch: message.packed, rejects: message.rejects, bytesRead: message.bytesRead, rows: message.rows };
          // Asked for the next batch: the caller is done with this one (import-file.ts keeps
          // nothing of it), so its memory goes back to be filled again.
          send({ kind: 'recycle', packed: message.packed }, transferList(message.packed));
          break;
        }
        case 'end':
          yield message;
          return;
        case 'file-error':
          throw new FileFormatError(message.line, message.reason);
        case 'failed':
          throw new Error(`the import worker failed: ${message.message}`);
        default: {
          const unknown: never = message;
          throw new Error(`unknown worker message ${JSON.stringify(unknown)}`);
        }
      }
    }
  } finally {
    await worker.terminate();
  }
}
