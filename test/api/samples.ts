/**
 * One valid request for every route of the table, made for the role that will send it, so
 * that an admitted role succeeds. Typed by operation id: a route added to the table without
 * a sample here does not compile, so the matrix and the fuzzing always cover every route.
 *
 * Samples that consume what they touch (retracting a fact, revoking a token, disabling an
 * account) first make a fresh one.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { newToken } from '../../src/api/auth/secrets.js';
import type { OperationId } from '../../src/api/routes/index.js';
import { mayRecord, mayRetract, type Role } from '../../src/domain/access.js';
import {
  PERSON_FACT_TYPES,
  PROGRAM_FACT_TYPES,
  type PersonFactType,
  type ProgramFactType,
} from '../../src/domain/facts.js';
import { parsePersonFact, parseProgramFact } from '../../src/contract/fact-schema.js';
import { PASSWORD, SEED_ACTOR, type TestServer } from './harness.js';

export interface SampleRequest {
  /** Path and query string. */
  readonly url: string;
  readonly payload?: Record<string, unknown>;
}

export interface SampleContext {
  readonly server: TestServer;
  /** The caller's role; undefined without credentials. */
  readonly role: Role | undefined;
}

export const PERSON = 'P0000001';
export const ON = '2025-04-20';
export const KNOWN_AT = '2025-06-01T00:00:00Z';

/** A valid fact of each type, in the wire form, without id. */
export const PERSON_FACT_TEMPLATES: Readonly<Record<PersonFactType, Record<string, unknown>>> = {
  nationality: { type: 'nationality', country: 'XA' },
  final_order: { type: 'final_order', kind: 'removal', from: '2024-01-01' },
  appeal: { type: 'appeal', stay: true, from: '2025-01-01', through: '2025-03-31' },
  stay: { type: 'stay', from: '2025-01-01', through: '2025-12-31' },
  tps: { type: 'tps', designation: 'VE-2021', from: '2021-03-09' },
  protection: { type: 'protection', kind: 'withholding', country: 'XA', from: '2020-01-01' },
  lawful_status: { type: 'lawful_status', kind: 'parole', from: '2023-01-01', through: '2024-01-01' },
  citizenship_claim: {
    type: 'citizenship_claim',
    country: 'US',
    from: '2025-01-01',
    resolution: 'rejected',
    resolvedOn: '2025-02-01',
  },
  travel_document: { type: 'travel_document', country: 'XA', from: '2025-01-01', through: '2026-01-01' },
  hold: { type: 'hold', kind: 'medical', from: '2025-01-01', through: '2025-01-31' },
  custody: { type: 'custody', facility: 'Test facility', from: '2025-01-01' },
  notice: { type: 'notice', servedOn: '2025-01-02', counsel: true },
  family: { type: 'family', group: 'G-test' },
};

export const PROGRAM_FACT_TEMPLATES: Readonly<Record<ProgramFactType, Record<string, unknown>>> = {
  tps_designation: {
    type: 'tps_designation',
    designation: 'XA-2020',
    country: 'XA',
    from: '2020-01-01',
    citation: 'test',
  },
  class_order: {
    type: 'class_order',
    criteria: { nationality: ['XA'] },
    from: '2025-01-01',
    citation: 'test',
  },
  return_agreement: {
    type: 'return_agreement',
    country: 'XA',
    from: '2020-01-01',
    requiresTravelDocument: false,
    transport: 'receiving',
  },
};

const unique = (): string => randomUUID().slice(0, 8);

/** A type the role may record (any, for a role that may record none: it is refused first). */
const personTypeFor = (role: Role | undefined): PersonFactType =>
  PERSON_FACT_TYPES.find((t) => role !== undefined && mayRecord(role, t)) ?? 'hold';
const programTypeFor = (role: Role | undefined): ProgramFactType =>
  PROGRAM_FACT_TYPES.find((t) => role !== undefined && mayRecord(role, t)) ?? 'class_order';

