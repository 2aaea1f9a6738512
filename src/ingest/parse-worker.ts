/**
 * Worker thread entry: reads and validates a file (produce.ts) and posts its batches, packed,
 * to the thread that writes them. At most `IN_FLIGHT` batches wait at the writer: the writer
 * grants a credit for each batch it takes, so a slow store slows the reading, and memory
 * stays bounded whatever the size of the file. A batch written comes back, and a later batch
 * is packed into its memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { transferList, type PackedBatch } from './batch.js';
import { produceBatches, type ProduceOptions } from './produce.js';
import { FileFormatError } from './text-source.js';
import { IN_FLIGHT, type WorkerMessage, type WriterMessage } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs as a worker thread only');

let credit = IN_FLIGHT;
let wake: (() => void) | undefined;
const recycled: PackedBatch[] = [];
port.on('message', (message: WriterMessage) => {
  if (message === 'credit') {
    credit += 1;
    wake?.();
    wake = undefined;
  } else recycled.push(message.packed);
});

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => {
  port.postMessage(message, transfer);
};

try {
  for await (const produced of produceBatches(workerData as ProduceOptions, recycled)) {
    if (produced.kind === 'end') {
      post(produced);
      continue;
    }
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit -= 1;
    post({ kind: 'batch', packed: produced.batch, rejects: produced.rejects, bytesRead: produced.bytesRead, rows: produced.rows }, transferList(produced.batch));
  }
} catch (error) {
  if (error instanceof FileFormatError) post({ kind: 'file-error', line: error.line, reason: error.message });
  else post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
port.close();
