/**
 * The two audit logs, read in order a page at a time: the store's event log (every fact
 * recorded or retracted, with its actor) and the access log (sign-ins, accounts, tokens,
 * profiles, and every read of personal data in full). Both hold ids, never personal data.
 */
import { z } from 'zod';
import { formatInstant } from '../../domain/dates.js';
import { rolesFor } from '../../domain/roles.js';
import { actingOf, admits, userRoute } from '../route.js';
import { apiSchema } from '../schemas/registry.js';
import { afterSeq, instantText, pageLimit } from '../schemas/scalars.js';

const auditText = z.string().min(1).max(1000);

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
    return eventPage(events, query.limit);
  },
});

/** A page of logged events as sent: instants as text, details parsed, and where the next page starts. */
function eventPage<E extends { readonly seq: number; readonly at: number; readonly details: string }>(
  events: readonly E[],
  limit: number,
): { events: (Omit<E, 'at' | 'details'> & { at: string; details: ReturnType<typeof parseDetails> })[]; next: number | null } {
  return {
    events: events.map((e) => ({ ...e, at: formatInstant(e.at), details: parseDetails(e.details) })),
    next: events.length === limit ? (events.at(-1)?.seq ?? null) : null,
  };
}

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
    return eventPage(events, query.limit);
  },
});

export const listAuditEntries = userRoute({
  operationId: 'listAuditEntries',
  method: 'GET',
  url: '/audit/entries',
  tag: 'audit',
  summary:
    'The hash-chained audit log: every manifest transition, notice, court order and flight, with its actor',
  description:
    'Filters combine: `subject` (the subject id), `actor` (the user id) and `what` (an entry kind such as `manifest.approved`, or its prefix before a dot: `manifest`).',
  access: admits(rolesFor('audit.read')),
  status: 200,
  schemas: {
    query: z.strictObject({
      after: afterSeq.describe('Read entries after this seq; default 0'),
      limit: pageLimit(1000, 100),
      subject: auditText.optional(),
      actor: auditText.optional(),
      what: z
        .string()
        .regex(/^[a-z_]+(\.[a-z_]+)*$/, 'must be an entry kind such as manifest.approved, or its prefix')
        .max(100)
        .optional(),
    }),
    response: apiSchema(
      'AuditEntryPage',
      z.object({
        entries: z.array(
          z.object({
            seq: z.number().int(),
            at: instantText,
            what: z.string(),
            actor: z.string(),
            subjectType: z.string(),
            subjectId: z.string(),
            correlationId: z.string(),
            details,
            prevHash: z.string(),
            hash: z.string(),
          }),
        ),
        next: z.number().int().nullable().describe('Pass as `after` for the next page; null on the last'),
      }),
    ),
  },
  async handler({ query }, ctx) {
    const entries = await ctx.services.operations.auditLog(actingOf(ctx), {
      afterSeq: query.after,
      limit: query.limit,
      subjectId: query.subject,
      who: query.actor,
      what: query.what,
    });
    return {
      entries: entries.map((e) => ({
        seq: e.seq,
        at: formatInstant(e.when),
        what: e.what,
        actor: e.who,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        correlationId: e.correlationId,
        details: parseDetails(e.details),
        prevHash: e.prevHash,
        hash: e.hash,
      })),
      next: entries.length === query.limit ? (entries.at(-1)?.seq ?? null) : null,
    };
  },
});

export const verifyAuditChain = userRoute({
  operationId: 'verifyAuditChain',
  method: 'GET',
  url: '/audit/verify',
  tag: 'audit',
  summary: 'Walk the audit chain and report whether it is intact, or its first broken entry',
  access: admits(rolesFor('audit.verify')),
  status: 200,
  schemas: {
    response: apiSchema(
      'AuditVerification',
      z.object({
        intact: z.boolean(),
        entries: z.number().int().describe('Entries verified (before the broken one, if any)'),
        head: z
          .object({ seq: z.number().int(), hash: z.string() })
          .nullable()
          .describe('The last entry of an intact chain; null when broken'),
        broken: z
          .object({
            seq: z.number().int().describe('The first entry that does not fit'),
            problem: z
              .enum(['altered', 'relinked', 'missing_before', 'truncated', 'unrecorded'])
              .describe(
                'altered: changed after it was written; relinked: not linked to the entry before it; missing_before: entries before it were removed; truncated: entries from it to the recorded end were removed; unrecorded: past the end the writer recorded',
              ),
            message: z.string(),
          })
          .nullable(),
      }),
    ),
  },
  async handler(_input, ctx) {
    const verdict = await ctx.services.operations.verifyAudit(actingOf(ctx));
    return verdict.ok
      ? { intact: true, entries: verdict.entries, head: { ...verdict.head }, broken: null }
      : { intact: false, entries: verdict.entries, head: null, broken: { ...verdict.broken } };
  },
});
