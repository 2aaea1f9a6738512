/**
 * Composition root of the API server: reads the configuration once (flags over environment,
 * checked with zod, frozen), opens the store, builds the services and the server, listens,
 * and closes everything in order on shutdown — in-flight requests first, the store last.
 */
import { returnsKnownAt } from '../application/returns.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { z } from 'zod';
import { ApiConfigSchema, LOG_LEVELS } from '../api/config.js';
import { argon2Hasher, type Argon2Cost, SERVER_ARGON2_COST } from '../api/auth/passwords.js';
import { cachedPrincipals } from '../api/auth/principal-cache.js';
import { cachedProgram } from '../api/program-cache.js';
import { buildServer, DOCS_PREFIX, type WebUi } from '../api/server.js';
import type { ApiServices, PasswordHasher, StatisticsService } from '../api/services.js';
import { sweepStatistics, type PopulationLocation } from '../api/population.js';
import { populationThread } from '../api/population-thread.js';
import { registeredFacilities } from '../application/class-order-input.js';
import { operationsConfig } from '../application/config.js';
import { network } from '../application/network.js';
import { operations } from '../application/operations.js';
import { planFromStore } from '../application/planning.js';
import { airportsByCode } from '../planner/airport-data.js';
import { loadSolver } from '../planner/highs-solver.js';
import { operationsStore } from '../store/operations-store.js';
import { ROLES, type Role } from '../domain/access.js';
import type { IdentityStore } from '../domain/identity.js';
import { KyselyIdentityStore } from '../store/identity-store.js';
import { PreparedPersonReader } from '../store/person-reader.js';
import { openStore, type OpenedStore } from '../store/open-store.js';
import { stdoutLines } from './log-lines.js';
import type { FastifyInstance } from 'fastify';

export const DEFAULT_PORT = 8080;
export const DEFAULT_DB = './repatria.db';

export const ServerConfigSchema = z.strictObject({
  /** Loopback unless told otherwise: exposing the API is a decision, not a default. */
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65_535).default(DEFAULT_PORT),
  dbPath: z.string().min(1).default(DEFAULT_DB),
  databaseUrl: z.string().optional(),
  /** Create (or give new passwords to) one account per role and print their sign-ins. */
  demoUsers: z.boolean().default(false),
  api: ApiConfigSchema.default(ApiConfigSchema.parse({})),
  /** The built web UI to serve at `/`; default: the package's own build, when there is one. */
  webRoot: z.string().min(1).optional(),
});

export type ServerConfig = Readonly<z.output<typeof ServerConfigSchema>>;

/** What `repatria serve` was given on its command line. */
export interface ServeFlags {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly db?: string | undefined;
  readonly demoUsers?: boolean | undefined;
}

const integerText = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform((text) => Number(text));
const booleanText = z.enum(['true', 'false', '1', '0']).transform((text) => text === 'true' || text === '1');

/** Environment variables the server reads, each optional. */
const EnvSchema = z.object({
  DATABASE_URL: z.string().optional(),
  REPATRIA_HOST: z.string().optional(),
  REPATRIA_PORT: integerText.optional(),
  REPATRIA_DB: z.string().optional(),
  REPATRIA_LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  REPATRIA_TRUST_PROXY: booleanText.optional(),
  REPATRIA_COOKIE_SECURE: z.enum(['auto', 'always', 'never']).optional(),
  REPATRIA_SESSION_TTL_MINUTES: integerText.optional(),
  REPATRIA_DOCS: booleanText.optional(),
  REPATRIA_CREDENTIAL_CACHE_MS: integerText.optional(),
});

function packageVersion(): string {
  // dist/main/server.js and src/main/server.ts both sit two levels below the package root.
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const parsed = z.object({ version: z.string() }).safeParse(JSON.parse(text));
  return parsed.success ? parsed.data.version : '0.0.0';
}

const defined = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * The configuration from flags over environment, checked once and frozen. Throws a
 * ZodError naming every bad value.
 */
export function serverConfig(
  flags: ServeFlags,
  env: Readonly<Record<string, string | undefined>>,
): ServerConfig {
  const e = EnvSchema.parse(env);
  const config = ServerConfigSchema.parse(
    defined({
      host: flags.host ?? e.REPATRIA_HOST,
      port: flags.port === undefined ? e.REPATRIA_PORT : integerText.parse(flags.port),
      dbPath: flags.db ?? e.REPATRIA_DB,
      databaseUrl: e.DATABASE_URL === '' ? undefined : e.DATABASE_URL,
      demoUsers: flags.demoUsers,
      api: defined({
        version: packageVersion(),
        logLevel: e.REPATRIA_LOG_LEVEL,
        trustProxy: e.REPATRIA_TRUST_PROXY,
        cookieSecure: e.REPATRIA_COOKIE_SECURE,
        sessionTtlMinutes: e.REPATRIA_SESSION_TTL_MINUTES,
        docs: e.REPATRIA_DOCS,
        credentialCacheMs: e.REPATRIA_CREDENTIAL_CACHE_MS,
      }),
    }),
  );
  return Object.freeze({ ...config, api: Object.freeze(config.api) });
}

/**
 * The web UI `npm run build` writes (dist/web), found from this file: dist/main/server.js
 * and src/main/server.ts both sit two levels below the package root. Without a build the
 * server is the API alone.
 */
