/**
 * The one-person decision over a demo population, against the cheapest pass over the same
 * facts that any decision must make (filtering them by transaction time).
 */
import { programView } from '../src/domain/context.js';
import { parseDay, parseInstant } from '../src/domain/dates.js';
import { decideWith } from '../src/domain/decision.js';
import type { Person } from '../src/domain/facts.js';
import { knownAt } from '../src/domain/knowledge.js';
import { demoPeople, demoProgram } from '../src/demo/population.js';
import { builtinProgram } from '../src/reference/builtin-program.js';

function time<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

export async function run(args: readonly string[]): Promise<void> {
  const n = Number(args[0] ?? 100_000);
  const people: Person[] = [];
  for (const batch of demoPeople({ people: n, seed: 1 }, 1000)) people.push(...batch);
  const facts = people.reduce((s, p) => s + p.facts.length, 0);
  const at = parseInstant('2025-06-01T00:00:00Z')!;
  const on = parseDay('2025-04-20')!;
  const view = programView([...builtinProgram(), ...demoProgram()], at);

  const baseline = time(() => people.reduce((s, p) => s + knownAt(p.facts, at).length, 0));
  const decided = time(() => people.reduce((s, p) => s + (decideWith(p, view, { on, knownAt: at }).removable ? 1 : 0), 0));
  await Promise.resolve();
  const perSecond = (ms: number): string => Math.round((n / ms) * 1000).toLocaleString('en-US');
  process.stdout.write(
    `people ${n.toLocaleString('en-US')}, facts ${facts.toLocaleString('en-US')}, removable ${decided.result.toLocaleString('en-US')}\n` +
      `baseline (filter by knownAt): ${baseline.ms.toFixed(0)} ms (${perSecond(baseline.ms)} people/s)\n` +
      `decision (every rule, until, changesOn): ${decided.ms.toFixed(0)} ms (${perSecond(decided.ms)} people/s)\n` +
      `ratio decision/baseline: ${(decided.ms / baseline.ms).toFixed(1)}x\n`,
  );
}
