/** Composition root of the `repatria` command. */
import { runCli } from '../cli/program.js';
import { processIo } from '../cli/io.js';

/**
 * A reader that stops early (`repatria sweep --format jsonl | head`) closes the pipe; like
 * other Unix tools, stop quietly rather than crash with an unhandled EPIPE. Nothing is lost:
 * output commands only read the store.
 */
function endQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export function main(argv: readonly string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  return runCli(argv, { io: processIo, env: process.env });
}
