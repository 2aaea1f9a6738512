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

export function cachedPrincipals(identity: IdentityStore, ttlMs: number): IdentityStore {
  if (ttlMs <= 0) return identity;
  const entries = new Map<string, Entry>();

  const remember = (key: string, principal: Principal | undefined, now: number): Principal | undefined => {
    if (principal === undefined) return undefined;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { principal, until: now + ttlMs });
    return principal;
  };
  const recall = (key: string, now: number): Principal | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    // Never past the credential's own expiry, nor past the time to look again.
    if (now < entry.until && now < entry.principal.expiresAt) return entry.principal;
    entries.delete(key);
    return undefined;
  };
  const forget = (matches: (principal: Principal) => boolean): void => {
    for (const [key, entry] of entries) if (matches(entry.principal)) entries.delete(key);
  };

  return {
    createUser: (user, actor) => identity.createUser(user, actor),
    setPassword: (userId, hash, actor) => identity.setPassword(userId, hash, actor),
    disableUser: async (userId: string, reason: string, actor: AuditActor) => {
      const user = await identity.disableUser(userId, reason, actor);
      forget((p) => p.userId === userId);
      return user;
    },
    getUser: (userId) => identity.getUser(userId),
    findLogin: (username) => identity.findLogin(username),
    listUsers: () => identity.listUsers(),
    startSession: (session, actor) => identity.startSession(session, actor),
    endSession: async (secretHash, reason, actor) => {
      await identity.endSession(secretHash, reason, actor);
      forget((p) => p.via === 'session' && p.credentialId === secretHash);
    },
    sessionPrincipal: async (secretHash, now) =>
      recall(`s:${secretHash}`, now) ??
      remember(`s:${secretHash}`, await identity.sessionPrincipal(secretHash, now), now),
    createToken: (token, actor) => identity.createToken(token, actor),
    revokeToken: async (tokenId, actor) => {
      const token = await identity.revokeToken(tokenId, actor);
      forget((p) => p.via === 'token' && p.credentialId === tokenId);
      return token;
    },
    getToken: (tokenId) => identity.getToken(tokenId),
    listTokens: (userId) => identity.listTokens(userId),
    tokenPrincipal: async (secretHash, now) =>
      recall(`t:${secretHash}`, now) ??
      remember(`t:${secretHash}`, await identity.tokenPrincipal(secretHash, now), now),
  };
}
