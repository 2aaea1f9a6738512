/**
 * The parts of the domain the UI shares with the server: roles and their permissions,
 * blocker and planner sentences, fact kinds. These modules are pure data, so the UI shows exactly the
 * steps the server will allow, and reasons in the same words.
 */
export { mayRecord, mayRetract, personalDataView } from '../../src/domain/access.js';
export { BLOCKER_CODES, BLOCKER_SENTENCES, isBlockerCode } from '../../src/domain/blockers.js';
export type { BlockerCode } from '../../src/domain/blockers.js';
export {
  CLAIM_RESOLUTIONS,
  FINAL_ORDER_KINDS,
  HOLD_KINDS,
  PERSON_FACT_TYPES,
  PROTECTION_KINDS,
  TRANSPORT_SIDES,
} from '../../src/domain/facts.js';
export type { PersonFactType } from '../../src/domain/facts.js';
export { isRole, may, PERMISSIONS, ROLES } from '../../src/domain/roles.js';
export type { Action, Role } from '../../src/domain/roles.js';
export { ALLOWED_STATES, COMMAND_ACTIONS } from '../../src/domain/manifest/decide.js';
export { MANIFEST_STATES } from '../../src/domain/manifest/manifest.js';
export {
  ADMINISTRATIVE_CODES,
  STRIKE_SENTENCES,
  isStrikeCode,
} from '../../src/domain/manifest/strike-codes.js';
export type { StrikeCode } from '../../src/domain/manifest/strike-codes.js';
export { PLANNER_CODES, PLANNER_SENTENCES } from '../../src/planner/instance.js';
export type { PlannerCode } from '../../src/planner/instance.js';
