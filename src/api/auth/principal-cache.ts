/**
 * Credentials checked once a second rather than on every request.
 *
 * Every request starts with a credential lookup (a join of four tables); a program calling
 * the API many times a second would pay it each time for the same answer. A valid
 * credential's principal is therefore remembered for `ttlMs`. Changes made through this
 * server take effect at once (revoking a token, signing out, disabling an account forget
 * what they touch); changes made elsewhere (another server process sharing the database)
 * take effect within `ttlMs`. Invalid credentials are never remembered, so a new token works
 * at once. `ttlMs = 0` turns the cache off.
 */
import type { AuditActor, IdentityStore, Principal } from '../../domain/identity.js';

/** Enough for every active client of a busy server; the oldest entries go first. */
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly principal: Principal;
  readonly until: number;
}

/** Remembered principals of one kind of credential, by the credential's digest. */
class Remembered {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs: number) {}

  remember(key: string, principal: Principal | undefined, now: number): Principal | undefined {
    if (principal === undefined) return undefined;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { principal, until: now + this.ttlMs });
    return principal;
  }

  recall(key: string, now: number): Principal | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Never past the credential's own expiry, nor past the time to look again.
    if (now < entry.until && now < entry.principal.expiresAt) return entry.principal;
    this.entries.delete(key);
    return undefined;
  }

  forget(matches: (principal: Principal) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.principal)) this.entries.delete(key);
  }
}

export function cachedPrincipals(identity: IdentityStore, ttlMs: number): IdentityStore {
  if (ttlMs <= 0) return identity;
  // One map per kind, keyed by the digest as it is: no key string to build on every request.
  const sessions = new Remembered(ttlMs);
  const tokens = new Remembered(ttlMs);

  return {
    createUser: (user, actor) => identity.createUser(user, actor),
    setPassword: (userId, hash, actor) => identity.setPassword(userId, hash, actor),
    disableUser: async (userId: string, reason: string, actor: AuditActor) => {
      const user = await identity.disableUser(userId, reason, actor);
      sessions.forget((p) => p.userId === userId);
      tokens.forget((p) => p.userId === userId);
      return user;
    },
    getUser: (userId) => identity.getUser(userId),
    findLogin: (username) => identity.findLogin(username),
    listUsers: () => identity.listUsers(),
    startSession: (session, actor) => identity.startSession(session, actor),
    endSession: async (secretHash, reason, actor) => {
      await identity.endSession(secretHash, reason, actor);
      sessions.forget((p) => p.via === 'session' && p.credentialId === secretHash);
    },
    sessionPrincipal: async (secretHash, now) =>
      sessions.recall(secretHash, now) ??
      sessions.remember(secretHash, await identity.sessionPrincipal(secretHash, now), now),
    createToken: (token, actor) => identity.createToken(token, actor),
    revokeToken: async (tokenId, actor) => {
      const token = await identity.revokeToken(tokenId, actor);
      tokens.forget((p) => p.via === 'token' && p.credentialId === tokenId);
      return token;
    },
    getToken: (tokenId) => identity.getToken(tokenId),
    listTokens: (userId) => identity.listTokens(userId),
    tokenPrincipal: async (secretHash, now) =>
      tokens.recall(secretHash, now) ??
      tokens.remember(secretHash, await identity.tokenPrincipal(secretHash, now), now),
  };
}
