/**
 * A route of the API as one declaration: method, path, the roles it admits, its zod
 * schemas and its handler. The server registers the table of declarations; the OpenAPI
 * document, the access checks and the tests' role × route matrix are all read from it, so
 * adding a resource (flights, plans, manifests, notices) is one declaration each.
 *
 * Access is deny-by-default: a route must say who may call it, and a route registered
 * without a declaration stops the server from starting.
 */
import type { z } from 'zod';
import type { Acting } from '../application/authorize.js';
import type { Role } from '../domain/access.js';
import type { Instant } from '../domain/dates.js';
import type { AuditActor, Principal } from '../domain/identity.js';
import type { ApiConfig } from './config.js';
import type { ApiServices } from './services.js';

export interface PublicAccess {
  readonly kind: 'public';
}

export interface RoleAccess {
  readonly kind: 'roles';
  /** Every role that may call the route; everyone else is refused (403, or 401 without credentials). */
  readonly roles: readonly Role[];
  /**
   * The response holds personal data (names, dates of birth, A-numbers), shown in full or
   * masked by role (`PERSONAL_DATA_VIEW`); every unmasked read is written to the access log.
   */
  readonly personalData?: boolean;
}

export type Access = PublicAccess | RoleAccess;

export const PUBLIC: PublicAccess = { kind: 'public' };

export const admits = (roles: readonly Role[], options: { personalData?: boolean } = {}): RoleAccess => ({
  kind: 'roles',
  roles,
  ...(options.personalData === true ? { personalData: true } : {}),
});

/** Sections of the documentation. */
export const TAGS = {
  system: 'Health and documentation',
  sessions: 'Sign-in sessions (browsers)',
  tokens: 'Personal API tokens (programs)',
  users: 'Accounts',
  people: 'People, their profiles and their facts',
  decisions: 'Removability decisions',
  program: 'Programme facts: TPS designations, class orders, return agreements',
  statistics: 'Statistics',
  population: 'Population sweeps and timelines: every person’s decision at once',
  flights: 'Flights that manifests are drawn for',
  manifests: 'Manifests: draft → legal review → approved → departure check → departed → arrival confirmed',
  notices: 'Serving notices of intended removal',
  orders: 'Court orders: stays, appeals with stay, protections and class-wide orders',
  plans: 'Plans: flights filled by the planner, saved as draft manifests',
  audit: 'Audit logs',
} as const;
export type Tag = keyof typeof TAGS;

export interface RouteSchemas {
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The body of the one success status. */
  readonly response: z.ZodType;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

/** The request as the schemas parsed it. */
export interface RouteInput<S extends RouteSchemas> {
  readonly params: Out<S['params']>;
  readonly query: Out<S['query']>;
  readonly body: Out<S['body']>;
}

/** The session cookie of the request, for the sign-in routes. */
export interface SessionCookie {
  read(): string | undefined;
  set(secret: string, expiresAt: Instant): void;
  clear(): void;
}

export interface RouteContext {
  readonly services: ApiServices;
  readonly config: ApiConfig;
  readonly requestId: string;
  /** The clock, read once for the request: every instant it records is this one. */
  readonly now: Instant;
  readonly principal: Principal | undefined;
  readonly sessionCookie: SessionCookie;
  /** The route's own log; give it ids and counts only. */
  readonly log: { info(details: Record<string, unknown>, message: string): void };
  /** The OpenAPI document of this server. */
  readonly openApiDocument: () => Readonly<Record<string, unknown>>;
}

export interface UserContext extends RouteContext {
  readonly principal: Principal;
}

/** The signed-in user as the actor of what the request records. */
export const actorOf = (ctx: UserContext): AuditActor => ({
  id: ctx.principal.userId,
  role: ctx.principal.role,
  requestId: ctx.requestId,
});

/** The signed-in user as the application services' acting user: they check the role again. */
export const actingOf = (ctx: UserContext): Acting => ({ id: ctx.principal.userId, role: ctx.principal.role });

export type Response<S extends RouteSchemas> = z.output<S['response']>;

interface RouteBase<S extends RouteSchemas> {
  /** Unique; also the operation's name in OpenAPI and in generated clients. */
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Fastify's form: `/people/:personId`. */
  readonly url: string;
  readonly tag: Tag;
  readonly summary: string;
  readonly description?: string;
  readonly status: 200 | 201;
  readonly schemas: S;
  /** Limited per client address (sign-in). */
  readonly rateLimited?: boolean;
  /** Left out of the OpenAPI document (the document's own route). */
  readonly hidden?: boolean;
  /**
   * Send the handler's value with `JSON.stringify` instead of encoding it through the
   * response schema again. For hot routes whose handler builds every field explicitly: the
   * compiler has already checked that value against the schema's output type, and the
   * schema's second pass (refinements re-run on values the server made) was a measurable
   * share of each request. The schema still documents the response.
   */
  readonly plainSerializer?: boolean;
}

export interface PublicRoute<S extends RouteSchemas> extends RouteBase<S> {
  readonly access: PublicAccess;
  handler(input: RouteInput<S>, ctx: RouteContext): Promise<Response<S>>;
}

export interface UserRoute<S extends RouteSchemas> extends RouteBase<S> {
  readonly access: RoleAccess;
  handler(input: RouteInput<S>, ctx: UserContext): Promise<Response<S>>;
}

/** A file sent as it is (not JSON), with the name it is saved under. */
export interface Download {
  readonly body: string | Uint8Array;
  readonly filename: string;
}

export const DOWNLOAD_TYPES = ['text/csv', 'application/pdf'] as const;
export type DownloadType = (typeof DOWNLOAD_TYPES)[number];

/**
 * A route that answers with a file. `schemas.response` describes the file for the OpenAPI
 * document (a string of that media type); the handler's bytes are sent unserialised.
 */
export interface DownloadRoute<S extends RouteSchemas> extends RouteBase<S> {
  readonly access: RoleAccess;
  readonly produces: DownloadType;
  handler(input: RouteInput<S>, ctx: UserContext): Promise<Download>;
}

export type ApiRoute<S extends RouteSchemas = RouteSchemas> = PublicRoute<S> | UserRoute<S> | DownloadRoute<S>;

/** Declares a route anyone may call. */
export const publicRoute = <S extends RouteSchemas>(route: PublicRoute<S>): PublicRoute<S> => route;

/** Declares a route for signed-in users of the given roles. */
export const userRoute = <S extends RouteSchemas>(route: UserRoute<S>): UserRoute<S> => route;

/** Declares a route for signed-in users of the given roles that answers with a file. */
export const downloadRoute = <S extends RouteSchemas>(route: DownloadRoute<S>): DownloadRoute<S> => route;

/** `/people/:personId/facts` → `/people/{personId}/facts`, as OpenAPI writes paths. */
export const openApiPath = (url: string): string => url.replace(/:([A-Za-z]+)/g, '{$1}');
