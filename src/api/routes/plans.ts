/**
 * Plans from the store: the optimiser fills the window's flights with people who may
 * lawfully go, the independent checker verifies the plan, and one draft manifest per used
 * flight is saved as the acting planner (src/application/planning.ts, shared with the CLI).
 */
import { z } from 'zod';
import { formatDay, formatInstant, parseDay } from '../../domain/dates.js';
import { rolesFor } from '../../domain/roles.js';
import type { StorePlan } from '../../application/planning.js';
import type { PlanMethod } from '../../planner/plan-flights.js';
import { ApiProblem } from '../problem.js';
import { knownAtOf } from '../recording.js';
import { actingOf, admits, userRoute } from '../route.js';
import { apiSchema } from '../schemas/registry.js';
import { countryCode, dateText, instantText, knownAtText } from '../schemas/scalars.js';

/** The planner's methods (`PlanMethod` of src/planner/plan-flights.ts), listed for the schema. */
const PLAN_METHODS = ['mip', 'lp-rounding', 'heuristic', 'empty'] as const satisfies readonly PlanMethod[];

/** Unassigned people per reason code, most frequent first, then by code for a stable order. */
function countReasons(unassigned: StorePlan['plan']['unassigned']): { code: string; people: number }[] {
  const counts = new Map<string, number>();
  for (const u of unassigned) for (const code of u.reasons) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts]
    .map(([code, people]) => ({ code, people }))
    .sort((a, b) => b.people - a.people || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export const createPlan = userRoute({
  operationId: 'createPlan',
  method: 'POST',
  url: '/plans',
  tag: 'plans',
  summary: 'Plan the flights of a window from the store and save a draft manifest per used flight',
  description:
    'Refused (409) when a flight of the window already has a manifest that is not cancelled, or when facts recorded since `knownAt` keep an assigned person off a flight; either way nothing is saved. `save: false` plans without saving.',
  access: admits(rolesFor('plan.create')),
  status: 201,
  schemas: {
    body: apiSchema(
      'NewPlan',
      z.strictObject({
        from: dateText.describe('First flight date'),
        to: dateText.describe('Last flight date'),
        knownAt: knownAtText.optional(),
        save: z.boolean().optional().describe('Save draft manifests; default true'),
      }),
    ),
    response: apiSchema(
      'StorePlan',
      z.object({
        from: dateText,
        to: dateText,
        knownAt: instantText,
        saved: z.boolean().describe('Whether draft manifests were saved'),
        flights: z.array(
          z.object({
            id: z.string(),
            date: dateText,
            origin: z.string(),
            destination: z.string(),
            country: countryCode,
            suppliedBy: z.enum(['sending', 'receiving']),
            seats: z.number().int(),
            seatsUsed: z.number().int(),
            manifestId: z
              .string()
              .nullable()
              .describe('The draft saved for it; null when unused or not saved'),
            people: z.array(z.string()).describe('Ids of the people assigned'),
          }),
        ),
        caps: z
          .array(
            z.object({
              country: countryCode,
              week: dateText.describe('First day of the week'),
              cap: z.number().int().nullable().describe('Weekly acceptance cap; null = none'),
              used: z.number().int(),
            }),
          )
          .describe('Weekly caps used, per country and week with flights carrying people'),
        objective: z.number().describe('Value of the people assigned less their transfer costs'),
        bound: z.number().describe('A proven upper bound on the best objective any plan could reach'),
        ratio: z
          .number()
          .describe(
            'objective / bound: 1 is proven optimal; 1 too when the bound is 0 (nothing could be gained)',
          ),
        method: z
          .enum(PLAN_METHODS)
          .describe(
            'How the plan was found: MIP (solved to optimality), LP with rounding, the heuristic alone, or nothing to plan',
          ),
        people: z
          .number()
          .int()
          .describe('People considered: in custody in the window and on no open manifest'),
        assigned: z.number().int(),
        unassigned: z.number().int(),
        unassignedByReason: z
          .array(
            z.object({
              code: z
                .string()
                .describe('A blocker code of the decision or a planner code (spec/plan-instance.md)'),
              people: z.number().int(),
            }),
          )
          .describe('Unassigned people by reason, most frequent first; a person counts under each of theirs'),
      }),
    ),
  },
  async handler({ body }, ctx) {
    const from = parseDay(body.from)!;
    const to = parseDay(body.to)!;
    if (to < from)
      throw new ApiProblem('invalid-request', 'The window ends before it starts', [
        { in: 'body', field: 'to', reason: 'is before from' },
      ]);
    const plan = await ctx.services.plans(actingOf(ctx), {
      from,
      to,
      knownAt: body.knownAt === undefined ? undefined : knownAtOf(body.knownAt, ctx.now),
      save: body.save,
    });
    return {
      from: formatDay(plan.from),
      to: formatDay(plan.to),
      knownAt: formatInstant(plan.knownAt),
      saved: plan.saved,
      flights: plan.flights.map((f) => ({
        id: f.id,
        date: formatDay(f.date),
        origin: f.origin,
        destination: f.destination,
        country: f.country,
        suppliedBy: f.suppliedBy,
        seats: f.seats,
        seatsUsed: f.seatsUsed,
        manifestId: f.manifestId,
        people: [...f.people],
      })),
      caps: plan.caps.map((c) => ({ country: c.country, week: formatDay(c.week), cap: c.cap, used: c.used })),
      objective: plan.plan.objective,
      bound: plan.plan.bound,
      // The bound is never below the objective (the checker holds it to that), and neither is
      // below 0 (leaving everyone out is a plan), so a bound of 0 means an objective of 0 too.
      ratio: plan.plan.bound > 0 ? plan.plan.objective / plan.plan.bound : 1,
      method: plan.stats.method,
      people: plan.plan.assignments.length + plan.plan.unassigned.length,
      assigned: plan.plan.assignments.length,
      unassigned: plan.plan.unassigned.length,
      unassignedByReason: countReasons(plan.plan.unassigned),
    };
  },
});
