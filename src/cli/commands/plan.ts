/**
 * `repatria plan --instance FILE --out PLAN.json` and `repatria plan verify --instance I --plan P`
 * (spec: plan-instance.md). Every plan the optimiser makes goes through the independent
 * checker before it is written: a plan that breaks a rule is never written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { InvalidInputError } from '../../contract/input-issue.js';
import { parsePlanInstance } from '../../contract/plan-instance.js';
import { formatPlan, parsePlan } from '../../contract/plan-json.js';
import { formatDay } from '../../domain/dates.js';
import { loadSolver } from '../../planner/highs-solver.js';
import type { Plan, PlanInstance } from '../../planner/instance.js';
import { planFlights } from '../../planner/plan-flights.js';
import { verifyPlan, type VerifyReport, type Violation } from '../../planner/verify.js';
import { builtinProgram } from '../../reference/builtin-program.js';
import { UsageError } from '../exit.js';
import type { CliIo } from '../io.js';
import { renderTable } from '../table.js';

/** A plan that breaks rules: exit status 1, after the violations are printed. */
export class PlanViolationsError extends Error {
  constructor(readonly violations: readonly Violation[]) {
    super(`the plan breaks ${violations.length} rule${violations.length === 1 ? '' : 's'}`);
    this.name = 'PlanViolationsError';
  }
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}

function readInstance(file: string): PlanInstance {
  const parsed = parsePlanInstance(readText(file, 'instance file'), builtinProgram());
  if (!parsed.ok) throw new InvalidInputError(parsed.issues);
  return parsed.value;
}

const formatViolation = (v: Violation): string => `${v.rule} ${v.record}: ${v.message}`;

const money = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Per flight, seats used; per country and week, cap used; and why people were left out. */
export function planSummary(instance: PlanInstance, plan: Plan, report: VerifyReport): string {
  const route = new Map(instance.flights.map((f) => [f.id, `${f.origin}-${f.destination}`]));
  const reasons = new Map<string, number>();
  for (const u of plan.unassigned) for (const r of u.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
  const ratio = plan.bound > 0 ? (plan.objective / plan.bound).toFixed(4) : '-';
  return [
    `assigned ${plan.assignments.length.toLocaleString('en-US')} of ${instance.persons.length.toLocaleString('en-US')} persons; ` +
      `objective ${money(plan.objective)}, bound ${money(plan.bound)}, objective/bound ${ratio}\n\n`,
    'Seats used per flight\n',
    renderTable(
      ['flight', 'date', 'route', 'country', 'used', 'seats'],
      report.flights.map((f) => [
        f.flight,
        formatDay(f.date),
        route.get(f.flight) ?? '',
        f.country,
        f.used,
        f.seats,
      ]),
    ),
    '\nWeekly cap used per country (weeks with flights carrying people)\n',
    renderTable(
      ['country', 'week of', 'used', 'cap'],
      report.weeks.map((w) => [
        w.country,
        formatDay(w.week),
        w.used,
        Number.isFinite(w.cap) ? w.cap : 'none',
      ]),
    ),
    '\nUnassigned persons by reason\n',
    renderTable(
      ['reason', 'persons'],
      [...reasons.entries()].sort((a, b) => b[1] - a[1]),
    ),
  ].join('');
}

export async function runPlan(
  opts: { instance?: string | undefined; out?: string | undefined },
  io: CliIo,
): Promise<void> {
  if (opts.instance === undefined) throw new UsageError('plan needs --instance FILE (and --out PLAN.json)');
  if (opts.out === undefined) throw new UsageError('plan needs --out PLAN.json');
  const instance = readInstance(opts.instance);
  const started = io.now();
  const { plan, stats } = planFlights(instance, await loadSolver());
  const report = verifyPlan(instance, plan);
  if (report.violations.length > 0) {
    // Never reached by a correct optimiser; the check is what makes the promise hold.
    for (const v of report.violations) io.err(`${formatViolation(v)}\n`);
    throw new PlanViolationsError(report.violations);
  }
  writeFileSync(opts.out, formatPlan(plan));
  const seconds = ((io.now() - started) / 1000).toFixed(1);
  io.out(
    `plan: ${stats.method}, ${stats.cohorts.toLocaleString('en-US')} cohorts, ${stats.columns.toLocaleString('en-US')} columns, ${seconds} s; written to ${opts.out}\n`,
  );
  io.out(planSummary(instance, plan, report));
}

export function runPlanVerify(opts: { instance?: string | undefined; plan: string }, io: CliIo): void {
  if (opts.instance === undefined)
    throw new UsageError('plan verify needs --instance FILE and --plan PLAN.json');
  const instance = readInstance(opts.instance);
  const parsed = parsePlan(readText(opts.plan, 'plan file'));
  if (!parsed.ok) throw new InvalidInputError(parsed.issues);
  const report = verifyPlan(instance, parsed.value);
  if (report.violations.length > 0) {
    for (const v of report.violations) io.out(`${formatViolation(v)}\n`);
    throw new PlanViolationsError(report.violations);
  }
  io.out(
    `valid: ${parsed.value.assignments.length.toLocaleString('en-US')} assigned, ${parsed.value.unassigned.length.toLocaleString('en-US')} unassigned; ` +
      `objective ${money(report.objective)}, bound ${money(parsed.value.bound)}\n`,
  );
}
