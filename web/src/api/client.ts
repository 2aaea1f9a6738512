/**
 * The typed API client: openapi-fetch over the types generated from the server's own
 * OpenAPI document (schema.d.ts, `npm run gen:client`), so that a changed route breaks the
 * UI's type check rather than a page at run time. Same origin, session cookie.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

export const api = createClient<paths>({ baseUrl: window.location.origin });

/** Told when a request comes back 401: the session has ended (expired or signed out elsewhere). */
let onSignedOut: (() => void) | undefined;
export const whenSignedOut = (listener: (() => void) | undefined): void => {
  onSignedOut = listener;
};

api.use({
  onResponse({ response, request }) {
    // A failed sign-in is a 401 too, but it is the sign-in form's to explain.
    const signingIn = request.method === 'POST' && new URL(request.url).pathname === '/sessions';
    if (response.status === 401 && !signingIn) onSignedOut?.();
    return response;
  },
});

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && 'title' in value && 'status' in value;

/** A refusal as people read it: the problem's detail, else its title. */
export function problemText(error: unknown): string {
  if (isProblem(error)) return error.detail ?? error.title;
  if (error instanceof Error) return error.message;
  return 'The request failed. Try again.';
}

/**
 * Field-level messages of an invalid request, keyed by the field's path without the
 * request part (`facts.0.from` → `from` when `prefix` is `facts.0.`).
 */
export function fieldErrors(error: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isProblem(error)) return out;
  for (const issue of error.errors ?? []) {
    const field = issue.field.startsWith(prefix) ? issue.field.slice(prefix.length) : issue.field;
    out[field] ??= issue.reason;
  }
  return out;
}
