/**
 * The route table: every route of the API, by operation id. The server registers these and
 * nothing else; the OpenAPI document and the tests' role × route matrix are read from here.
 * A new resource is one more declaration in its own file, listed below.
 */
import type { ApiRoute } from '../route.js';
import { listAccessEvents, listEvents } from './audit.js';
import { getDecision } from './decisions.js';
import {
  createPerson,
  getPerson,
  listPeople,
  listPersonFacts,
  recordPersonFacts,
  recordProfile,
  retractPersonFact,
} from './people.js';
import { listProgramFacts, recordProgramFacts, retractProgramFact } from './program.js';
import { getCurrentSession, signIn, signOut } from './sessions.js';
import { getRemovabilityStatistics } from './statistics.js';
import { getHealth, getInfo, getOpenApi } from './system.js';
import { createToken, listTokens, revokeToken } from './tokens.js';
import { createUser, disableUser, listUsers } from './users.js';

export const API_ROUTES = {
  getHealth,
  getInfo,
  getOpenApi,
  signIn,
  getCurrentSession,
  signOut,
  listTokens,
  createToken,
  revokeToken,
  listUsers,
  createUser,
  disableUser,
  listPeople,
  createPerson,
  getPerson,
  recordProfile,
  listPersonFacts,
  recordPersonFacts,
  retractPersonFact,
  getDecision,
  listProgramFacts,
  recordProgramFacts,
  retractProgramFact,
  getRemovabilityStatistics,
  listEvents,
  listAccessEvents,
} as const;

export type OperationId = keyof typeof API_ROUTES;

export const ROUTE_LIST: readonly ApiRoute[] = Object.values(API_ROUTES);
