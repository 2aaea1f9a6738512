/**
 * The one role check of the application layer, shared by the CLI and the API: `may(role,
 * action)` from src/domain/roles.ts, with a refusal that names the role, the action and the
 * roles that may take it.
 */
import { RepatriaError } from '../domain/errors.js';
import { isRole, may, rolesFor, ROLES, type Action, type Role } from '../domain/roles.js';

/** The acting user and the role they act in. */
export interface Acting {
  readonly id: string;
  readonly role: Role;
}

/** What each action lets a role do, for messages: "may not <words>". */
const ACTION_WORDS: Readonly<Record<Action, string>> = {
  'person.read': 'read people',
  'person.read_unmasked': 'read unmasked personal data',
  'fact.record': 'record facts',
  'fact.retract': 'retract facts',
  'court_order.record': 'record court orders, stays, appeals with stay or protections',
  'program.record': 'record programme facts',
  'decision.read': 'read decisions',
  'sweep.read': 'read population sweeps',
  'flight.manage': 'register flights',
  'plan.create': 'create plans',
  'manifest.read': 'read manifests',
  'manifest.draft': 'draft manifests (create, add people, submit for review)',
  'manifest.review': 'review manifests',
  'manifest.approve': 'approve manifests',
  'manifest.strike': 'strike people from manifests',
  'manifest.board': 'start boarding (the departure check)',
  'manifest.depart': 'record departures',
  'manifest.arrive': 'record arrivals and return-leg passengers',
  'manifest.close': 'close manifests',
  'manifest.cancel': 'cancel manifests',
  'notice.serve': 'serve notices of intended removal',
  'audit.read': 'read the audit log',
  'audit.verify': 'verify the audit log',
  'user.manage': 'manage users',
};

const orList = (words: readonly string[]): string =>
  words.length <= 1 ? (words[0] ?? 'no role') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;

/** The acting user, once the role is known to be one of ours. */
export function acting(id: string, role: string): Acting {
  if (id.trim() === '') throw new RepatriaError('INVALID_INPUT', 'Say who is acting (a user id).');
  if (!isRole(role))
    throw new RepatriaError('FORBIDDEN', `"${role}" is not a role; the roles are ${ROLES.join(', ')}.`);
  return { id, role };
}

/** Throws FORBIDDEN, saying why, unless the role admits the action. */
export function authorize(actor: Acting, action: Action): void {
  if (may(actor.role, action)) return;
  throw new RepatriaError(
    'FORBIDDEN',
    `The ${actor.role} role may not ${ACTION_WORDS[action]}; that is for the ${orList(rolesFor(action))} role${rolesFor(action).length > 1 ? 's' : ''}.`,
  );
}
