/**
 * `npm run bench [-- NAME [ARGS…]]`: runs one benchmark (or every one) from this folder.
 * Each benchmark module exports `run(args)` and prints its own figures, with ratios against
 * a baseline measured in the same run.
 */
import { readdirSync } from 'node:fs';

interface Bench {
  run(args: readonly string[]): Promise<void>;
}

const available = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts') && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();

const [name, ...args] = process.argv.slice(2);
const chosen = name === undefined ? available : [name];
for (const bench of chosen) {
  if (!available.includes(bench)) {
    process.stderr.write(`unknown benchmark "${bench}"; available: ${available.join(', ')}\n`);
    process.exit(2);
  }
  process.stdout.write(`\n== bench ${bench} ==\n`);
  const mod = (await import(`./${bench}.ts`)) as Bench;
  await mod.run(args);
}
