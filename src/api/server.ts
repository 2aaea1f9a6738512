/**
 * The HTTP API: Fastify with zod schemas, an OpenAPI 3.1 document generated from those
 * same schemas, deny-by-default access control, RFC 9457 problems for every refusal, and
 * structured logs that carry ids, never personal data or secrets.
 *
 * `buildServer(services, config)` only assembles: the composition root (src/main/server.ts)
 * makes the services and the config, and decides when to listen and when to close. Given
 * `web`, it also serves the built web UI (web/) at `/`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifySchema,
} from 'fastify';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { ROLE_DUTIES, ROLES } from '../domain/access.js';
import type { Principal } from '../domain/identity.js';
import { installAccessControl, sessionSecret } from './access-control.js';
import { SESSION_COOKIE } from './auth/secrets.js';
import type { ApiConfig } from './config.js';
import { securityHeaders } from './security-headers.js';
import { ApiProblem, mapError, PROBLEM_MEDIA_TYPE, ProblemSchema, sendProblem } from './problem.js';
import type {
  ApiRoute,
  DownloadRoute,
  RouteContext,
  RouteInput,
  RouteSchemas,
  SessionCookie,
  UserRoute,
} from './route.js';
import { PUBLIC, TAGS } from './route.js';
import { ROUTE_LIST } from './routes/index.js';
import { API_SCHEMAS } from './schemas/registry.js';
import type { ApiServices } from './services.js';

export const DOCS_PREFIX = '/docs';

/** An incoming request id is kept (to follow a request across services) only if it is a plain token. */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

const DESCRIPTION = [
  'Facts, removability decisions and their reasons, for agencies, counsel and oversight.',
  '',
  'Authenticate with a personal API token (`Authorization: Bearer rpt_…`, create one with `POST /tokens`) or, in a browser, the session cookie set by `POST /sessions`.',
  'Each operation lists the roles it admits (`x-roles`); every other role is refused with 403, and a request without valid credentials with 401.',
  '',
  'Roles:',
  ...ROLES.map((role) => `- **${role}**: ${ROLE_DUTIES[role]}`),
  '',
  'Every refusal is an RFC 9457 problem (`application/problem+json`) with a stable `type`; invalid requests list each field at fault in `errors`.',
].join('\n');

const PROBLEM_RESPONSE = {
  description: 'A problem (RFC 9457)',
  content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } },
};

function rolesText(route: ApiRoute): string {
  if (route.access.kind === 'public') return 'Public: no credentials needed.';
  const masked =
    route.access.personalData === true
      ? ' Personal data is masked for planners, and for auditors unless they give a reason.'
      : '';
  return `Roles: ${route.access.roles.join(', ')}.${masked}`;
}

const isDownloadRoute = <S extends RouteSchemas>(route: ApiRoute<S>): route is DownloadRoute<S> =>
  'produces' in route;
const isUserRoute = <S extends RouteSchemas>(route: ApiRoute<S>): route is UserRoute<S> =>
  route.access.kind === 'roles' && !('produces' in route);

const plainJson = (data: unknown): string => JSON.stringify(data);