/** A fact recorded straight in the store a second ago, ready to be retracted. */
async function storedPersonFact(server: TestServer, type: PersonFactType): Promise<string> {
  const id = `ret-${unique()}`;
  const parsed = parsePersonFact({
    ...PERSON_FACT_TEMPLATES[type],
    id,
    recordedAt: new Date(Date.now() - 1000).toISOString(),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  await server.store.recordPersonFacts(PERSON, [parsed.value], SEED_ACTOR);
  return id;
}

async function storedProgramFact(server: TestServer, type: ProgramFactType): Promise<string> {
  const id = `ret-${unique()}`;
  const parsed = parseProgramFact({
    ...PROGRAM_FACT_TEMPLATES[type],
    id,
    recordedAt: new Date(Date.now() - 1000).toISOString(),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  await server.store.recordProgramFacts([parsed.value], SEED_ACTOR);
  return id;
}

/** The destination of the manifest fixtures: a country no other sample touches. */
const FIXTURE_COUNTRY = 'XQ';
const FIXTURE_ACTOR = { id: SEED_ACTOR.id, role: SEED_ACTOR.role } as const;
const DAY_MS = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Per server: the return agreement the fixtures need, recorded once. */
const agreements = new WeakMap<TestServer, Promise<void>>();

function fixtureAgreement(server: TestServer): Promise<void> {
  let done = agreements.get(server);
  if (done === undefined) {
    const parsed = parseProgramFact({
      id: `ra-${FIXTURE_COUNTRY}`,
      type: 'return_agreement',
      country: FIXTURE_COUNTRY,
      from: '2020-01-01',
      requiresTravelDocument: false,
      transport: 'receiving',
      recordedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    done = server.store.recordProgramFacts([parsed.value], SEED_ACTOR).then(() => undefined);
    agreements.set(server, done);
  }
  return done;
}

/** A person who may take a fixture flight: a national under a final order, in custody, served with notice. */
export async function eligiblePerson(server: TestServer): Promise<string> {
  await fixtureAgreement(server);
  const id = `E${unique()}`;
  const recordedAt = new Date(Date.now() - 1000).toISOString();
  const raw = [
    { type: 'nationality', country: FIXTURE_COUNTRY },
    { type: 'final_order', kind: 'removal', from: '2024-01-01' },
    { type: 'custody', facility: 'Fixture facility', from: '2024-01-01' },
    { type: 'notice', servedOn: '2024-01-02', counsel: true },
  ];
  const facts = raw.map((f, i) => {
    const parsed = parsePersonFact({ ...f, id: `${id}-f${i}`, recordedAt });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return parsed.value;
  });
  await server.store.addPeople([{ id, facts }], SEED_ACTOR);
  return id;
}

/** A fresh flight to the fixture country a month from now. */
async function fixtureFlight(server: TestServer): Promise<string> {
  const id = `FL${unique()}`;
  await server.services.operations.registerFlight(FIXTURE_ACTOR, {
    id,
    date: Math.floor(Date.now() / DAY_MS) + 30,
    origin: 'AAA',
    destination: 'XQA',
    originCountry: 'US',
    destinationCountry: FIXTURE_COUNTRY,
    seats: 50,
  });
  return id;
}

/** `arrived`: no one's arrival confirmed yet; `confirmed`: everyone's, so that it may be closed. */
const STAGES = [
  'draft',
  'in_review',
  'cleared',
  'approved',
  'boarding',
  'departed',
  'arrived',
  'confirmed',
] as const;
type Stage = (typeof STAGES)[number];

/** A fresh manifest with one eligible person on it, taken to `stage`. */
export async function manifestAt(
  server: TestServer,
  stage: Stage,
): Promise<{ manifestId: string; personId: string }> {
  const ops = server.services.operations;
  const flightId = await fixtureFlight(server);
  const personId = await eligiblePerson(server);
  const { manifest } = await ops.createManifest(FIXTURE_ACTOR, { flightId });
  const id = manifest.id;
  await ops.command(FIXTURE_ACTOR, id, { type: 'add', personIds: [personId] });
  const steps: Record<Exclude<Stage, 'draft'>, () => Promise<unknown>> = {
    in_review: () => ops.command(FIXTURE_ACTOR, id, { type: 'submit' }),
    cleared: () => ops.command(FIXTURE_ACTOR, id, { type: 'review', outcome: 'cleared' }),
    approved: () => ops.command(FIXTURE_ACTOR, id, { type: 'approve' }),
    boarding: () => ops.command(FIXTURE_ACTOR, id, { type: 'board' }),
    departed: () => ops.command(FIXTURE_ACTOR, id, { type: 'depart', notBoarded: [] }),
    arrived: () =>
      ops.command(FIXTURE_ACTOR, id, {
        type: 'arrive',
        reference: 'R-1',
        confirmations: stage === 'confirmed' ? [{ personId, outcome: 'accepted' }] : [],
      }),
    confirmed: () => Promise.resolve(),
  };
  for (const s of STAGES.slice(1, STAGES.indexOf(stage) + 1)) await steps[s as Exclude<Stage, 'draft'>]();
  return { manifestId: id, personId };
}

const manifestUrl = async (server: TestServer, stage: Stage, path: string): Promise<string> =>
  `/manifests/${(await manifestAt(server, stage)).manifestId}${path}`;

export const SAMPLES: Readonly<Record<OperationId, (ctx: SampleContext) => Promise<SampleRequest>>> = {
  getHealth: () => Promise.resolve({ url: '/health' }),
  getInfo: () => Promise.resolve({ url: '/info' }),
  getOpenApi: () => Promise.resolve({ url: '/openapi.json' }),
  signIn: () => Promise.resolve({ url: '/sessions', payload: { username: 'officer', password: PASSWORD } }),
  getCurrentSession: () => Promise.resolve({ url: '/sessions/current' }),
  signOut: () => Promise.resolve({ url: '/sessions/current' }),
  listTokens: () => Promise.resolve({ url: '/tokens' }),
  createToken: () => Promise.resolve({ url: '/tokens', payload: { name: 'matrix', expiresInDays: 7 } }),
  async revokeToken({ server, role }) {
    const owner = server.users[role ?? 'officer'];
    const { secretHash, prefix } = newToken(randomBytes);
    const token = await server.services.identity.createToken(
      {
        id: randomUUID(),
        userId: owner.id,
        name: 'to revoke',
        prefix,
        secretHash,
        expiresAt: Date.now() + 60_000,
      },
      SEED_ACTOR,
    );
    return { url: `/tokens/${token.id}` };
  },
  listUsers: () => Promise.resolve({ url: '/users' }),
  createUser: () =>
    Promise.resolve({
      url: '/users',
      payload: { username: `u${unique()}`, displayName: 'New user', role: 'officer', password: PASSWORD },
    }),
  async disableUser({ server }) {
    const user = await server.services.identity.createUser(
      {
        id: randomUUID(),
        username: `d${unique()}`,
        displayName: 'To disable',
        role: 'planner',
        passwordHash: 'x',
      },
      SEED_ACTOR,
    );
    return { url: `/users/${user.id}/disable`, payload: { reason: 'left the agency' } };
  },
  listPeople: () => Promise.resolve({ url: '/people?limit=5' }),
  createPerson: () =>
    Promise.resolve({
      url: '/people',
      payload: {
        id: `T${unique()}`,
        facts: [{ id: `n-${unique()}`, type: 'nationality', country: 'MX' }],
        // An A-number identifies one person: each new person gets one of their own.
        profile: { name: 'Ana Test', dateOfBirth: '1990-02-03', aNumber: `A${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}` },
      },
    }),
  getPerson: () => Promise.resolve({ url: `/people/${PERSON}` }),
  recordProfile: () =>
    Promise.resolve({
      url: '/people/P0000002/profile',
      payload: { name: 'Jose Test', dateOfBirth: '1980-01-01', aNumber: 'A12345678' },
    }),
  listPersonFacts: () => Promise.resolve({ url: `/people/${PERSON}/facts?knownAt=${KNOWN_AT}` }),
  recordPersonFacts: ({ role }) =>
    Promise.resolve({
      url: `/people/${PERSON}/facts`,
      payload: { facts: [{ ...PERSON_FACT_TEMPLATES[personTypeFor(role)], id: `f-${unique()}` }] },
    }),
  async retractPersonFact({ server, role }) {
    const type = PERSON_FACT_TYPES.find((t) => role !== undefined && mayRetract(role, t)) ?? 'hold';
    const id = await storedPersonFact(server, type);
    return { url: `/people/${PERSON}/facts/${id}/retraction`, payload: { reason: 'recorded in error' } };
  },
  getDecision: () => Promise.resolve({ url: `/people/${PERSON}/decision?on=${ON}&knownAt=${KNOWN_AT}` }),
  listProgramFacts: () => Promise.resolve({ url: `/program-facts?knownAt=${KNOWN_AT}&type=class_order` }),
  recordProgramFacts: ({ role }) =>
    Promise.resolve({
      url: '/program-facts',
      payload: { facts: [{ ...PROGRAM_FACT_TEMPLATES[programTypeFor(role)], id: `g-${unique()}` }] },
    }),
  async retractProgramFact({ server, role }) {
    const type = PROGRAM_FACT_TYPES.find((t) => role !== undefined && mayRetract(role, t)) ?? 'class_order';
    const id = await storedProgramFact(server, type);
    return {
      url: `/program-facts/${encodeURIComponent(id)}/retraction`,
      payload: { reason: 'recorded in error' },
    };
  },
  getRemovabilityStatistics: () =>
    Promise.resolve({ url: `/statistics/removability?on=${ON}&knownAt=${KNOWN_AT}` }),
  listEvents: () => Promise.resolve({ url: '/audit/events?limit=5' }),
  listAccessEvents: () => Promise.resolve({ url: '/audit/access?limit=5' }),
  listAuditEntries: () => Promise.resolve({ url: '/audit/entries?limit=5&what=manifest' }),
  verifyAuditChain: () => Promise.resolve({ url: '/audit/verify' }),
  getSweep: () => Promise.resolve({ url: `/sweep?on=${ON}&knownAt=${KNOWN_AT}` }),
  getTimeline: () =>
    Promise.resolve({ url: `/timeline?from=${ON}&to=2025-05-20&knownAt=${KNOWN_AT}&by=country` }),
  async listFlights({ server }) {
    await fixtureFlight(server);
    return { url: `/flights?destinationCountry=${FIXTURE_COUNTRY}&limit=5` };
  },
  getFlight: async ({ server }) => ({ url: `/flights/${await fixtureFlight(server)}` }),
  registerFlight: () =>
    Promise.resolve({
      url: '/flights',
      payload: {
        id: `FL${unique()}`,
        date: isoDay(Date.now() + 40 * DAY_MS),
        origin: 'IAH',
        destination: 'XQA',
        originCountry: 'US',
        destinationCountry: FIXTURE_COUNTRY,
        seats: 20,
      },
    }),
  async listManifests({ server }) {
    await manifestAt(server, 'draft');
    return { url: '/manifests?state=draft&limit=5' };
  },
  getManifest: async ({ server }) => ({ url: await manifestUrl(server, 'approved', '') }),
  async listPersonManifests({ server }) {
    const { personId } = await manifestAt(server, 'approved');
    return { url: `/people/${personId}/manifests` };
  },
  createManifest: async ({ server }) => ({
    url: '/manifests',
    payload: { flightId: await fixtureFlight(server) },
  }),
  async addManifestPeople({ server }) {
    const { manifestId } = await manifestAt(server, 'draft');
    return { url: `/manifests/${manifestId}/people`, payload: { personIds: [await eligiblePerson(server)] } };
  },
  async strikeManifestPerson({ server }) {
    const { manifestId, personId } = await manifestAt(server, 'approved');
    return {
      url: `/manifests/${manifestId}/strikes`,
      payload: { personId, code: 'WITHDRAWN', reason: 'withdrawn by the matrix' },
    };
  },
  submitManifest: async ({ server }) => ({ url: await manifestUrl(server, 'draft', '/submit'), payload: {} }),
  reviewManifest: async ({ server }) => ({
    url: await manifestUrl(server, 'in_review', '/review'),
    payload: { outcome: 'cleared' },
  }),
  approveManifest: async ({ server }) => ({
    url: await manifestUrl(server, 'cleared', '/approve'),
    payload: {},
  }),
  boardManifest: async ({ server }) => ({
    url: await manifestUrl(server, 'approved', '/board'),
    payload: {},
  }),
  departManifest: async ({ server }) => ({
    url: await manifestUrl(server, 'boarding', '/depart'),
    payload: { notBoarded: [] },
  }),
  async arriveManifest({ server }) {
    const { manifestId, personId } = await manifestAt(server, 'departed');
    return {
      url: `/manifests/${manifestId}/arrive`,
      payload: { reference: 'ARR-1', confirmations: [{ personId, outcome: 'accepted' }] },
    };
  },
  async confirmArrivals({ server }) {
    const { manifestId, personId } = await manifestAt(server, 'arrived');
    return {
      url: `/manifests/${manifestId}/confirmations`,
      payload: { reference: 'ARR-2', confirmations: [{ personId, outcome: 'refused' }] },
    };
  },
  recordInboundPassenger: async ({ server }) => ({
    url: await manifestUrl(server, 'departed', '/inbound'),
    payload: { passengerId: `IN-${unique()}`, citizenship: 'US' },
  }),
  closeManifest: async ({ server }) => ({
    url: await manifestUrl(server, 'confirmed', '/close'),
    payload: {},
  }),
  cancelManifest: async ({ server }) => ({
    url: await manifestUrl(server, 'draft', '/cancel'),
    payload: { reason: 'flight withdrawn' },
  }),
  downloadManifestCsv: async ({ server }) => ({ url: await manifestUrl(server, 'approved', '/export.csv') }),
  downloadManifestPdf: async ({ server }) => ({ url: await manifestUrl(server, 'approved', '/export.pdf') }),
  serveNotice: async ({ server }) => ({
    url: `/people/${await eligiblePerson(server)}/notices`,
    payload: { servedOn: '2025-01-10', to: ['person', 'counsel'], language: 'es', method: 'in_person' },
  }),
  async recordCourtOrder({ server }) {
    const { personId } = await manifestAt(server, 'approved');
    return {
      url: `/people/${personId}/court-orders`,
      payload: { type: 'stay', from: '2025-01-01' },
    };
  },
  // A window with no flights: the plan is empty and nothing is saved, whoever asks.
  createPlan: () => Promise.resolve({ url: '/plans', payload: { from: '2031-01-06', to: '2031-01-12' } }),
  recordClassOrder: () =>
    Promise.resolve({
      url: '/class-orders',
      payload: { criteria: { nationality: ['XZ'] }, citation: 'Test v. Matrix', from: '2025-01-01' },
    }),
};
