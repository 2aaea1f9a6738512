/**
 * Who may do what. Roles and the actions each admits, enforced in the application layer so
 * that the CLI and the API obey the same rules. Deny by default: an action not listed for a
 * role is refused.
 */
export const ROLES = ['officer', 'planner', 'legal', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'person.read',
  'person.read_unmasked',
  'fact.record',
  'fact.retract',
  'court_order.record', // stays, appeals with stay, protections, class orders
  'program.record',
  'decision.read',
  'sweep.read',
  'flight.manage',
  'plan.create',
  'manifest.read',
  'manifest.draft', // create, fill, submit for review
  'manifest.review', // legal review: pass or send back
  'manifest.approve',
  'manifest.strike',
  'manifest.board', // the departure check
  'manifest.depart',
  'manifest.arrive',
  'manifest.close',
  'manifest.cancel',
  'notice.serve',
  'audit.read',
  'audit.verify',
  'user.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: readonly Action[] = ['person.read', 'decision.read', 'sweep.read', 'manifest.read'];

/** The actions of each role. The auditor reads everything and changes nothing. */
export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  officer: [...READ, 'person.read_unmasked', 'fact.record', 'fact.retract', 'notice.serve', 'manifest.depart', 'manifest.arrive'],
  planner: [...READ, 'flight.manage', 'plan.create', 'manifest.draft', 'manifest.strike', 'manifest.cancel'],
  legal: [...READ, 'person.read_unmasked', 'court_order.record', 'fact.retract', 'manifest.review', 'manifest.strike'],
  supervisor: [
    ...READ,
    'person.read_unmasked',
    'manifest.approve',
    'manifest.strike',
    'manifest.board',
    'manifest.depart',
    'manifest.arrive',
    'manifest.close',
    'manifest.cancel',
    'audit.read',
    'audit.verify',
  ],
  auditor: [...READ, 'audit.read', 'audit.verify'],
  admin: [...ACTIONS],
};

export const isRole = (text: string): text is Role => (ROLES as readonly string[]).includes(text);

export const may = (role: Role, action: Action): boolean => PERMISSIONS[role].includes(action);

/** The roles that admit an action, for route declarations and messages. */
export const rolesFor = (action: Action): Role[] => ROLES.filter((r) => may(r, action));

/** Person facts that only the legal role (or admin) records: they can stop a removal. */
export const COURT_ORDER_FACT_TYPES = ['stay', 'appeal', 'protection'] as const;