/** Whether the text parses as JSON: asked only of a body Fastify's parser refused. */
function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `attachment; filename="…"`, with anything but a plain file name replaced: the name is built from ids. */
const attachment = (filename: string): string =>
  `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

interface CookieOptions {
  readonly httpOnly: true;
  readonly sameSite: 'strict';
  readonly path: '/';
  readonly secure: boolean | 'auto';
}

const cookieOptions = (config: ApiConfig): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  path: '/',
  secure: config.cookieSecure === 'auto' ? 'auto' : config.cookieSecure === 'always',
});

/**
 * The session cookie of one request. A class rather than an object of closures: every
 * request gets one and few use it, so it should cost one small allocation.
 */
class RequestSessionCookie implements SessionCookie {
  constructor(
    private readonly request: FastifyRequest,
    private readonly reply: FastifyReply,
    private readonly options: CookieOptions,
  ) {}

  read(): string | undefined {
    return sessionSecret(this.request);
  }

  set(secret: string, expiresAt: number): void {
    void this.reply.setCookie(SESSION_COOKIE, secret, { ...this.options, expires: new Date(expiresAt) });
  }

  clear(): void {
    void this.reply.clearCookie(SESSION_COOKIE, this.options);
  }
}

function registerRoute(
  app: FastifyInstance,
  route: ApiRoute,
  services: ApiServices,
  config: ApiConfig,
): void {
  const { schemas, access } = route;
  const cookies = cookieOptions(config);
  const openApiDocument = (): Readonly<Record<string, unknown>> =>
    app.swagger() as unknown as Readonly<Record<string, unknown>>;
  // Built once per request with the principal already checked, so that a route for roles
  // gets a `UserContext` without copying the context to narrow its type.
  const contextOf = <P extends Principal | undefined>(
    request: FastifyRequest,
    reply: FastifyReply,
    principal: P,
  ): RouteContext & { readonly principal: P } => ({
    services,
    config,
    requestId: request.id,
    now: services.clock(),
    principal,
    sessionCookie: new RequestSessionCookie(request, reply, cookies),
    log: request.log,
    openApiDocument,
  });
  // OpenAPI extensions (`x-…`) ride along in the schema; Fastify's type does not list them.
  const schema: FastifySchema & Record<`x-${string}`, unknown> = {
    operationId: route.operationId,
    summary: route.summary,
    description: [route.description, rolesText(route)].filter((t) => t !== undefined).join('\n\n'),
    tags: [route.tag],
    ...(schemas.params === undefined ? {} : { params: schemas.params }),
    ...(schemas.query === undefined ? {} : { querystring: schemas.query }),
    ...(schemas.body === undefined ? {} : { body: schemas.body }),
    response: {
      [route.status]: isDownloadRoute(route)
        ? { description: 'The file', content: { [route.produces]: { schema: schemas.response } } }
        : schemas.response,
      '4xx': PROBLEM_RESPONSE,
      '5xx': PROBLEM_RESPONSE,
    },
    security: access.kind === 'public' ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
    'x-roles': access.kind === 'public' ? ['public'] : [...access.roles],
    ...(access.kind === 'roles' && access.personalData === true ? { 'x-personal-data': true } : {}),
    ...(route.hidden === true ? { hide: true } : {}),
  };
  app.route({
    method: route.method,
    url: route.url,
    schema,
    ...(route.plainSerializer === true ? { serializerCompiler: () => plainJson } : {}),
    config: {
      access,
      ...(route.rateLimited === true
        ? {
            rateLimit: {
              max: config.loginRateLimit.max,
              timeWindow: config.loginRateLimit.windowSeconds * 1000,
            },
          }
        : {}),
    },
    handler: async (request, reply) => {
      const principal = request.principal;
      // The schemas have validated and parsed each part: their output types are what arrived.
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
      } as RouteInput<RouteSchemas>;
      let result: unknown;
      if (isDownloadRoute(route)) {
        if (principal === undefined) throw new ApiProblem('unauthenticated');
        const file = await route.handler(input, contextOf(request, reply, principal));
        // A Buffer is sent as it is: no serialiser touches it.
        return reply
          .code(route.status)
          .type(route.produces)
          .header('content-disposition', attachment(file.filename))
          .send(typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : Buffer.from(file.body));
      }
      if (isUserRoute(route)) {
        // The access hook has run: a route for roles never gets here without a principal.
        if (principal === undefined) throw new ApiProblem('unauthenticated');
        result = await route.handler(input, contextOf(request, reply, principal));
      } else {
        result = await route.handler(input, contextOf(request, reply, principal));
      }
      return reply.code(route.status).send(result);
    },
  });
}

/** Where the built web UI lies: `index.html` and its hashed `assets/`. */
export interface WebUi {
  readonly root: string;
}

/**
 * The policy for the web UI's pages, looser than the API's `default-src 'none'` by exactly
 * what the bundle needs: its own scripts, styles, fonts and images (USWDS draws icons as
 * data: URIs), and calls to this same origin. Inline styles are allowed because the chart
 * library writes its tooltips as HTML with style attributes; inline scripts never are.
 */
const WEB_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A year: asset names carry a hash of their content, so a changed file is a new name. */
const ASSET_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Serves the web UI: its assets by name, `/` and every other browser navigation that no API
 * route answers with `index.html`, so that a page of the UI can be reloaded or bookmarked.
 * API routes keep precedence: a path the API declares is never shadowed, and a client that
 * does not ask for HTML still gets the API's 404 problem. Returns whether a request was
 * answered with the page.
 */
async function mountWebUi(
  app: FastifyInstance,
  web: WebUi,
): Promise<(request: FastifyRequest, reply: FastifyReply) => boolean> {
  // `serve: false`: only `reply.sendFile`; the routes are declared here, each with its access.
  await app.register(fastifyStatic, { root: web.root, serve: false });
  const sendPage = (reply: FastifyReply): FastifyReply =>
    reply
      .header('content-security-policy', WEB_CSP)
      // The page names the current assets: it is checked again on every visit.
      .sendFile('index.html', { cacheControl: false })
      .header('cache-control', 'no-cache');
  app.get('/', { config: { access: PUBLIC }, schema: { hide: true } }, (_request, reply) => sendPage(reply));
  app.get(
    '/assets/*',
    { config: { access: PUBLIC }, schema: { hide: true } },
    (request: FastifyRequest<{ Params: { '*': string } }>, reply) =>
      reply
        .header('content-security-policy', WEB_CSP)
        .sendFile(`assets/${request.params['*']}`, { maxAge: ASSET_MAX_AGE_MS, immutable: true }),
  );
  return (request, reply) => {
    const accept = request.headers.accept ?? '';
    if (request.method !== 'GET' || !accept.includes('text/html')) return false;
    void sendPage(reply);
    return true;
  };
}

/** Assembles the server; the caller listens (or injects) and closes it. */
export async function buildServer(
  services: ApiServices,
  config: ApiConfig,
  web?: WebUi,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      stream: services.logDestination,
      // Nothing logs request headers, but should a future line do so, credentials stay out.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
    },
    // One line per request, written below with the route's pattern, not its raw URL.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIdOf,
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    // Every route is declared; HEAD copies of GET routes would be routes no one declared.
    exposeHeadRoutes: false,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: (error, request, reply) => {
      void sendProblem(reply, mapError(error, request));
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a cross-site form (text/plain, urlencoded, multipart) then never reaches a
  // route, which with SameSite=Strict cookies keeps other sites from acting in a session.
  app.removeContentTypeParser('text/plain');
  // Fastify refuses a `__proto__` key, or a `constructor` key holding `prototype` (prototype
  // poisoning), with the same error as text that is not JSON at all. Its parser is kept and
  // the two told apart on failure only, so that the problem can say which one it was.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // `parseAs: 'string'` gives text; the declared type also allows a Buffer.
    const text = typeof body === 'string' ? body : body.toString('utf8');
    void parseJson(request, text, (error: Error | null, value?: unknown) => {
      if (error !== null && isJsonText(text)) {
        done(
          new ApiProblem(
            'malformed-request',
            'The body is JSON, but holds a "__proto__" key or a "constructor" key with "prototype" inside; such keys are refused.',
          ),
          undefined,
        );
        return;
      }
      done(error, value);
    });
  });

  app.setErrorHandler((error, request, reply) => {
    const mapped = mapError(error, request);
    if (mapped.internal) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, mapped);
  });
  let sendWebPage: ((request: FastifyRequest, reply: FastifyReply) => boolean) | undefined;
  app.setNotFoundHandler((request, reply) =>
    sendWebPage?.(request, reply) === true
      ? reply
      : sendProblem(
          reply,
          mapError(
            new ApiProblem('not-found', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`),
            request,
          ),
        ),
  );

  // The headers a JSON API needs (OWASP REST Security): no framing, no sniffing, HTTPS only,
  // no referrer, same-origin reads, and no caching of responses that may hold personal data.
  // Helmet's headers for HTML documents (DNS prefetch, download options, cross-domain
  // policies, XSS auditor, agent clusters, opener policy) are left out, since each header
  // costs every response; the documentation pages get their own CSP from @fastify/swagger-ui.
  // No upgrade-insecure-requests: the demo is plain HTTP on loopback; behind TLS, HSTS does it.
  const security = {
    ...(await securityHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
      crossOriginOpenerPolicy: false,
      originAgentCluster: false,
      xDnsPrefetchControl: false,
      xDownloadOptions: false,
      xPermittedCrossDomainPolicies: false,
      xXssProtection: false,
      xFrameOptions: { action: 'deny' },
    })),
    'cache-control': 'no-store',
  };
  // Under load the server works in batches without waiting for them: the requests read in
  // one poll of the sockets each run up to their first read of the store, the people they
  // ask for are read together in one statement on the next turn (store/person-reader.ts),
  // and each answer is then written as soon as it is made. Measured with the decision route
  // under load, in server CPU per request: 288 µs taking each request alone from read to
  // write; 221 µs when each request also waited a turn before its work and another before
  // its answer; about 200 µs with the reads batched as well; about 160 µs with the reads
  // batched and those two waits gone, since the reads now gather each batch.
  // Synchronous hooks take `done`: an async hook costs promise turns on every request.
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(security).header('x-request-id', request.id);
    done();
  });
  // Graceful shutdown: once closing, each response asks its client to close the connection,
  // so that a keep-alive connection whose request was in flight does not hold the server
  // open until the keep-alive timeout; idle connections are closed by Fastify itself.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        userId: request.principal?.userId ?? null,
      },
      'request',
    );
    done();
  });

  // Setting cookies only (sign-in, sign-out); reading is done where needed (`sessionSecret`).
  await app.register(cookie, { hook: false });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ApiProblem('too-many-requests', `Try again in ${context.after}`),
  });
  installAccessControl(app, services, [DOCS_PREFIX]);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Repatria API', version: config.version, description: DESCRIPTION },
      tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
      components: {
        securitySchemes: {
          bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token (rpt_…)' },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'Set by POST /sessions',
          },
        },
      },
    },
    transform: createJsonSchemaTransform({ schemaRegistry: API_SCHEMAS, skipList: [] }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: API_SCHEMAS }),
  });
  if (config.docs) {
    await app.register(swaggerUi, {
      routePrefix: DOCS_PREFIX,
      staticCSP: true,
      transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
    });
  }

  for (const route of ROUTE_LIST) registerRoute(app, route, services, config);
  if (web !== undefined) sendWebPage = await mountWebUi(app, web);
  return app;
}
