/**
 * What the API enforces about roles, derived from the one permission table
 * (`src/domain/roles.ts`, shared with the CLI and the manifest services): which facts each
 * role may record and retract, and how each role sees personal data. Pure data: the HTTP
 * API enforces it, tests read it to know what to expect.
 */
import type { PersonFactType, ProgramFactType } from './facts.js';
import { COURT_ORDER_FACT_TYPES, may, ROLES, rolesFor, type Action, type Role } from './roles.js';

export { isRole, ROLES, type Role } from './roles.js';

/** One line per role, for help texts and the API documentation. */
export const ROLE_DUTIES: Readonly<Record<Role, string>> = {
  officer:
    'records the facts of a case (nationality, orders, custody, documents, notices, holds) and serves notices',
  planner: 'registers flights, plans and drafts manifests; sees personal data masked',
  legal: 'records court orders, appeals, stays and protections, and reviews manifests',
  supervisor: 'approves manifests, runs departures and reads the audit logs',
  auditor: 'reads everything and changes nothing; personal data masked unless a reason is given',
  admin: 'manages accounts and may do anything, including recording programme facts',
};

type FactType = PersonFactType | ProgramFactType;

const COURT_ORDER_TYPES: ReadonlySet<string> = new Set<string>([...COURT_ORDER_FACT_TYPES, 'class_order']);

/**
 * The permission that recording a fact of this type takes: court orders, stays, appeals and
 * protections (and class-wide court orders) are legal's; TPS designations and return
 * agreements are programme facts; everything else is a case fact, the officer's.
 */
export function recordAction(type: FactType): Action {
  if (COURT_ORDER_TYPES.has(type)) return 'court_order.record';
  if (type === 'tps_designation' || type === 'return_agreement') return 'program.record';
  return 'fact.record';
}

export const mayRecord = (role: Role, type: FactType): boolean => may(role, recordAction(type));

/** A retraction needs the right to retract and the right to record that type of fact. */
export const mayRetract = (role: Role, type: FactType): boolean =>
  may(role, 'fact.retract') && mayRecord(role, type);

/** Roles that have any of the actions, in role order. */
export const rolesForAny = (...actions: readonly Action[]): Role[] =>
  ROLES.filter((role) => actions.some((a) => may(role, a)));

/** Roles that may record each type of fact, for messages and the tests. */
export const recordersOf = (type: FactType): Role[] => rolesFor(recordAction(type));
export const retractorsOf = (type: FactType): Role[] => ROLES.filter((role) => mayRetract(role, type));

/** Roles that may record a person's profile: whoever records case facts. */
export const PROFILE_RECORDERS: readonly Role[] = rolesFor('fact.record');

/**
 * How a role sees personal data (names, dates of birth, A-numbers):
 * - `unmasked`: in full (`person.read_unmasked`); every such read is written to the access log;
 * - `masked-unless-reason`: roles that read the audit log but not personal data (auditors):
 *   masked, unless the request states why it needs the full record, in which case it is
 *   unmasked and the read is logged with that reason (oversight must be able to check a
 *   record, and must say why each time);
 * - `masked`: initials, birth year and the last digits of the A-number, never more.
 */
export type PersonalDataView = 'unmasked' | 'masked' | 'masked-unless-reason';

export function personalDataView(role: Role): PersonalDataView {
  if (may(role, 'person.read_unmasked')) return 'unmasked';
  return may(role, 'audit.read') ? 'masked-unless-reason' : 'masked';
}
