/**
 * The two audit logs, read in order a page at a time: the store's event log (every fact
 * recorded or retracted, with its actor) and the access log (sign-ins, accounts, tokens,
 * profiles, and every read of personal data in full). Both hold ids, never personal data.
 */
import { z } from 'zod';
import { formatInstant } from '../../domain/dates.js';
import { rolesFor } from '../../domain/roles.js';
import { admits, userRoute } from '../route.js';
import { apiSchema } from '../schemas/registry.js';
import { afterSeq, instantText, pageLimit } from '../schemas/scalars.js';

const details = z
  .record(z.string(), z.unknown())
  .describe('What the entry is about, as recorded: ids, counts, reasons');
const parseDetails = (json: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { value };
};

const pageQuery = z.strictObject({
  after: afterSeq.describe('Read entries after this seq; default 0'),
  limit: pageLimit(1000, 100),
});

export const listEvents = userRoute({
  operationId: 'listEvents',
  method: 'GET',
  url: '/audit/events',
  tag: 'audit',
  summary: 'The event log: every change to the facts, with who made it',
  access: admits(rolesFor('audit.read')),
  status: 200,
  schemas: {
    query: pageQuery,
    response: apiSchema(
      'EventPage',
      z.object({
        events: z.array(
          z.object({
            seq: z.number().int(),
            at: instantText,
            actor: z.string(),
            role: z.string(),
            kind: z.string(),
            subjectType: z.string(),
            subjectId: z.string(),
            details,
          }),
        ),
        next: z.number().int().nullable().describe('Pass as `after` for the next page; null on the last'),
      }),
    ),
  },
  async handler({ query }, ctx) {
    const events = await ctx.services.facts.events(query.after, query.limit);
    return {
      events: events.map((e) => ({ ...e, at: formatInstant(e.at), details: parseDetails(e.details) })),
      next: events.length === query.limit ? (events.at(-1)?.seq ?? null) : null,
    };
  },
});

export const listAccessEvents = userRoute({
  operationId: 'listAccessEvents',
  method: 'GET',
  url: '/audit/access',
  tag: 'audit',
  summary: 'The access log: sign-ins, accounts, tokens, profiles and every read of personal data in full',
  access: admits(rolesFor('audit.read')),
  status: 200,
  schemas: {
    query: pageQuery,
    response: apiSchema(
      'AccessEventPage',
      z.object({
        events: z.array(
          z.object({
            seq: z.number().int(),
            at: instantText,
            actor: z.string(),
            role: z.string(),
            kind: z.string(),
            subjectType: z.string(),
            subjectId: z.string(),
            requestId: z.string().nullable(),
            details,
          }),
        ),
        next: z.number().int().nullable(),
      }),
    ),
  },
  async handler({ query }, ctx) {
    const events = await ctx.services.accessLog.list(query.after, query.limit);
    return {
      events: events.map((e) => ({ ...e, at: formatInstant(e.at), details: parseDetails(e.details) })),
      next: events.length === query.limit ? (events.at(-1)?.seq ?? null) : null,
    };
  },
});