export function builtWebUi(webRoot?: string): WebUi | undefined {
  const root = webRoot ?? fileURLToPath(new URL('../../dist/web/', import.meta.url));
  return existsSync(join(root, 'index.html')) ? { root } : undefined;
}

export interface ServiceOptions {
  readonly clock?: () => number;
  readonly logDestination?: { write(line: string): void };
  readonly argon2Cost?: Argon2Cost;
  readonly statistics?: StatisticsService;
  readonly passwords?: PasswordHasher;
  /** See `ApiConfig.credentialCacheMs`; default 1000. */
  readonly credentialCacheMs?: number;
  /** Where the population engine reads the store (the one `store` was opened from). */
  readonly location: PopulationLocation;
  /** The environment, for the application services' settings (notice days). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The API's services over an opened store, and a `close` for the read connections they opened (not the store). */
export function makeServices(store: OpenedStore, options: ServiceOptions): ApiServices & { close(): void } {
  const clock = options.clock ?? Date.now;
  const identity = new KyselyIdentityStore(store, clock);
  const people = new PreparedPersonReader(store);
  const program = cachedProgram({
    lastSeq: () => people.lastSeq(),
    programFacts: () => store.programFacts(),
  });
  const opsStore = operationsStore(store);
  // On a thread of its own: a load or a sweep of millions of facts must not hold up other requests.
  const population = populationThread(options.location, () => people.lastSeq(), (knownAt) =>
    returnsKnownAt(opsStore, knownAt),
  );
  const opsConfig = operationsConfig(options.env ?? process.env);
  const ops = operations({ store: opsStore, clock, newId: randomUUID, config: opsConfig });
  return {
    facts: store,
    people,
    program,
    identity: cachedPrincipals(identity, options.credentialCacheMs ?? 1000),
    profiles: identity,
    accessLog: identity,
    statistics: options.statistics ?? sweepStatistics(population),
    operations: ops,
    network: network({ store: opsStore, operations: ops, clock, newId: randomUUID, airports: airportsByCode }),
    registeredFacilities: () => registeredFacilities(opsStore),
    plans: (actor, window) =>
      planFromStore(
        { store: opsStore, operations: ops, clock, config: opsConfig, solver: loadSolver },
        actor,
        window,
      ),
    population,
    passwords: options.passwords ?? argon2Hasher(options.argon2Cost ?? SERVER_ARGON2_COST),
    clock,
    randomBytes,
    logDestination: options.logDestination ?? stdoutLines(),
    ping: async () => {
      await sql`select 1`.execute(store.kysely);
      return true;
    },
    close: () => {
      people.close();
      identity.close();
      void population.close();
    },
  };
}

export interface DemoSignIn {
  readonly role: Role;
  readonly username: string;
  readonly password: string;
}

/**
 * One account per role, named after it, each with a fresh random password (a new password
 * version when the account exists already), for the demo only.
 */
export async function ensureDemoUsers(
  identity: IdentityStore,
  passwords: PasswordHasher,
): Promise<DemoSignIn[]> {
  const actor = { id: 'demo', role: 'admin' };
  const existing = new Map((await identity.listUsers()).map((u) => [u.username, u]));
  const out: DemoSignIn[] = [];
  for (const role of ROLES) {
    const password = randomBytes(12).toString('base64url');
    const hash = await passwords.hash(password);
    const user = existing.get(role);
    if (user === undefined) {
      await identity.createUser(
        { id: randomUUID(), username: role, displayName: `Demo ${role}`, role, passwordHash: hash },
        actor,
      );
    } else {
      await identity.setPassword(user.id, hash, actor);
    }
    out.push({ role, username: role, password });
  }
  return out;
}

export interface RunningServer {
  readonly url: string;
  /** Whether the web UI is served at `/`. */
  readonly webUi: boolean;
  readonly app: FastifyInstance;
  readonly config: ServerConfig;
  readonly demoSignIns: readonly DemoSignIn[];
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

export async function startServer(
  config: ServerConfig,
  options: Partial<ServiceOptions> = {},
): Promise<RunningServer> {
  const store = await openStore({
    dbPath: config.dbPath,
    databaseUrl: config.databaseUrl,
    clock: options.clock,
  });
  let app: FastifyInstance | undefined;
  const services = makeServices(store, {
    credentialCacheMs: config.api.credentialCacheMs,
    location: { dbPath: config.dbPath, databaseUrl: config.databaseUrl },
    ...options,
  });
  try {
    const demoSignIns = config.demoUsers ? await ensureDemoUsers(services.identity, services.passwords) : [];
    const web = builtWebUi(config.webRoot);
    app = await buildServer(services, config.api, web);
    const address = await app.listen({ host: config.host, port: config.port });
    const running = app;
    let closing: Promise<void> | undefined;
    return {
      url: address,
      webUi: web !== undefined,
      app: running,
      config,
      demoSignIns,
      close: () =>
        (closing ??= (async () => {
          try {
            await running.close();
          } finally {
            services.close();
            await store.close();
          }
        })()),
    };
  } catch (error) {
    await app?.close();
    services.close();
    await store.close();
    throw error;
  }
}

export { DOCS_PREFIX };
