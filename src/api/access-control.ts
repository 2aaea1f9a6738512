/**
 * Deny by default. Every route declares its access (`config.access`); a route without one
 * stops the server from starting, and a request to it would be refused anyway. For a route
 * that admits roles, the request must carry a valid API token (`Authorization: Bearer …`)
 * or session cookie of an enabled account whose role is admitted: otherwise 401 (no or bad
 * credentials) or 403 (a role the route does not admit).
 *
 * Runs as the first `onRequest` hook after the cookie parser, before the body is read or
 * validated, so that a caller who may not use a route learns nothing about its schema.
 */
// The cookie plugin's types: `request.server.parseCookie`.
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../domain/identity.js';
import { bearerToken, digest, isSecretText, SESSION_COOKIE } from './auth/secrets.js';
import { ApiProblem } from './problem.js';
import type { Access } from './route.js';
import type { ApiServices } from './services.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="repatria"' } as const;

/** The principal behind the request's credentials, if they are valid now. */
export async function authenticate(
  request: FastifyRequest,
  services: ApiServices,
): Promise<Principal | undefined> {
  const now = services.clock();
  const header = request.headers.authorization;
  if (header !== undefined) {
    const token = bearerToken(header);
    // A malformed header is refused outright, never mistaken for a missing one.
    if (token === undefined)
      throw new ApiProblem(
        'unauthenticated',
        'The Authorization header is not a Repatria API token',
        undefined,
        CHALLENGE,
      );
    return services.identity.tokenPrincipal(digest(token), now);
  }
  const cookie = sessionSecret(request);
  if (cookie !== undefined && isSecretText(cookie))
    return services.identity.sessionPrincipal(digest(cookie), now);
  return undefined;
}

/**
 * The session cookie's value. Cookies are parsed here, when needed, rather than on every
 * request by the cookie plugin: most requests carry an API token instead.
 */
export function sessionSecret(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  return header === undefined ? undefined : request.server.parseCookie(header)[SESSION_COOKIE];
}

/**
 * Adds the access checks to a server. `publicPrefixes` are the paths of plugins that
 * register routes of their own (the documentation pages): those are public.
 */
export function installAccessControl(
  app: FastifyInstance,
  services: ApiServices,
  publicPrefixes: readonly string[],
): void {
  app.decorateRequest('principal', undefined);

  app.addHook('onRoute', (route) => {
    if (route.config?.access !== undefined) return;
    if (publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...route.config, access: { kind: 'public' } };
      return;
    }
    throw new Error(
      `Route ${String(route.method)} ${route.url} declares no access: every route must say who may call it`,
    );
  });

  app.addHook('onRequest', async (request) => {
    if (request.is404) return; // answered by the not-found handler
    const access = request.routeOptions.config.access;
    if (access === undefined) throw new ApiProblem('forbidden', 'This route declares no access');
    if (access.kind === 'public') return;
    const principal = await authenticate(request, services);
    if (principal === undefined) {
      throw new ApiProblem(
        'unauthenticated',
        'Sign in (POST /sessions) or send an API token',
        undefined,
        CHALLENGE,
      );
    }
    if (!access.roles.includes(principal.role)) {
      throw new ApiProblem('forbidden', `The ${principal.role} role may not use this route`);
    }
    request.principal = principal;
  });
}
