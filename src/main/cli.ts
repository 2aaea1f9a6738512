/** Composition root of the `repatria` command. */
import { runCli } from '../cli/program.js';
import { processIo } from '../cli/io.js';

export function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, { io: processIo, env: process.env });
}
