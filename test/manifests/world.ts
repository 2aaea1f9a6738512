/**
 * A store with people ready to fly, and the application services over it, on SQLite (a temp
 * file) or PostgreSQL (a fresh schema in the database the global setup provides).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { acting, type Acting } from '../../src/application/authorize.js';
import { operations, type Operations } from '../../src/application/operations.js';
import type { Instant } from '../../src/domain/dates.js';
import type { Person, PersonFact, ProgramFact } from '../../src/domain/facts.js';
import type { FlightInfo } from '../../src/domain/manifest/manifest.js';
import type { Role } from '../../src/domain/roles.js';
import { openStore, type OpenedStore } from '../../src/store/open-store.js';
import { operationsStore } from '../../src/store/operations-store.js';
import { at, d } from '../store/fact-factory.js';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

export const FLIGHT_DAY = d('2025-07-01');
/** The clock starts here and moves one second at every reading. */
export const START = at('2025-06-20T09:00:00Z');

export const flight = (id: string, seats: number): FlightInfo => ({
  id,
  date: FLIGHT_DAY,
  origin: 'IAH',
  destination: 'XAA',
  originCountry: 'US',
  destinationCountry: 'XA',
  seats,
});

/** A national of XA with a final order, in custody, served notice with counsel: free to fly on FLIGHT_DAY. */
export function readyPerson(id: string, extra: readonly PersonFact[] = [], facility = 'F1'): Person {
  const recordedAt = at('2025-01-01T00:00:00Z');
  return {
    id,
    facts: [
      { id: `${id}-nat`, type: 'nationality', country: 'XA', recordedAt },
      {
        id: `${id}-fo`,
        type: 'final_order',
        kind: 'removal',
        from: d('2024-02-01'),
        through: null,
        recordedAt,
      },
      { id: `${id}-cus`, type: 'custody', facility, from: d('2024-03-01'), through: null, recordedAt },
      { id: `${id}-not`, type: 'notice', servedOn: d('2025-06-01'), counsel: true, recordedAt },
      ...extra,
    ],
  };
}

export const AGREEMENT: ProgramFact = {
  id: 'ag-xa',
  type: 'return_agreement',
  country: 'XA',
  from: d('2020-01-01'),
  through: null,
  requiresTravelDocument: false,
  transport: 'receiving',
  recordedAt: at('2024-01-01T00:00:00Z'),
};

export const as = (role: Role, id = `${role}-1`): Acting => acting(id, role);

export interface World {
  readonly dialect: Dialect;
  readonly store: OpenedStore;
  readonly ops: Operations;
  /**
   * Another store and services on the same database, as another process would have: its own
   * connection pool (PostgreSQL, named `applicationName` in pg_stat_activity) or file handle.
   */
  connect(applicationName?: string): Promise<{ store: OpenedStore; ops: Operations }>;
  /** The SQLite file, or the PostgreSQL URL with this world's schema. */
  readonly location: string;
  /** Epoch ms the clock will give next. */
  now(): Instant;
  /** The clock's next reading will be `at` (then it moves on a second a reading). */
  setClock(at: Instant): void;
  close(): Promise<void>;
}

/** Made on first use, so that files importing only the factories leave nothing behind. */
let tmp: string | undefined;
const tmpDir = (): string => (tmp ??= mkdtempSync(join(tmpdir(), 'repatria-manifests-')));
let opened = 0;

function inSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** Opens a world; `people` are added with AGREEMENT before the services are handed out. */
export async function openWorld(
  dialect: Dialect,
  databaseUrl: string,
  people: readonly Person[] = [],
  noticeDays = 7,
  start = START,
): Promise<World> {
  let clock = start;
  const tick = (): Instant => (clock += 1000);
  let ids = 0;
  const newId = (): string => `id${String(++ids).padStart(6, '0')}-${process.pid}`;
  const config = { noticeDays };
  const n = ++opened;
  let connect: (applicationName?: string) => Promise<OpenedStore>;
  let location: string;
  let drop = async (): Promise<void> => {};
  if (dialect === 'sqlite') {
    const dbPath = join(tmpDir(), `world-${n}.db`);
    location = dbPath;
    connect = () => openStore({ dbPath, clock: tick });
  } else {
    const schema = `m_${process.pid}_${n}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = inSchema(databaseUrl, schema);
    location = url;
    connect = (applicationName) => {
      const named = new URL(url);
      if (applicationName !== undefined) named.searchParams.set('application_name', applicationName);
      return openStore({ databaseUrl: named.toString(), dbPath: '', clock: tick });
    };
    drop = async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  }
  const store = await connect();
  await store.recordProgramFacts([AGREEMENT], { id: 'loader', role: 'admin' });
  if (people.length > 0) await store.addPeople(people, { id: 'loader', role: 'admin' });
  const servicesOver = (s: OpenedStore): Operations =>
    operations({ store: operationsStore(s), clock: tick, newId, config });
  const extra: OpenedStore[] = [];
  return {
    dialect,
    store,
    ops: servicesOver(store),
    location,
    async connect(applicationName) {
      const s = await connect(applicationName);
      extra.push(s);
      return { store: s, ops: servicesOver(s) };
    },
    now: () => clock + 1000,
    setClock: (next) => {
      clock = next - 1000;
    },
    async close() {
      for (const s of extra) await s.close();
      await store.close();
      await drop();
    },
  };
}

export function removeTemp(): void {
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
}
