/**
 * `npm run bench -- plan [PEOPLE…]`: the flight planner on generated instances of 2,000,
 * 20,000 and 100,000 people (issue #4), against the greedy baseline (highest value first,
 * cheapest feasible flight) run in the same process. Every plan, the baseline's too, goes
 * through the independent checker; a plan that breaks a rule fails the benchmark.
 */
import { parsePlanInstanceValue } from '../src/contract/plan-instance.js';
import { loadSolver } from '../src/planner/highs-solver.js';
import type { Plan, PlanInstance } from '../src/planner/instance.js';
import { BENCH_SIZES, generateInstance } from '../src/planner/instance-generator.js';
import { planFlights, planGreedy } from '../src/planner/plan-flights.js';
import { verifyPlan } from '../src/planner/verify.js';

/** The targets of issue #4 for the largest instance. */
const TARGET = { people: 100_000, seconds: 30, ratio: 0.995 };

function timed<T>(work: () => T): { seconds: number; result: T } {
  const start = performance.now();
  const result = work();
  return { seconds: (performance.now() - start) / 1000, result };
}

const num = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const out = (text: string): boolean => process.stdout.write(text);

function checked(instance: PlanInstance, plan: Plan, who: string): void {
  const { violations } = verifyPlan(instance, plan);
  if (violations.length === 0) return;
  for (const v of violations.slice(0, 20)) out(`  ${v.rule} ${v.record}: ${v.message}\n`);
  throw new Error(`${who}: the plan breaks ${violations.length} rules`);
}

export async function run(args: readonly string[]): Promise<void> {
  const wanted = args.map(Number).filter((n) => Number.isFinite(n) && n > 0);
  const sizes = wanted.length === 0 ? BENCH_SIZES : BENCH_SIZES.filter((s) => wanted.includes(s.people));
  const solver = await loadSolver();
  let failed = false;
  for (const size of sizes) {
    const generated = timed(() => generateInstance(size));
    const parsed = timed(() => parsePlanInstanceValue(generated.result, []));
    if (!parsed.result.ok)
      throw new Error(`generated instance is invalid: ${parsed.result.issues[0]?.reason ?? ''}`);
    const instance = parsed.result.value;
    out(
      `\n${num(size.people)} people, ${num(size.flights)} flights, ${size.days ?? 30} days, ${size.countries ?? 15} countries, ${size.facilities ?? 60} facilities (seed ${size.seed}); ` +
        `generated in ${generated.seconds.toFixed(1)} s, parsed in ${parsed.seconds.toFixed(1)} s\n`,
    );

    const optimised = timed(() => planFlights(instance, solver, { clock: () => performance.now() }));
    const { plan, stats } = optimised.result;
    const greedy = timed(() => planGreedy(instance));
    const verified = timed(() => {
      checked(instance, plan, 'optimiser');
      checked(instance, greedy.result, 'greedy baseline');
    });

    const ratio = plan.objective / plan.bound;
    const greedyRatio = greedy.result.objective / plan.bound;
    out(
      `  optimiser (${stats.method}, ${num(stats.cohorts)} cohorts, ${num(stats.columns)} columns, ${num(stats.rows)} rows): ` +
        `${optimised.seconds.toFixed(1)} s, objective ${num(plan.objective)}, bound ${num(plan.bound, 1)} (${stats.boundSource}), objective/bound ${ratio.toFixed(5)}, assigned ${num(plan.assignments.length)}\n` +
        `    phases: ${Object.entries(stats.phases)
          .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`)
          .join(', ')}; solves: ${stats.solves.join('; ')}\n` +
        `  greedy baseline: ${greedy.seconds.toFixed(1)} s, objective ${num(greedy.result.objective)}, objective/bound ${greedyRatio.toFixed(5)}, assigned ${num(greedy.result.assignments.length)}\n` +
        `  optimiser / greedy: ${(plan.objective / greedy.result.objective).toFixed(4)}; both plans verified (every rule, every person) in ${verified.seconds.toFixed(1)} s\n`,
    );
    if (size.people === TARGET.people) {
      const checks = [
        [`plans in ≤ ${TARGET.seconds} s`, optimised.seconds <= TARGET.seconds],
        [`objective/bound ≥ ${TARGET.ratio}`, ratio >= TARGET.ratio],
        ['beats the greedy baseline', plan.objective > greedy.result.objective],
      ] as const;
      for (const [what, ok] of checks) out(`  target: ${what}: ${ok ? 'met' : 'NOT MET'}\n`);
      failed ||= checks.some(([, ok]) => !ok);
    }
  }
  if (failed) process.exitCode = 1;
}
