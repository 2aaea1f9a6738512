/**
 * Password hashing with argon2id. The cost is a setting: the server uses OWASP's minimum
 * for argon2id (19 MiB, two passes), tests a cheap one so that hundreds of sign-ins run fast.
 */
import argon2 from 'argon2';
import type { PasswordHasher } from '../services.js';

export interface Argon2Cost {
  /** KiB of memory per hash. */
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/** OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1. */
export const SERVER_ARGON2_COST: Argon2Cost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function argon2Hasher(cost: Argon2Cost = SERVER_ARGON2_COST): PasswordHasher {
  return {
    hash: (password) => argon2.hash(password, { type: argon2.argon2id, ...cost }),
    verify: async (hash, password) => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        // A stored value that is not an argon2 hash matches no password.
        return false;
      }
    },
  };
}
