/**
 * Population sweeps and timelines: every person's decision at once, counted, from the
 * population engine (the counts of `repatria sweep --format json` and `repatria timeline
 * --format json`). Counts only: no ids, no personal data.
 */
import { z } from 'zod';
import { BLOCKER_CODES } from '../../domain/blockers.js';
import { formatDay, formatInstant, parseDay } from '../../domain/dates.js';
import { rolesFor } from '../../domain/roles.js';
import type { SweepCounts } from '../population.js';
import { ApiProblem } from '../problem.js';
import { dayOf, knownAtOf } from '../recording.js';
import { admits, userRoute } from '../route.js';
import { apiSchema } from '../schemas/registry.js';
import { dateText, instantText, knownAtText } from '../schemas/scalars.js';

/** Ten years, as on the command line: a bound on the answer's size (days × countries × codes). */
export const MAX_TIMELINE_DAYS = 3_660;

const destination = z
  .string()
  .regex(/^([A-Z]{2}|\?\?)$/, 'must be an ISO 3166-1 alpha-2 code, or ?? for no known nationality')
  .optional()
  .describe('Only people whose destination is this country (?? = no known nationality)');

const SweepCountsSchema = apiSchema(
  'SweepCounts',
  z.object({
    people: z.number().int(),
    removable: z.number().int(),
    blockers: z
      .partialRecord(z.enum(BLOCKER_CODES), z.number().int())
      .describe('People under each blocker, every code present (a person counts under each of theirs)'),
  }),
);

const countsJson = (c: SweepCounts): z.output<typeof SweepCountsSchema> => ({
  people: c.people,
  removable: c.removable,
  blockers: { ...c.blockers },
});

const byCountryJson = (
  m: ReadonlyMap<string, SweepCounts>,
): Record<string, z.output<typeof SweepCountsSchema>> =>
  Object.fromEntries([...m].map(([country, c]) => [country, countsJson(c)]));

export const getSweep = userRoute({
  operationId: 'getSweep',
  method: 'GET',
  url: '/sweep',
  tag: 'population',
  summary: 'Every person’s decision on one date as known at one instant, counted in all and by destination',
  access: admits(rolesFor('sweep.read')),
  status: 200,
  schemas: {
    query: z.strictObject({
      on: dateText.optional().describe('Default: today (UTC)'),
      knownAt: knownAtText.optional(),
      country: destination,
    }),
    response: apiSchema(
      'Sweep',
      SweepCountsSchema.extend({
        on: dateText,
        knownAt: instantText,
        byCountry: z
          .record(z.string(), SweepCountsSchema)
          .describe('By destination country (?? = none known)'),
      }),
    ),
  },
  async handler({ query }, ctx) {
    const answer = await ctx.services.population.sweep(
      dayOf(query.on, ctx.now),
      knownAtOf(query.knownAt, ctx.now),
      query.country,
    );
    return {
      on: formatDay(answer.on),
      knownAt: formatInstant(answer.knownAt),
      ...countsJson(answer.total),
      byCountry: byCountryJson(answer.byCountry),
    };
  },
});

export const getTimeline = userRoute({
  operationId: 'getTimeline',
  method: 'GET',
  url: '/timeline',
  tag: 'population',
  summary: 'People, removable people and people under each blocker on every day of a horizon',
  description: `One element per day. At most ${MAX_TIMELINE_DAYS} days.`,
  access: admits(rolesFor('sweep.read')),
  status: 200,
  schemas: {
    query: z.strictObject({
      from: dateText,
      to: dateText,
      knownAt: knownAtText.optional(),
      by: z
        .enum(['blocker', 'country'])
        .default('blocker')
        .describe('`country`: each day also by destination'),
      country: destination,
    }),
    response: apiSchema(
      'Timeline',
      z.object({
        from: dateText,
        to: dateText,
        knownAt: instantText,
        by: z.enum(['blocker', 'country']),
        days: z.array(
          SweepCountsSchema.extend({
            date: dateText,
            byCountry: z.record(z.string(), SweepCountsSchema).optional().describe('With by=country'),
          }),
        ),
      }),
    ),
  },
  async handler({ query }, ctx) {
    const first = parseDay(query.from)!;
    const last = parseDay(query.to)!;
    if (last < first)
      throw new ApiProblem('invalid-request', 'The horizon ends before it starts', [
        { in: 'query', field: 'to', reason: 'is before from' },
      ]);
    if (last - first + 1 > MAX_TIMELINE_DAYS)
      throw new ApiProblem('invalid-request', `The horizon is longer than ${MAX_TIMELINE_DAYS} days`, [
        { in: 'query', field: 'to', reason: `must be within ${MAX_TIMELINE_DAYS} days of from` },
      ]);
    const knownAt = knownAtOf(query.knownAt, ctx.now);
    const days = await ctx.services.population.timeline(first, last, knownAt, query.by, query.country);
    return {
      from: query.from,
      to: query.to,
      knownAt: formatInstant(knownAt),
      by: query.by,
      days: days.map((d) => ({
        date: formatDay(d.day),
        ...countsJson(d),
        ...(d.byCountry === undefined ? {} : { byCountry: byCountryJson(d.byCountry) }),
      })),
    };
  },
});
