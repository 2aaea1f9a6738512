/**
 * Accounts, credentials, person profiles and the access log over the same Kysely store as
 * the facts (tables of migration 0003), for SQLite and PostgreSQL alike.
 *
 * Insert-only: ending a session, revoking a token, disabling an account and changing a
 * password each insert a row; the state in force is read through joins (a live session is
 * one with no `session_ends` row, a password the latest version). Every change to an account
 * or a profile writes its access event in the same transaction.
 */
import type { Insertable, Kysely } from 'kysely';
import { isRole } from '../domain/access.js';
import { dayOfInstant, formatDay } from '../domain/dates.js';
import { RepatriaError } from '../domain/errors.js';
import {
  ACCESS_EVENT_KINDS,
  type AccessEvent,
  type AccessLog,
  type AuditActor,
  type IdentityStore,
  type NewToken,
  type NewUser,
  type Principal,
  type ProfileStore,
  type TokenInfo,
  type User,
} from '../domain/identity.js';
import {
  aNumberForms,
  nameSearch,
  nameWords,
  type PeopleSearch,
  type PersonProfile,
} from '../domain/profile.js';
import { chunks } from './chunks.js';
import { nameWordRows } from './migrations/0008-profile-search.js';
import { readQueries, type PreparedQuery, type ReadQueries } from './prepared-query.js';
import type { AccessEventsTable, IdentityTables } from './identity-tables.js';
import type { OpenedStore } from './open-store.js';
import { perTurn } from './per-turn.js';
import type { Database } from './schema.js';

type Db = Kysely<Database & IdentityTables>;

/** What this adapter needs of the opened store. */
export type IdentityStoreConnection = Pick<OpenedStore, 'kysely' | 'native' | 'writeTransaction'>;

/** Ids per `in (…)` list: far below either dialect's parameter limit. */
const IDS_PER_QUERY = 500;
/** Profile rows per multi-row insert (7 columns: 7,000 parameters, inside SQLite's 32,766). */
const PROFILE_ROWS_PER_INSERT = 1000;

const KINDS: ReadonlySet<string> = new Set(ACCESS_EVENT_KINDS);

interface UserRow {
  readonly id: string;
  readonly username: string;
  readonly display_name: string;
  readonly role: string;
  readonly created_at: number;
  readonly disabled_at: number | null;
}

