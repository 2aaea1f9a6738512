/** Removability counts by destination country, as `repatria status` prints them. */
import { z } from 'zod';
import { rolesFor } from '../../domain/roles.js';
import { BLOCKER_CODES, type BlockerCode } from '../../domain/blockers.js';
import { formatDay, formatInstant } from '../../domain/dates.js';
import { dayOf, knownAtOf } from '../recording.js';
import { admits, userRoute } from '../route.js';
import { apiSchema } from '../schemas/registry.js';
import type { RemovabilityCounts } from '../services.js';
import { dateText, instantText, knownAtText } from '../schemas/scalars.js';

const CountsSchema = apiSchema(
  'RemovabilityCounts',
  z.object({
    people: z.number().int(),
    returned: z
      .number()
      .int()
      .describe('People returned on a departed manifest by the date: counted neither as removable nor under a blocker'),
    removable: z.number().int().describe('Removable and not yet returned'),
    blockers: z
      .partialRecord(z.enum(BLOCKER_CODES), z.number().int())
      .describe('People under each blocker (a person counts under each of theirs)'),
  }),
);

const countsJson = (c: RemovabilityCounts): z.output<typeof CountsSchema> => {
  const blockers: Partial<Record<BlockerCode, number>> = {};
  for (const code of BLOCKER_CODES) {
    const n = c.blockers[code];
    if (n !== undefined && n > 0) blockers[code] = n;
  }
  return { people: c.people, returned: c.returned, removable: c.removable, blockers };
};

export const getRemovabilityStatistics = userRoute({
  operationId: 'getRemovabilityStatistics',
  method: 'GET',
  url: '/statistics/removability',
  tag: 'statistics',
  summary: 'People, people returned, removable people and people under each blocker, by destination country',
  access: admits(rolesFor('sweep.read')),
  status: 200,
  schemas: {
    query: z.strictObject({
      on: dateText.optional().describe('Default: today (UTC)'),
      knownAt: knownAtText.optional(),
    }),
    response: apiSchema(
      'RemovabilityStatistics',
      z.object({
        on: dateText,
        knownAt: instantText,
        countries: z.array(
          CountsSchema.extend({
            country: z.string().describe('ISO 3166-1 alpha-2, or ?? for no known nationality'),
          }),
        ),
        total: CountsSchema,
      }),
    ),
  },
  async handler({ query }, ctx) {
    const stats = await ctx.services.statistics.removability(
      dayOf(query.on, ctx.now),
      knownAtOf(query.knownAt, ctx.now),
    );
    return {
      on: formatDay(stats.on),
      knownAt: formatInstant(stats.knownAt),
      countries: stats.countries.map((c) => ({ country: c.country, ...countsJson(c) })),
      total: countsJson(stats.total),
    };
  },
});
