/**
 * Kysely types of the tables of migration 0003 (accounts, credentials, profiles, access log).
 * Every column is written once and never changed (`Immutable`), as in `schema.ts`.
 */
import type { ColumnType } from 'kysely';

type Immutable<T> = ColumnType<T, T, never>;

export interface UsersTable {
  readonly id: Immutable<string>;
  readonly username: Immutable<string>;
  readonly display_name: Immutable<string>;
  readonly role: Immutable<string>;
  readonly created_at: Immutable<number>;
  readonly created_by: Immutable<string>;
}

export interface UserPasswordsTable {
  readonly user_id: Immutable<string>;
  readonly version: Immutable<number>;
  readonly hash: Immutable<string>;
  readonly set_at: Immutable<number>;
  readonly set_by: Immutable<string>;
}

export interface UserDisablementsTable {
  readonly user_id: Immutable<string>;
  readonly disabled_at: Immutable<number>;
  readonly disabled_by: Immutable<string>;
  readonly reason: Immutable<string>;
}

export interface SessionsTable {
  readonly secret_hash: Immutable<string>;
  readonly user_id: Immutable<string>;
  readonly created_at: Immutable<number>;
  readonly expires_at: Immutable<number>;
}

export interface SessionEndsTable {
  readonly secret_hash: Immutable<string>;
  readonly ended_at: Immutable<number>;
  readonly reason: Immutable<string>;
}

export interface ApiTokensTable {
  readonly id: Immutable<string>;
  readonly user_id: Immutable<string>;
  readonly name: Immutable<string>;
  readonly prefix: Immutable<string>;
  readonly secret_hash: Immutable<string>;
  readonly created_at: Immutable<number>;
  readonly created_by: Immutable<string>;
  readonly expires_at: Immutable<number>;
}

export interface ApiTokenRevocationsTable {
  readonly token_id: Immutable<string>;
  readonly revoked_at: Immutable<number>;
  readonly revoked_by: Immutable<string>;
}

export interface PersonProfilesTable {
  readonly person_id: Immutable<string>;
  readonly version: Immutable<number>;
  readonly name: Immutable<string>;
  /** Day number. */
  readonly date_of_birth: Immutable<number | null>;
  readonly a_number: Immutable<string | null>;
  readonly recorded_at: Immutable<number>;
  readonly recorded_by: Immutable<string>;
}

/** Each word of each profile version's name (migration 0008): a copy for finding people by name. */
export interface ProfileNameWordsTable {
  readonly word: Immutable<string>;
  readonly person_id: Immutable<string>;
  readonly version: Immutable<number>;
}

export interface AccessEventsTable {
  /** Given by the database (autoincrement / identity). */
  readonly seq: ColumnType<number, never, never>;
  readonly at: Immutable<number>;
  readonly actor: Immutable<string>;
  readonly role: Immutable<string>;
  readonly kind: Immutable<string>;
  readonly subject_type: Immutable<string>;
  readonly subject_id: Immutable<string>;
  readonly request_id: Immutable<string | null>;
  /** JSON. */
  readonly details: Immutable<string>;
}

/** The tables of migration 0003, added to the store's `Database` with `withTables`. */
// A type alias, not an interface: `withTables` wants an index-signature-compatible record.
export type IdentityTables = {
  readonly users: UsersTable;
  readonly user_passwords: UserPasswordsTable;
  readonly user_disablements: UserDisablementsTable;
  readonly sessions: SessionsTable;
  readonly session_ends: SessionEndsTable;
  readonly api_tokens: ApiTokensTable;
  readonly api_token_revocations: ApiTokenRevocationsTable;
  readonly person_profiles: PersonProfilesTable;
  readonly profile_name_words: ProfileNameWordsTable;
  readonly access_events: AccessEventsTable;
};
