/**
 * The plan file (spec: plan-instance.md, "Plan"): written by `repatria plan`, read back by
 * `repatria plan verify`. Reading checks the shape only; whether the plan keeps the rules is
 * the checker's business (`src/planner/verify.ts`).
 */
import { z } from 'zod';
import type { Plan } from '../planner/instance.js';
import type { InputIssue, Parsed } from './input-issue.js';

const planSchema = z.object({
  assignments: z.array(
    z.object({
      person: z.string().min(1, 'must not be empty'),
      flight: z.string().min(1, 'must not be empty'),
    }),
  ),
  unassigned: z.array(
    z.object({
      person: z.string().min(1, 'must not be empty'),
      reasons: z.array(z.string().min(1, 'must not be empty')),
    }),
  ),
  objective: z.number({ error: 'must be a finite number' }),
  bound: z.number({ error: 'must be a finite number' }),
});

/** `assignments.3.flight` names the record `assignment #4`, field `flight`. */
function describe(path: readonly PropertyKey[]): { record: string; field: string } {
  const [list, index, ...rest] = path;
  if ((list === 'assignments' || list === 'unassigned') && typeof index === 'number') {
    const kind = list === 'assignments' ? 'assignment' : 'unassigned person';
    return {
      record: `plan, ${kind} #${index + 1}`,
      field: rest.length === 0 ? '-' : rest.map(String).join('.'),
    };
  }
  return { record: 'plan', field: path.length === 0 ? '-' : path.map(String).join('.') };
}

export function parsePlanValue(raw: unknown): Parsed<Plan> {
  const result = planSchema.safeParse(raw);
  if (!result.success) {
    const issues: InputIssue[] = result.error.issues.map((i) => ({ ...describe(i.path), reason: i.message }));
    return { ok: false, issues };
  }
  return { ok: true, value: result.data };
}

/** Parses the text of a plan file. */
export function parsePlan(text: string): Parsed<Plan> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      issues: [{ record: 'plan file', field: '-', reason: `malformed JSON: ${(error as Error).message}` }],
    };
  }
  return parsePlanValue(raw);
}

/**
 * The plan as the file holds it: one assignment or unassigned person per line, so that
 * large plans stay readable and diff well.
 */
export function formatPlan(plan: Plan): string {
  const list = (items: readonly unknown[]): string =>
    items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
  return (
    `{\n  "assignments": ${list(plan.assignments.map((a) => ({ person: a.person, flight: a.flight })))},\n` +
    `  "unassigned": ${list(plan.unassigned.map((u) => ({ person: u.person, reasons: [...u.reasons] })))},\n` +
    `  "objective": ${JSON.stringify(plan.objective)},\n` +
    `  "bound": ${JSON.stringify(plan.bound)}\n}\n`
  );
}
