/**
 * Sign-in for browsers: a password exchanged for an HttpOnly, SameSite=Strict session
 * cookie. Programs use personal API tokens instead (routes/tokens.ts).
 *
 * Sign-in is rate-limited per client address and answers a wrong username exactly as a
 * wrong password, after the same argon2 work, so that it tells no one which accounts exist.
 */
import { z } from 'zod';
import { ROLES } from '../../domain/access.js';
import { formatInstant } from '../../domain/dates.js';
import { digest, newSecret } from '../auth/secrets.js';
import { ApiProblem } from '../problem.js';
import { admits, PUBLIC, publicRoute, userRoute } from '../route.js';
import { username, UserSchema, userJson } from '../schemas/accounts.js';
import { apiSchema } from '../schemas/registry.js';
import { instantText } from '../schemas/scalars.js';

/**
 * Verified against when the username is unknown, so that an unknown name costs the same
 * argon2 work as a wrong password (server cost; it matches no password).
 */
const NO_ACCOUNT_HASH =
  '$argon2id$v=19$m=19456,p=1,t=2$rciGV00L0MpK6EoHzSsy3w$TcvlleGBBo1IKV9ArfRvG9TPnRD4k7ng0UFpfS8JLpA';

const SessionSchema = apiSchema(
  'Session',
  z.object({
    user: UserSchema,
    via: z.enum(['session', 'token']).describe('How this request was signed in'),
    expiresAt: instantText,
  }),
);

export const signIn = publicRoute({
  operationId: 'signIn',
  method: 'POST',
  url: '/sessions',
  tag: 'sessions',
  summary: 'Sign in with a username and password',
  description: 'Sets the session cookie. Limited to a few attempts a minute per client address.',
  access: PUBLIC,
  status: 201,
  rateLimited: true,
  schemas: {
    body: apiSchema(
      'SignIn',
      z.strictObject({ username: z.string().max(64), password: z.string().max(200) }),
    ),
    response: SessionSchema,
  },
  async handler({ body }, ctx) {
    const { identity, passwords } = ctx.services;
    const login = username.safeParse(body.username).success
      ? await identity.findLogin(body.username)
      : undefined;
    const matches = await passwords.verify(login?.passwordHash ?? NO_ACCOUNT_HASH, body.password);
    if (login === undefined || !matches || login.user.disabledAt !== null) {
      // No username in the log: it may be a mistyped password.
      ctx.log.info({ event: 'sign_in_refused' }, 'sign-in refused');
      throw new ApiProblem('unauthenticated', 'Wrong username or password');
    }
    const { user } = login;
    const secret = newSecret(ctx.services.randomBytes);
    const expiresAt = ctx.now + ctx.config.sessionTtlMinutes * 60_000;
    await identity.startSession(
      { secretHash: digest(secret), userId: user.id, expiresAt },
      { id: user.id, role: user.role, requestId: ctx.requestId },
    );
    ctx.sessionCookie.set(secret, expiresAt);
    ctx.log.info({ event: 'signed_in', userId: user.id }, 'signed in');
    return { user: userJson(user), via: 'session' as const, expiresAt: formatInstant(expiresAt) };
  },
});

export const getCurrentSession = userRoute({
  operationId: 'getCurrentSession',
  method: 'GET',
  url: '/sessions/current',
  tag: 'sessions',
  summary: 'Who is signed in, and until when',
  access: admits(ROLES),
  status: 200,
  schemas: { response: SessionSchema },
  async handler(_input, ctx) {
    const user = await ctx.services.identity.getUser(ctx.principal.userId);
    if (user === undefined) throw new ApiProblem('unauthenticated');
    return {
      user: userJson(user),
      via: ctx.principal.via,
      expiresAt: formatInstant(ctx.principal.expiresAt),
    };
  },
});

export const signOut = userRoute({
  operationId: 'signOut',
  method: 'DELETE',
  url: '/sessions/current',
  tag: 'sessions',
  summary: 'Sign out: end this session',
  description: 'With an API token there is no session to end (`ended: false`); revoke the token instead.',
  access: admits(ROLES),
  status: 200,
  schemas: { response: apiSchema('SignedOut', z.object({ ended: z.boolean() })) },
  async handler(_input, ctx) {
    ctx.sessionCookie.clear();
    if (ctx.principal.via !== 'session') return { ended: false };
    await ctx.services.identity.endSession(ctx.principal.credentialId, 'signed out', {
      id: ctx.principal.userId,
      role: ctx.principal.role,
      requestId: ctx.requestId,
    });
    return { ended: true };
  },
});