function userFromRow(row: UserRow): User {
  if (!isRole(row.role)) throw new Error(`User ${row.id} has the unknown role ${row.role}`);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

interface TokenRow {
  readonly id: string;
  readonly user_id: string;
  readonly name: string;
  readonly prefix: string;
  readonly created_at: number;
  readonly expires_at: number;
  readonly revoked_at: number | null;
}

const tokenFromRow = (row: TokenRow): TokenInfo => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

interface PrincipalRow {
  readonly credential: string;
  readonly id: string;
  readonly username: string;
  readonly role: string;
  readonly expires_at: number;
}

/** Placeholder values of the prepared credential lookups (see prepared-query.ts). */
const SECRET_MARKER = '\u0000secret';
const NOW_MARKER = -1.5;

/** What `recordProfile` refuses about a profile itself, checked in the writer's transaction or alone. */
async function refuseProfile(
  db: Db,
  profile: Omit<PersonProfile, 'version' | 'recordedAt'>,
  at: number,
): Promise<void> {
  // Nobody is born after the day their record is made.
  if (profile.dateOfBirth !== null && profile.dateOfBirth > dayOfInstant(at))
    throw new RepatriaError(
      'INVALID_INPUT',
      `Person ${profile.personId}: date of birth ${formatDay(profile.dateOfBirth)} is after today (${formatDay(dayOfInstant(at))})`,
    );
  // An A-number identifies one person: another person's current profile holding it (in either
  // of its written forms) is a mistake in one of the two records, to be resolved before either
  // is changed.
  const forms = profile.aNumber === null ? undefined : aNumberForms(profile.aNumber);
  if (forms !== undefined) {
    const holders = await currentProfiles(db)
      .select('p.person_id')
      .where('p.a_number', 'in', forms)
      .where('p.person_id', '!=', profile.personId)
      .execute();
    if (holders.length > 0)
      throw new RepatriaError(
        'CONFLICT',
        `Person ${profile.personId}: A-number ${profile.aNumber!} is already the A-number of person ${holders.map((h) => h.person_id).join(', ')}`,
      );
  }
}

/** Each person's latest profile version, as `p`: the one in force. */
const currentProfiles = (db: Db) =>
  db.selectFrom('person_profiles as p').where('p.version', '=', (eb) =>
    eb
      .selectFrom('person_profiles as q')
      .select((q) => q.fn.max('q.version').as('v'))
      .whereRef('q.person_id', '=', 'p.person_id'),
  );

/** Word rows per multi-row insert (3 columns). */
const WORD_ROWS_PER_INSERT = 2_000;

/** The words of profile versions just written, for the name search (migration 0008). */
async function insertNameWords(
  trx: Db,
  profiles: readonly { readonly personId: string; readonly version: number; readonly name: string }[],
): Promise<void> {
  for (const rows of chunks(nameWordRows(profiles), WORD_ROWS_PER_INSERT))
    await trx.insertInto('profile_name_words').values(rows).execute();
}

/** Entries per statement: eight values each, well within either database's parameter limit. */
const ACCESS_ROWS_PER_STATEMENT = 500;

export class KyselyIdentityStore implements IdentityStore, ProfileStore, AccessLog {
  private readonly db: Db;
  private readonly reads: ReadQueries;
  /** Every request's first read: prepared once, since building it costs more than running it. */
  private readonly tokenLookup: PreparedQuery<[string, number], PrincipalRow>;
  private readonly sessionLookup: PreparedQuery<[string, number], PrincipalRow>;
  /** Access-log entries appended this turn, written together on the next (`append`). */
  private readonly accessWrites = perTurn<Insertable<AccessEventsTable>, undefined>((rows) =>
    this.writeAccess(rows),
  );

  constructor(
    private readonly store: IdentityStoreConnection,
    private readonly clock: () => number,
  ) {
    const db = store.kysely.withTables<IdentityTables>();
    this.db = db;
    this.reads = readQueries({ kysely: db, native: store.native });
    this.tokenLookup = this.reads.prepare([SECRET_MARKER, NOW_MARKER] as [string, number], (hash, now) =>
      db
        .selectFrom('api_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .leftJoin('api_token_revocations as r', 'r.token_id', 't.id')
        .leftJoin('user_disablements as d', 'd.user_id', 'u.id')
        .select(['t.id as credential', 'u.id', 'u.username', 'u.role', 't.expires_at'])
        .where('t.secret_hash', '=', hash)
        .where('t.expires_at', '>', now)
        .where('r.token_id', 'is', null)
        .where('d.user_id', 'is', null),
    );
    this.sessionLookup = this.reads.prepare([SECRET_MARKER, NOW_MARKER] as [string, number], (hash, now) =>
      db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .leftJoin('session_ends as e', 'e.secret_hash', 's.secret_hash')
        .leftJoin('user_disablements as d', 'd.user_id', 'u.id')
        .select(['s.secret_hash as credential', 'u.id', 'u.username', 'u.role', 's.expires_at'])
        .where('s.secret_hash', '=', hash)
        .where('s.expires_at', '>', now)
        .where('e.secret_hash', 'is', null)
        .where('d.user_id', 'is', null),
    );
  }

  /** Closes the credential lookups' own connection (the store itself stays open). */
  close(): void {
    this.reads.close();
  }

  private write<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return this.store.writeTransaction((trx) => work(trx.withTables<IdentityTables>()));
  }

  private now(): number {
    const at = this.clock();
    if (!Number.isSafeInteger(at)) throw new Error(`The store's clock gave ${at}, not epoch milliseconds`);
    return at;
  }

  // ---------------------------------------------------------------- accounts

  async createUser(user: NewUser, actor: AuditActor): Promise<User> {
    const at = this.now();
    return this.write(async (trx) => {
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where('username', '=', user.username)
        .executeTakeFirst();
      if (taken !== undefined) throw new RepatriaError('CONFLICT', `The username ${user.username} is taken`);
      await trx
        .insertInto('users')
        .values({
          id: user.id,
          username: user.username,
          display_name: user.displayName,
          role: user.role,
          created_at: at,
          created_by: actor.id,
        })
        .execute();
      await trx
        .insertInto('user_passwords')
        .values({ user_id: user.id, version: 1, hash: user.passwordHash, set_at: at, set_by: actor.id })
        .execute();
      await appendAccess(trx, at, actor, 'user_created', 'user', user.id, { role: user.role });
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        createdAt: at,
        disabledAt: null,
      };
    });
  }

  async setPassword(userId: string, passwordHash: string, actor: AuditActor): Promise<void> {
    const at = this.now();
    await this.write(async (trx) => {
      const latest = await trx
        .selectFrom('users as u')
        .leftJoin('user_passwords as p', 'p.user_id', 'u.id')
        .select((eb) => eb.fn.max<number | null>('p.version').as('version'))
        .where('u.id', '=', userId)
        .groupBy('u.id')
        .executeTakeFirst();
      if (latest === undefined) throw new RepatriaError('NOT_FOUND', `No user ${userId}`);
      await trx
        .insertInto('user_passwords')
        .values({
          user_id: userId,
          version: (latest.version ?? 0) + 1,
          hash: passwordHash,
          set_at: at,
          set_by: actor.id,
        })
        .execute();
      await appendAccess(trx, at, actor, 'password_set', 'user', userId, {});
    });
  }

  async disableUser(userId: string, reason: string, actor: AuditActor): Promise<User> {
    const at = this.now();
    return this.write(async (trx) => {
      const user = await this.userQuery(trx).where('u.id', '=', userId).executeTakeFirst();
      if (user === undefined) throw new RepatriaError('NOT_FOUND', `No user ${userId}`);
      if (user.disabled_at !== null)
        throw new RepatriaError('CONFLICT', `User ${userId} is already disabled`);
      await trx
        .insertInto('user_disablements')
        .values({ user_id: userId, disabled_at: at, disabled_by: actor.id, reason })
        .execute();
      await appendAccess(trx, at, actor, 'user_disabled', 'user', userId, { reason });
      return userFromRow({ ...user, disabled_at: at });
    });
  }

  async getUser(userId: string): Promise<User | undefined> {
    const row = await this.userQuery(this.db).where('u.id', '=', userId).executeTakeFirst();
    return row === undefined ? undefined : userFromRow(row);
  }

  async findLogin(
    username: string,
  ): Promise<{ readonly user: User; readonly passwordHash: string } | undefined> {
    const row = await this.userQuery(this.db).where('u.username', '=', username).executeTakeFirst();
    if (row === undefined) return undefined;
    const password = await this.db
      .selectFrom('user_passwords')
      .select('hash')
      .where('user_id', '=', row.id)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (password === undefined) return undefined;
    return { user: userFromRow(row), passwordHash: password.hash };
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.userQuery(this.db).orderBy('u.username').execute();
    return rows.map(userFromRow);
  }

  private userQuery(db: Db) {
    return db
      .selectFrom('users as u')
      .leftJoin('user_disablements as d', 'd.user_id', 'u.id')
      .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.created_at', 'd.disabled_at']);
  }

  // ---------------------------------------------------------------- sessions

  async startSession(
    session: { readonly secretHash: string; readonly userId: string; readonly expiresAt: number },
    actor: AuditActor,
  ): Promise<void> {
    const at = this.now();
    await this.write(async (trx) => {
      await trx
        .insertInto('sessions')
        .values({
          secret_hash: session.secretHash,
          user_id: session.userId,
          created_at: at,
          expires_at: session.expiresAt,
        })
        .execute();
      // The log names the account, never the session's digest: it is a credential lookup key.
      await appendAccess(trx, at, actor, 'signed_in', 'user', session.userId, {
        expiresAt: session.expiresAt,
      });
    });
  }

  async endSession(secretHash: string, reason: string, actor: AuditActor): Promise<void> {
    const at = this.now();
    await this.write(async (trx) => {
      const inserted = await trx
        .insertInto('session_ends')
        .values({ secret_hash: secretHash, ended_at: at, reason })
        .onConflict((oc) => oc.column('secret_hash').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
        await appendAccess(trx, at, actor, 'signed_out', 'user', actor.id, { reason });
      }
    });
  }

  async sessionPrincipal(secretHash: string, now: number): Promise<Principal | undefined> {
    return principalOf((await this.sessionLookup.run(secretHash, now))[0], 'session');
  }

  // ---------------------------------------------------------------- tokens

  async createToken(token: NewToken, actor: AuditActor): Promise<TokenInfo> {
    const at = this.now();
    return this.write(async (trx) => {
      await trx
        .insertInto('api_tokens')
        .values({
          id: token.id,
          user_id: token.userId,
          name: token.name,
          prefix: token.prefix,
          secret_hash: token.secretHash,
          created_at: at,
          created_by: actor.id,
          expires_at: token.expiresAt,
        })
        .execute();
      await appendAccess(trx, at, actor, 'token_created', 'token', token.id, {
        userId: token.userId,
        expiresAt: token.expiresAt,
      });
      return {
        id: token.id,
        userId: token.userId,
        name: token.name,
        prefix: token.prefix,
        createdAt: at,
        expiresAt: token.expiresAt,
        revokedAt: null,
      };
    });
  }

  async revokeToken(tokenId: string, actor: AuditActor): Promise<TokenInfo> {
    const at = this.now();
    return this.write(async (trx) => {
      const row = await this.tokenQuery(trx).where('t.id', '=', tokenId).executeTakeFirst();
      if (row === undefined) throw new RepatriaError('NOT_FOUND', `No token ${tokenId}`);
      if (row.revoked_at !== null) return tokenFromRow(row);
      await trx
        .insertInto('api_token_revocations')
        .values({ token_id: tokenId, revoked_at: at, revoked_by: actor.id })
        .execute();
      await appendAccess(trx, at, actor, 'token_revoked', 'token', tokenId, { userId: row.user_id });
      return tokenFromRow({ ...row, revoked_at: at });
    });
  }

  async getToken(tokenId: string): Promise<TokenInfo | undefined> {
    const row = await this.tokenQuery(this.db).where('t.id', '=', tokenId).executeTakeFirst();
    return row === undefined ? undefined : tokenFromRow(row);
  }

  async listTokens(userId: string | undefined): Promise<TokenInfo[]> {
    const rows = await this.tokenQuery(this.db)
      .$if(userId !== undefined, (qb) => qb.where('t.user_id', '=', userId!))
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id')
      .execute();
    return rows.map(tokenFromRow);
  }

  async tokenPrincipal(secretHash: string, now: number): Promise<Principal | undefined> {
    return principalOf((await this.tokenLookup.run(secretHash, now))[0], 'token');
  }

  private tokenQuery(db: Db) {
    return db
      .selectFrom('api_tokens as t')
      .leftJoin('api_token_revocations as r', 'r.token_id', 't.id')
      .select(['t.id', 't.user_id', 't.name', 't.prefix', 't.created_at', 't.expires_at', 'r.revoked_at']);
  }

  // ---------------------------------------------------------------- profiles

  async recordProfile(
    profile: Omit<PersonProfile, 'version' | 'recordedAt'>,
    actor: AuditActor,
  ): Promise<PersonProfile> {
    const at = this.now();
    return this.write(async (trx) => {
      const person = await trx
        .selectFrom('people')
        .select('id')
        .where('id', '=', profile.personId)
        .executeTakeFirst();
      if (person === undefined) throw new RepatriaError('NOT_FOUND', `No person ${profile.personId}`);
      await refuseProfile(trx, profile, at);
      const latest = await trx
        .selectFrom('person_profiles')
        .select((eb) => eb.fn.max<number | null>('version').as('version'))
        .where('person_id', '=', profile.personId)
        .executeTakeFirst();
      const version = (latest?.version ?? 0) + 1;
      await trx
        .insertInto('person_profiles')
        .values({
          person_id: profile.personId,
          version,
          name: profile.name,
          date_of_birth: profile.dateOfBirth,
          a_number: profile.aNumber,
          recorded_at: at,
          recorded_by: actor.id,
        })
        .execute();
      await insertNameWords(trx, [{ personId: profile.personId, version, name: profile.name }]);
      await appendAccess(trx, at, actor, 'profile_recorded', 'person', profile.personId, { version });
      return { ...profile, version, recordedAt: at };
    });
  }

  async checkProfile(profile: Omit<PersonProfile, 'version' | 'recordedAt'>): Promise<void> {
    await refuseProfile(this.db, profile, this.now());
  }

  async addProfiles(
    profiles: readonly Omit<PersonProfile, 'version' | 'recordedAt'>[],
    actor: AuditActor,
  ): Promise<number> {
    if (profiles.length === 0) return 0;
    const at = this.now();
    return this.write(async (trx) => {
      let added = 0;
      for (const chunk of chunks(profiles, PROFILE_ROWS_PER_INSERT)) {
        const inserted = await trx
          .insertInto('person_profiles')
          .values(
            chunk.map((p) => ({
              person_id: p.personId,
              version: 1,
              name: p.name,
              date_of_birth: p.dateOfBirth,
              a_number: p.aNumber,
              recorded_at: at,
              recorded_by: actor.id,
            })),
          )
          // A person who already has a profile keeps it: this adds first versions only.
          .onConflict((oc) => oc.columns(['person_id', 'version']).doNothing())
          .returning('person_id')
          .execute();
        added += inserted.length;
        // The words of the names written, not of those a kept profile refused.
        const written = new Set(inserted.map((r) => r.person_id));
        await insertNameWords(
          trx,
          chunk
            .filter((p) => written.has(p.personId))
            .map((p) => ({ personId: p.personId, version: 1, name: p.name })),
        );
      }
      if (added > 0) {
        // One event for the whole call, like the fact store's bulk load.
        await appendAccess(trx, at, actor, 'profile_recorded', 'person', profiles[0]!.personId, {
          profiles: added,
          firstPersonId: profiles[0]!.personId,
          lastPersonId: profiles.at(-1)!.personId,
        });
      }
      return added;
    });
  }

  async personIds(after: string | undefined, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('people')
      .select('id')
      .$if(after !== undefined, (qb) => qb.where('id', '>', after!))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async findPeople(search: PeopleSearch, after: string | undefined, limit: number): Promise<string[]> {
    const forms = search.aNumber === undefined ? undefined : aNumberForms(search.aNumber);
    if (search.aNumber !== undefined && forms === undefined)
      throw new RepatriaError(
        'INVALID_INPUT',
        `"${search.aNumber}" is not an A-number (A and 8 or 9 digits)`,
      );
    const named = search.name === undefined ? undefined : nameSearch(search.name);
    if (search.name !== undefined && named === undefined)
      throw new RepatriaError('INVALID_INPUT', 'A name search needs at least one letter or digit');
    if (forms === undefined && named === undefined) return this.personIds(after, limit);
    // Candidates from an index (the A-number's, or the name words'), then each candidate's
    // current profile must answer the whole search: a corrected profile no longer answers to
    // its earlier name or number.
    const candidates =
      forms !== undefined
        ? (
            await currentProfiles(this.db).select('p.person_id').where('p.a_number', 'in', forms).execute()
          ).map((r) => r.person_id)
        : await this.nameCandidates(search.name!);
    const ids = [...new Set(candidates)].filter((id) => after === undefined || id > after).sort();
    const found: string[] = [];
    for (const chunk of chunks(ids, IDS_PER_QUERY)) {
      const profiles = await this.latestProfiles(chunk);
      for (const id of chunk) {
        const p = profiles.get(id);
        if (p === undefined) continue;
        if (forms !== undefined && (p.aNumber === null || !forms.includes(p.aNumber))) continue;
        if (named !== undefined && !named(p.name)) continue;
        found.push(id);
        if (found.length === limit) return found;
      }
    }
    return found;
  }

  /**
   * People with a profile version whose name has a word beginning with the search's longest
   * word (the one fewest names are likely to share), from the words' index.
   */
  private async nameCandidates(search: string): Promise<string[]> {
    const word = nameWords(search).reduce((a, b) => (b.length > a.length ? b : a));
    // Every word beginning with `word` sorts between it and it followed by the last code point.
    const rows = await this.db
      .selectFrom('profile_name_words')
      .select('person_id')
      .where('word', '>=', word)
      .where('word', '<', `${word}\u{10FFFF}`)
      .execute();
    return rows.map((r) => r.person_id);
  }

  async latestProfiles(personIds: readonly string[]): Promise<Map<string, PersonProfile>> {
    const found = new Map<string, PersonProfile>();
    for (const chunk of chunks([...new Set(personIds)], IDS_PER_QUERY)) {
      const rows = await this.db
        .selectFrom('person_profiles')
        .select(['person_id', 'version', 'name', 'date_of_birth', 'a_number', 'recorded_at'])
        .where('person_id', 'in', chunk)
        .orderBy('person_id')
        .orderBy('version')
        .execute();
      // Rows come in version order, so the last one seen for a person is the latest.
      for (const r of rows) {
        found.set(r.person_id, {
          personId: r.person_id,
          version: r.version,
          name: r.name,
          dateOfBirth: r.date_of_birth,
          aNumber: r.a_number,
          recordedAt: r.recorded_at,
        });
      }
    }
    return found;
  }

  // ---------------------------------------------------------------- access log

  /**
   * Appends an entry. The entries appended in one turn of the event loop are written
   * together, in one statement, on the next turn, in the order they came: every unmasked
   * read appends one, and a write of its own per read made the busiest reads of personal
   * data queue behind one another's commits. Resolves once the entry is stored, so that a
   * caller answers only then; if the statement fails, every entry of it fails with it.
   */
  append(
    event: Omit<AccessEvent, 'seq' | 'at' | 'details'> & {
      readonly details: Readonly<Record<string, unknown>>;
    },
  ): Promise<void> {
    const row: Insertable<AccessEventsTable> = {
      at: this.now(),
      actor: event.actor,
      role: event.role,
      kind: event.kind,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      request_id: event.requestId,
      details: JSON.stringify(event.details),
    };
    return this.accessWrites.load(row);
  }

  /**
   * The statements one after another, so that the entries are stored in the order they came;
   * the entries of a statement that fails fail with it, and only they.
   */
  private async writeAccess(rows: readonly Insertable<AccessEventsTable>[]): Promise<(undefined | Error)[]> {
    const out: (undefined | Error)[] = [];
    for (const part of chunks(rows, ACCESS_ROWS_PER_STATEMENT)) {
      try {
        await this.db.insertInto('access_events').values(part).execute();
        out.push(...part.map(() => undefined));
      } catch (error) {
        const failed = error instanceof Error ? error : new Error(String(error));
        out.push(...part.map(() => failed));
      }
    }
    return out;
  }

  async list(afterSeq: number, limit: number): Promise<AccessEvent[]> {
    const rows = await this.db
      .selectFrom('access_events')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => {
      if (!KINDS.has(r.kind)) throw new Error(`Access event ${r.seq} has the unknown kind ${r.kind}`);
      return {
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        role: r.role,
        kind: r.kind as AccessEvent['kind'],
        subjectType: r.subject_type as AccessEvent['subjectType'],
        subjectId: r.subject_id,
        requestId: r.request_id,
        details: r.details,
      };
    });
  }
}

function principalOf(row: PrincipalRow | undefined, via: Principal['via']): Principal | undefined {
  if (row === undefined || !isRole(row.role)) return undefined;
  return {
    userId: row.id,
    username: row.username,
    role: row.role,
    via,
    credentialId: row.credential,
    expiresAt: row.expires_at,
  };
}

async function appendAccess(
  trx: Db,
  at: number,
  actor: AuditActor,
  kind: AccessEvent['kind'],
  subjectType: AccessEvent['subjectType'],
  subjectId: string,
  details: Readonly<Record<string, unknown>>,
): Promise<void> {
  await trx
    .insertInto('access_events')
    .values({
      at,
      actor: actor.id,
      role: actor.role,
      kind,
      subject_type: subjectType,
      subject_id: subjectId,
      request_id: actor.requestId ?? null,
      details: JSON.stringify(details),
    })
    .execute();
}
