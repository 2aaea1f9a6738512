/**
 * Personal data on the way out: each role sees profiles in full or masked
 * (`personalDataView`), and every read of unmasked profiles is written to the access log
 * before the response leaves, so that no one sees a record without a trace of it.
 *
 * An auditor sees masked profiles unless the request says `unmask=true` with a `reason`;
 * the reason goes into the access log with the read. A planner never sees them unmasked.
 */
import { z } from 'zod';
import { personalDataView } from '../domain/access.js';
import { profileView, type PeopleSearch, type ProfileView } from '../domain/profile.js';
import { ApiProblem } from './problem.js';
import type { UserContext } from './route.js';
import { apiSchema } from './schemas/registry.js';
import { queryFlag, shortText } from './schemas/scalars.js';

export const personalDataQuery = {
  unmask: queryFlag.describe('Auditors: show personal data in full (needs a reason; the read is logged)'),
  reason: shortText(500).optional().describe('Why the full record is needed; written to the access log'),
};

export const ProfileViewSchema = apiSchema(
  'ProfileView',
  z.object({
    masked: z.boolean().describe('Whether the fields below are masked for your role'),
    name: z.string().describe('In full, or initials when masked'),
    dateOfBirth: z.string().nullable().describe('YYYY-MM-DD in full, or the year alone when masked'),
    aNumber: z.string().nullable().describe('A123456789 in full, or A******789 when masked'),
  }),
);

/** Whether this request sees personal data in full; refuses a planner's request to unmask. */
function unmasked(
  ctx: UserContext,
  query: { unmask?: 'true' | 'false' | undefined; reason?: string | undefined },
): boolean {
  const view = personalDataView(ctx.principal.role);
  const asked = query.unmask === 'true';
  switch (view) {
    case 'unmasked':
      return true;
    case 'masked':
      if (asked)
        throw new ApiProblem('forbidden', `The ${ctx.principal.role} role never sees personal data in full`);
      return false;
    case 'masked-unless-reason':
      if (asked && query.reason === undefined) {
        throw new ApiProblem('invalid-request', 'Say why the full record is needed', [
          { in: 'query', field: 'reason', reason: 'is required with unmask=true' },
        ]);
      }
      return asked;
    default: {
      const unknown: never = view;
      return unknown;
    }
  }
}

/**
 * The profiles of the people named, as this request may see them (`null` for people with no
 * profile). Writes one access-log entry for the request when any profile is shown in full.
 */
export async function readProfiles(
  ctx: UserContext,
  operationId: string,
  personIds: readonly string[],
  query: { unmask?: 'true' | 'false' | undefined; reason?: string | undefined },
): Promise<Map<string, ProfileView>> {
  const full = unmasked(ctx, query);
  const profiles = await ctx.services.profiles.latestProfiles(personIds);
  const views = new Map<string, ProfileView>();
  for (const [id, profile] of profiles) views.set(id, profileView(profile, !full));
  if (full && profiles.size > 0) {
    const ids = [...profiles.keys()];
    await ctx.services.accessLog.append({
      actor: ctx.principal.userId,
      role: ctx.principal.role,
      kind: 'personal_data_read',
      subjectType: 'person',
      subjectId: ids[0]!,
      requestId: ctx.requestId,
      details: {
        operationId,
        personIds: ids,
        ...(query.reason === undefined ? {} : { reason: query.reason }),
      },
    });
  }
  return views;
}

/**
 * People found by what identifies them (A-number, name), in id order after `after`. Finding
 * someone by their personal data is a use of it: only a request that may see profiles in
 * full may search (an auditor with `unmask=true` and a reason), and each search is written
 * to the access log with who searched, by which fields and whom it found — never with the
 * A-number or name searched. Without a search, the people in id order.
 */
export async function findPeople(
  ctx: UserContext,
  operationId: string,
  search: PeopleSearch,
  page: { readonly after?: string | undefined; readonly limit: number },
  query: { unmask?: 'true' | 'false' | undefined; reason?: string | undefined },
): Promise<string[]> {
  const by = (['aNumber', 'name'] as const).filter((field) => search[field] !== undefined);
  if (by.length === 0) return ctx.services.profiles.personIds(page.after, page.limit);
  if (!unmasked(ctx, query)) {
    throw new ApiProblem(
      'forbidden',
      personalDataView(ctx.principal.role) === 'masked'
        ? `The ${ctx.principal.role} role may not find people by A-number or name: that uses their personal data`
        : 'Finding people by A-number or name uses their personal data: ask with unmask=true and a reason',
    );
  }
  const ids = await ctx.services.profiles.findPeople(search, page.after, page.limit);
  await ctx.services.accessLog.append({
    actor: ctx.principal.userId,
    role: ctx.principal.role,
    kind: 'personal_data_search',
    subjectType: 'person',
    subjectId: ids[0] ?? '',
    requestId: ctx.requestId,
    details: {
      operationId,
      by,
      personIds: ids,
      ...(query.reason === undefined ? {} : { reason: query.reason }),
    },
  });
  return ids;
}
