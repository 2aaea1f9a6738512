/**
 * Personal API tokens for programs: created by their owner, shown once, stored as a digest,
 * with an expiry, revocable at any time. A token acts with its owner's role.
 *
 * Everyone manages their own tokens. `user.manage` (admins) may list and revoke anyone's (an
 * account leaving, a token leaked); readers of the audit logs may list everyone's.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ROLES, rolesForAny } from '../../domain/access.js';
import { may } from '../../domain/roles.js';
import { formatInstant } from '../../domain/dates.js';
import { newToken } from '../auth/secrets.js';
import { ApiProblem } from '../problem.js';
import { actorOf, admits, userRoute } from '../route.js';
import { TokenSchema, tokenJson } from '../schemas/accounts.js';
import { apiSchema } from '../schemas/registry.js';
import { queryFlag, shortText } from '../schemas/scalars.js';

const SEES_ALL_TOKENS = rolesForAny('user.manage', 'audit.read');

export const listTokens = userRoute({
  operationId: 'listTokens',
  method: 'GET',
  url: '/tokens',
  tag: 'tokens',
  summary: 'Your API tokens (everyone’s with all=true, for admins and readers of the audit logs)',
  access: admits(ROLES),
  status: 200,
  schemas: {
    query: z.strictObject({ all: queryFlag.describe('Admins and auditors: every account’s tokens') }),
    response: apiSchema('TokenList', z.object({ tokens: z.array(TokenSchema) })),
  },
  async handler({ query }, ctx) {
    const all = query.all === 'true';
    if (all && !SEES_ALL_TOKENS.includes(ctx.principal.role)) {
      throw new ApiProblem('forbidden', `The ${ctx.principal.role} role sees only its own tokens`);
    }
    const tokens = await ctx.services.identity.listTokens(all ? undefined : ctx.principal.userId);
    return { tokens: tokens.map(tokenJson) };
  },
});

export const createToken = userRoute({
  operationId: 'createToken',
  method: 'POST',
  url: '/tokens',
  tag: 'tokens',
  summary: 'Create an API token; the response is the only time it is shown',
  access: admits(ROLES),
  status: 201,
  schemas: {
    body: apiSchema(
      'NewToken',
      z.strictObject({
        name: shortText(100).describe('What the token is for'),
        expiresInDays: z
          .number()
          .int()
          .min(1)
          .max(3650)
          .optional()
          .describe('Default 90; at most the server’s limit'),
      }),
    ),
    response: apiSchema(
      'CreatedToken',
      z.object({
        token: z.string().describe('Send as Authorization: Bearer <token>. Shown once.'),
        details: TokenSchema,
      }),
    ),
  },
  async handler({ body }, ctx) {
    const days = body.expiresInDays ?? ctx.config.tokenDefaultDays;
    if (days > ctx.config.tokenMaxDays) {
      throw new ApiProblem('invalid-request', 'The token would live too long', [
        { in: 'body', field: 'expiresInDays', reason: `must be at most ${ctx.config.tokenMaxDays}` },
      ]);
    }
    const { token, secretHash, prefix } = newToken(ctx.services.randomBytes);
    const info = await ctx.services.identity.createToken(
      {
        id: randomUUID(),
        userId: ctx.principal.userId,
        name: body.name,
        prefix,
        secretHash,
        expiresAt: ctx.now + days * 86_400_000,
      },
      actorOf(ctx),
    );
    ctx.log.info(
      { event: 'token_created', tokenId: info.id, expiresAt: formatInstant(info.expiresAt) },
      'token created',
    );
    return { token, details: tokenJson(info) };
  },
});

export const revokeToken = userRoute({
  operationId: 'revokeToken',
  method: 'DELETE',
  url: '/tokens/:tokenId',
  tag: 'tokens',
  summary: 'Revoke an API token (yours; any, for admins)',
  access: admits(ROLES),
  status: 200,
  schemas: {
    params: z.strictObject({ tokenId: z.uuid() }),
    response: TokenSchema,
  },
  async handler({ params }, ctx) {
    const token = await ctx.services.identity.getToken(params.tokenId);
    // Someone else's token is "not found", so that ids cannot be probed.
    if (
      token === undefined ||
      (token.userId !== ctx.principal.userId && !may(ctx.principal.role, 'user.manage'))
    ) {
      throw new ApiProblem('not-found', `No token ${params.tokenId}`);
    }
    const revoked = await ctx.services.identity.revokeToken(params.tokenId, actorOf(ctx));
    return tokenJson(revoked);
  },
});
