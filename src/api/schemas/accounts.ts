/** Accounts and credentials on the wire. Secrets appear once, in the response that creates them. */
import { z } from 'zod';
import { ROLES } from '../../domain/access.js';
import { formatInstant } from '../../domain/dates.js';
import type { TokenInfo, User } from '../../domain/identity.js';
import { apiSchema } from './registry.js';
import { instantText, shortText } from './scalars.js';

export const username = z
  .string()
  .regex(
    /^[a-z][a-z0-9._-]{1,63}$/,
    'must be 2 to 64 lower-case letters, digits and . _ - starting with a letter',
  );

/** Long enough to resist guessing; no upper bound worth attacking argon2 with. */
export const password = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200, 'must be at most 200 characters');

export const UserSchema = apiSchema(
  'User',
  z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    createdAt: instantText,
    disabledAt: instantText.nullable(),
  }),
);

export const NewUserSchema = apiSchema(
  'NewUser',
  z.strictObject({ username, displayName: shortText(200), role: z.enum(ROLES), password }),
);

export const TokenSchema = apiSchema(
  'Token',
  z.object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to recognise it'),
    createdAt: instantText,
    expiresAt: instantText,
    revokedAt: instantText.nullable(),
  }),
);

export const userJson = (user: User): z.output<typeof UserSchema> => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  createdAt: formatInstant(user.createdAt),
  disabledAt: user.disabledAt === null ? null : formatInstant(user.disabledAt),
});

export const tokenJson = (token: TokenInfo): z.output<typeof TokenSchema> => ({
  id: token.id,
  userId: token.userId,
  name: token.name,
  prefix: token.prefix,
  createdAt: formatInstant(token.createdAt),
  expiresAt: formatInstant(token.expiresAt),
  revokedAt: token.revokedAt === null ? null : formatInstant(token.revokedAt),
});
