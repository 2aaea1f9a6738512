/**
 * Accounts: `user.manage` (admins) creates and disables them; readers of the audit logs may
 * list them, to know who the actors are. An account is never
 * removed, so that the log's actors always resolve; a disabled account can no longer sign in
 * and its sessions and tokens stop working at once.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { rolesForAny } from '../../domain/access.js';
import { rolesFor } from '../../domain/roles.js';
import { ApiProblem } from '../problem.js';
import { actorOf, admits, userRoute } from '../route.js';
import { NewUserSchema, UserSchema, userJson } from '../schemas/accounts.js';
import { apiSchema } from '../schemas/registry.js';
import { shortText } from '../schemas/scalars.js';

export const listUsers = userRoute({
  operationId: 'listUsers',
  method: 'GET',
  url: '/users',
  tag: 'users',
  summary: 'Every account, by username',
  access: admits(rolesForAny('user.manage', 'audit.read')),
  status: 200,
  schemas: { response: apiSchema('UserList', z.object({ users: z.array(UserSchema) })) },
  async handler(_input, ctx) {
    return { users: (await ctx.services.identity.listUsers()).map(userJson) };
  },
});

export const createUser = userRoute({
  operationId: 'createUser',
  method: 'POST',
  url: '/users',
  tag: 'users',
  summary: 'Create an account with a role and an initial password',
  access: admits(rolesFor('user.manage')),
  status: 201,
  schemas: { body: NewUserSchema, response: UserSchema },
  async handler({ body }, ctx) {
    const passwordHash = await ctx.services.passwords.hash(body.password);
    const user = await ctx.services.identity.createUser(
      {
        id: randomUUID(),
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        passwordHash,
      },
      actorOf(ctx),
    );
    return userJson(user);
  },
});

export const disableUser = userRoute({
  operationId: 'disableUser',
  method: 'POST',
  url: '/users/:userId/disable',
  tag: 'users',
  summary: 'Disable an account: it can no longer sign in, and its sessions and tokens stop working',
  access: admits(rolesFor('user.manage')),
  status: 200,
  schemas: {
    params: z.strictObject({ userId: z.uuid() }),
    body: apiSchema('DisableUser', z.strictObject({ reason: shortText(500) })),
    response: UserSchema,
  },
  async handler({ params, body }, ctx) {
    // Refused so that the last admin cannot lock everyone out by mistake.
    if (params.userId === ctx.principal.userId)
      throw new ApiProblem('invalid-state', 'You cannot disable your own account');
    const user = await ctx.services.identity.disableUser(params.userId, body.reason, actorOf(ctx));
    return userJson(user);
  },
});
