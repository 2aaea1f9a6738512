/**
 * A server over a real store for the API tests: SQLite in a temp file or PostgreSQL in a
 * fresh schema, a small deterministic demo population with profiles, one account per role,
 * cheap argon2, and the log captured line by line.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { digest, newSecret, newToken, SESSION_COOKIE } from '../../src/api/auth/secrets.js';
import { parseApiConfig, type ApiConfig } from '../../src/api/config.js';
import { buildServer } from '../../src/api/server.js';
import type { PopulationLocation } from '../../src/api/population.js';
import type { ApiServices, StatisticsService } from '../../src/api/services.js';
import { demoPeople, demoProgram } from '../../src/demo/population.js';
import { demoProfile } from '../../src/demo/profiles.js';
import { ROLES, type Role } from '../../src/domain/access.js';
import type { User } from '../../src/domain/identity.js';
import { builtinProgram } from '../../src/reference/builtin-program.js';
import { makeServices } from '../../src/main/server.js';
import { openStore, type OpenedStore } from '../../src/store/open-store.js';

export const SEED_ACTOR = { id: 'test-seed', role: 'admin' } as const;
/** Cheap enough for hundreds of sign-ins in a test run. */
export const TEST_ARGON2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;
export const PASSWORD = 'correct horse battery staple';

export type Dialect = 'sqlite' | 'postgres';

/** Where each store opened by a factory lives, for the population engine (which reads the store itself). */
const LOCATIONS = new WeakMap<OpenedStore, PopulationLocation>();

/** Opens empty stores and removes them afterwards. */
export class StoreFactory {
  private readonly tmp = mkdtempSync(join(tmpdir(), 'repatria-api-'));
  private readonly schemas: string[] = [];
  private admin: pg.Pool | undefined;
  private opened = 0;

  constructor(private readonly databaseUrl?: string) {}

  async open(dialect: Dialect): Promise<OpenedStore> {
    this.opened += 1;
    if (dialect === 'sqlite') {
      const dbPath = join(this.tmp, `api-${this.opened}.db`);
      const store = await openStore({ dbPath });
      LOCATIONS.set(store, { dbPath });
      return store;
    }
    if (this.databaseUrl === undefined) throw new Error('No PostgreSQL URL given');
    this.admin ??= new pg.Pool({ connectionString: this.databaseUrl, max: 1 });
    const schema = `api_${process.pid}_${this.opened}`;
    await this.admin.query(`create schema ${schema}`);
    this.schemas.push(schema);
    const url = new URL(this.databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const store = await openStore({ databaseUrl: url.toString(), dbPath: '' });
    LOCATIONS.set(store, { dbPath: '', databaseUrl: url.toString() });
    return store;
  }

  async cleanUp(): Promise<void> {
    for (const schema of this.schemas) await this.admin?.query(`drop schema ${schema} cascade`);
    await this.admin?.end();
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

/** The shipped reference designations, the demo programme and `people` demo people with profiles. */
export async function seedDemo(store: OpenedStore, people: number, services: ApiServices): Promise<void> {
  await store.recordProgramFacts([...builtinProgram(), ...demoProgram()], SEED_ACTOR);
  for (const batch of demoPeople({ people, seed: 1 }, 1000)) {
    await store.addPeople(batch, SEED_ACTOR);
    await services.profiles.addProfiles(
      batch.map((p) => demoProfile(p.id, 1)),
      SEED_ACTOR,
    );
  }
}

export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: OpenedStore;
  readonly services: ApiServices;
  /** One account per role, named after it, with PASSWORD. */
  readonly users: Readonly<Record<Role, User>>;
  /** Every log line written so far, parsed. */
  readonly logLines: () => Record<string, unknown>[];
  readonly logText: () => string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly people?: number;
  readonly config?: Partial<Record<keyof ApiConfig, unknown>>;
  readonly statistics?: StatisticsService;
}

export async function testServer(store: OpenedStore, options: TestServerOptions = {}): Promise<TestServer> {
  const lines: string[] = [];
  const location = LOCATIONS.get(store);
  if (location === undefined) throw new Error('Open test stores with StoreFactory');
  const services = makeServices(store, {
    location,
    env: {},
    argon2Cost: TEST_ARGON2,
    logDestination: { write: (line) => void lines.push(line) },
    ...(options.statistics === undefined ? {} : { statistics: options.statistics }),
  });
  await seedDemo(store, options.people ?? 20, services);
  const hash = await services.passwords.hash(PASSWORD);
  const users = {} as Record<Role, User>;
  for (const role of ROLES) {
    users[role] = await services.identity.createUser(
      { id: randomUUID(), username: role, displayName: `Test ${role}`, role, passwordHash: hash },
      SEED_ACTOR,
    );
  }
  const config = parseApiConfig({
    logLevel: 'info',
    loginRateLimit: { max: 100_000, windowSeconds: 60 },
    ...options.config,
  });
  const app = await buildServer(services, config);
  await app.ready();
  return {
    app,
    store,
    services,
    users,
    logLines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    logText: () => lines.join(''),
    close: async () => {
      await app.close();
      services.close();
      await store.close();
    },
  };
}

export type Credentials =
  { readonly kind: 'none' } | { readonly kind: 'token' | 'session'; readonly role: Role };

/** Fresh credentials of the role's account: a new API token or a new session. */
export async function headersFor(
  server: TestServer,
  credentials: Credentials,
): Promise<Record<string, string>> {
  if (credentials.kind === 'none') return {};
  const user = server.users[credentials.role];
  const actor = { id: user.id, role: user.role };
  const now = Date.now();
  if (credentials.kind === 'token') {
    const { token, secretHash, prefix } = newToken(randomBytes);
    await server.services.identity.createToken(
      { id: randomUUID(), userId: user.id, name: 'test', prefix, secretHash, expiresAt: now + 3_600_000 },
      actor,
    );
    return { authorization: `Bearer ${token}` };
  }
  const secret = newSecret(randomBytes);
  await server.services.identity.startSession(
    { secretHash: digest(secret), userId: user.id, expiresAt: now + 3_600_000 },
    actor,
  );
  return { cookie: `${SESSION_COOKIE}=${secret}` };
}

const TABLES = [
  'people',
  'person_facts',
  'program_facts',
  'fact_retractions',
  'events',
  'users',
  'user_passwords',
  'user_disablements',
  'sessions',
  'session_ends',
  'api_tokens',
  'api_token_revocations',
  'person_profiles',
  'access_events',
  'flights',
  'manifests',
  'manifest_events',
  'notice_servings',
  'outbox',
  'audit_log',
  'audit_heads',
] as const;

/** Row counts of every table: equal snapshots mean nothing was stored in between. */
export async function snapshot(store: OpenedStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      store.kysely,
    );
    out[table] = Number(rows[0]?.n ?? -1);
  }
  return out;
}

export const PROBLEM_TYPE = /^application\/problem\+json/;

/** The JSON body of a response, as an object. */
export const json = (response: LightMyRequestResponse): Record<string, unknown> =>
  JSON.parse(response.body) as Record<string, unknown>;

/**
 * A server over a new SQLite store for the tests of one file: started before them, handed to
 * `ready` for the file's own setup (credentials), then closed and its store removed after them.
 */
export function serveForFile(ready: (server: TestServer) => void | Promise<void>, options: TestServerOptions = {}): void {
  const stores = new StoreFactory();
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await testServer(await stores.open('sqlite'), options);
    await ready(server);
  });
  afterAll(async () => {
    await server?.close();
    await stores.cleanUp();
  });
}
