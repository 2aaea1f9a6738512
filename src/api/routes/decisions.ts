/**
 * `removable(person, on, knownAt, destination)` of the spec, with every blocker written out
 * in plain English beside its code. Holds no personal data: ids, codes and dates only.
 */
import { z } from 'zod';
import { rolesFor } from '../../domain/roles.js';
import { BLOCKER_CODES, BLOCKER_SENTENCES } from '../../domain/blockers.js';
import { formatDay, formatInstant } from '../../domain/dates.js';
import { decideWith } from '../../domain/decision.js';
import { ApiProblem } from '../problem.js';
import { dayOf, knownAtOf } from '../recording.js';
import { admits, userRoute } from '../route.js';
import { apiSchema } from '../schemas/registry.js';
import { countryCode, dateText, instantText, knownAtText } from '../schemas/scalars.js';

const BlockerSchema = apiSchema(
  'Blocker',
  z.object({
    code: z.enum(BLOCKER_CODES),
    reason: z.string().describe('The code in plain English'),
    facts: z.array(z.string()).describe('Ids of the facts that cause it'),
    until: dateText.nullable().describe('Last day of the unbroken run from `on`; null = no end'),
  }),
);

export const DecisionSchema = apiSchema(
  'Decision',
  z.object({
    personId: z.string(),
    on: dateText,
    knownAt: instantText,
    destination: countryCode.nullable(),
    removable: z.boolean(),
    blockers: z.array(BlockerSchema).describe('Sorted by code'),
    basis: z.array(z.string()).describe('Ids of every final order in effect on `on`'),
    changesOn: dateText.nullable().describe('First later date on which the answer changes; null = never'),
  }),
);

export const getDecision = userRoute({
  operationId: 'getDecision',
  method: 'GET',
  url: '/people/:personId/decision',
  tag: 'decisions',
  summary:
    'May this person lawfully be removed on a date, as the law was known at an instant — and if not, why',
  access: admits(rolesFor('decision.read')),
  status: 200,
  // The busiest route: the handler below writes each field of DecisionSchema itself.
  plainSerializer: true,
  schemas: {
    params: z.strictObject({ personId: z.string().min(1).max(1000) }),
    query: z.strictObject({
      on: dateText.optional().describe('Default: today (UTC)'),
      knownAt: knownAtText.optional(),
      destination: countryCode.optional().describe('Default: the first known nationality'),
    }),
    response: DecisionSchema,
  },
  async handler({ params, query }, ctx) {
    const on = dayOf(query.on, ctx.now);
    const knownAt = knownAtOf(query.knownAt, ctx.now);
    // The person and the store's last seq in one statement; the programme is then checked
    // against that seq rather than reading it again.
    const read = await ctx.services.people.readPerson(params.personId);
    if (read === undefined) throw new ApiProblem('not-found', `No person ${params.personId}`);
    const program = await ctx.services.program.viewAt(knownAt, read.lastSeq);
    const d = decideWith(read.person, program, { on, knownAt, destination: query.destination });
    return {
      personId: d.personId,
      on: formatDay(d.on),
      knownAt: formatInstant(d.knownAt),
      destination: d.destination,
      removable: d.removable,
      blockers: d.blockers.map((b) => ({
        code: b.code,
        reason: BLOCKER_SENTENCES[b.code],
        facts: [...b.facts],
        until: b.until === null ? null : formatDay(b.until),
      })),
      basis: [...d.basis],
      changesOn: d.changesOn === null ? null : formatDay(d.changesOn),
    };
  },
});
