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
        profile: { name: 'Ana Test', dateOfBirth: '1990-02-03', aNumber: 'A123456789' },
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
};
