/**
 * The route table: every route of the API, by operation id. The server registers these and
 * nothing else; the OpenAPI document and the tests' role × route matrix are read from here.
 * A new resource is one more declaration in its own file, listed below.
 */
import type { ApiRoute } from '../route.js';
import { listAccessEvents, listAuditEntries, listEvents, verifyAuditChain } from './audit.js';
import { getFlight, listFlights, registerFlight } from './flights.js';
import {
  addManifestPeople,
  approveManifest,
  arriveManifest,
  boardManifest,
  cancelManifest,
  closeManifest,
  confirmArrivals,
  createManifest,
  departManifest,
  downloadManifestCsv,
  downloadManifestPdf,
  getManifest,
  listManifests,
  listPersonManifests,
  recordInboundPassenger,
  reviewManifest,
  strikeManifestPerson,
  submitManifest,
} from './manifests.js';
import { recordClassOrder, recordCourtOrder, serveNotice } from './orders.js';
import { createPlan } from './plans.js';
import { getSweep, getTimeline } from './population.js';
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
  getSweep,
  getTimeline,
  listFlights,
  getFlight,
  registerFlight,
  listManifests,
  getManifest,
  listPersonManifests,
  createManifest,
  addManifestPeople,
  strikeManifestPerson,
  submitManifest,
  reviewManifest,
  approveManifest,
  boardManifest,
  departManifest,
  arriveManifest,
  confirmArrivals,
  recordInboundPassenger,
  closeManifest,
  cancelManifest,
  downloadManifestCsv,
  downloadManifestPdf,
  createPlan,
  serveNotice,
  recordCourtOrder,
  recordClassOrder,
  listEvents,
  listAccessEvents,
  listAuditEntries,
  verifyAuditChain,
} as const;

export type OperationId = keyof typeof API_ROUTES;

export const ROUTE_LIST: readonly ApiRoute[] = Object.values(API_ROUTES);
