/** Runs the CLI in-process and captures what it prints. */
import { runCli } from '../../src/cli/program.js';

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(argv: readonly string[], env: Record<string, string | undefined> = {}, now = Date.now()): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, {
    io: { out: (t) => (stdout += t), err: (t) => (stderr += t), now: () => now },
    env,
  });
  return { status, stdout, stderr };
}
