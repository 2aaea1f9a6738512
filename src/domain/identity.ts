/**
 * Accounts, credentials, profiles and the access log, stated as ports. The store implements
 * them beside the facts (src/store/identity-store.ts); the API and the CLI use them.
 *
 * Nothing here holds a secret in the clear: passwords arrive already hashed (argon2) and
 * session and token secrets as SHA-256 digests, so that a copy of the database lets no one
 * sign in. Like facts, these records are insert-only: ending a session, revoking a token,
 * disabling an account or changing a password each adds a row.
 */
import type { Instant } from './dates.js';
import type { Role } from './access.js';
import type { Actor } from './ports.js';
import type { PeopleSearch, PersonProfile } from './profile.js';

/** Who acts, and in answer to which request (to find it in the server's logs). */
export interface AuditActor extends Actor {
  readonly requestId?: string | null | undefined;
}

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly createdAt: Instant;
  /** When the account was disabled; it can then no longer sign in or use its tokens. */
  readonly disabledAt: Instant | null;
}

/** Who is making a request, and with which credential. */
export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly via: 'session' | 'token';
  /** The session's digest or the token's id: which credential to end on sign-out. */
  readonly credentialId: string;
  readonly expiresAt: Instant;
}

export interface TokenInfo {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  /** The first characters of the token, to recognise it in a list. */
  readonly prefix: string;
  readonly createdAt: Instant;
  readonly expiresAt: Instant;
  readonly revokedAt: Instant | null;
}

export interface NewUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
}

export interface NewToken {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly prefix: string;
  readonly secretHash: string;
  readonly expiresAt: Instant;
}

export interface IdentityStore {
  /** CONFLICT when the username is taken. */
  createUser(user: NewUser, actor: AuditActor): Promise<User>;
  /** Records a new password hash for the user (the latest wins). NOT_FOUND if no such user. */
  setPassword(userId: string, passwordHash: string, actor: AuditActor): Promise<void>;
  /** NOT_FOUND if no such user, CONFLICT if already disabled. Ends every session and token of theirs. */
  disableUser(userId: string, reason: string, actor: AuditActor): Promise<User>;
  getUser(userId: string): Promise<User | undefined>;
  /** The user and the current password hash, for signing in. */
  findLogin(username: string): Promise<{ readonly user: User; readonly passwordHash: string } | undefined>;
  listUsers(): Promise<User[]>;

  startSession(
    session: { readonly secretHash: string; readonly userId: string; readonly expiresAt: Instant },
    actor: AuditActor,
  ): Promise<void>;
  /** Ends a session (sign-out); ending one already ended changes nothing. */
  endSession(secretHash: string, reason: string, actor: AuditActor): Promise<void>;
  /** The principal of a live session of an enabled account, at `now`. */
  sessionPrincipal(secretHash: string, now: Instant): Promise<Principal | undefined>;

  createToken(token: NewToken, actor: AuditActor): Promise<TokenInfo>;
  /** NOT_FOUND if no such token; revoking one already revoked changes nothing. */
  revokeToken(tokenId: string, actor: AuditActor): Promise<TokenInfo>;
  getToken(tokenId: string): Promise<TokenInfo | undefined>;
  /** Every token of one user, or of everyone when `userId` is undefined, newest first. */
  listTokens(userId: string | undefined): Promise<TokenInfo[]>;
  /** The principal of a live, unrevoked token of an enabled account, at `now`. */
  tokenPrincipal(secretHash: string, now: Instant): Promise<Principal | undefined>;
}

export interface ProfileStore {
  /** Records a new version of a person's profile; NOT_FOUND if the person is not stored. */
  recordProfile(
    profile: Omit<PersonProfile, 'version' | 'recordedAt'>,
    actor: AuditActor,
  ): Promise<PersonProfile>;
  /**
   * Refuses (throws) a profile `recordProfile` would refuse for what it says (a date of birth
   * after today, another person's A-number), without writing: for a caller that must check
   * before it writes something else first.
   */
  checkProfile(profile: Omit<PersonProfile, 'version' | 'recordedAt'>): Promise<void>;
  /** The latest version of each of the people's profiles that has one. */
  latestProfiles(personIds: readonly string[]): Promise<Map<string, PersonProfile>>;
  /** Ids of stored people in id order, after `after` (exclusive), at most `limit`. */
  personIds(after: string | undefined, limit: number): Promise<string[]>;
  /**
   * As `personIds`, only the people whose current profile answers the search: INVALID_INPUT
   * for an A-number that is none, or a name search without a letter or digit.
   */
  findPeople(search: PeopleSearch, after: string | undefined, limit: number): Promise<string[]>;
  /** Adds the first version of many profiles at once (demo and import); people must exist. */
  addProfiles(
    profiles: readonly Omit<PersonProfile, 'version' | 'recordedAt'>[],
    actor: AuditActor,
  ): Promise<number>;
}

export const ACCESS_EVENT_KINDS = [
  'signed_in',
  'signed_out',
  'user_created',
  'user_disabled',
  'password_set',
  'token_created',
  'token_revoked',
  'profile_recorded',
  'personal_data_read',
  'personal_data_search',
] as const;
export type AccessEventKind = (typeof ACCESS_EVENT_KINDS)[number];

/** One entry of the access log: who did what to which account, or read whose personal data. */
export interface AccessEvent {
  readonly seq: number;
  readonly at: Instant;
  readonly actor: string;
  readonly role: string;
  readonly kind: AccessEventKind;
  readonly subjectType: 'user' | 'token' | 'session' | 'person';
  /** For a read of several people, the first; `details.personIds` lists them all. */
  readonly subjectId: string;
  /** The request that caused it, to find it in the server's logs. */
  readonly requestId: string | null;
  /** JSON; ids and reasons only, never personal data or secrets. */
  readonly details: string;
}

export interface AccessLog {
  append(
    event: Omit<AccessEvent, 'seq' | 'at' | 'details'> & {
      readonly details: Readonly<Record<string, unknown>>;
    },
  ): Promise<void>;
  /** Entries after `afterSeq` in order, at most `limit`. */
  list(afterSeq: number, limit: number): Promise<AccessEvent[]>;
}
