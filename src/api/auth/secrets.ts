/**
 * Session and token secrets: random, shown to their owner once, stored only as a digest.
 *
 * A plain SHA-256 digest suffices here (unlike passwords): the secrets are 256 random bits,
 * so there is nothing to guess, and the digest lets a request be matched with one indexed
 * lookup rather than a slow hash per candidate.
 */
import { hash } from 'node:crypto';

/** Personal API tokens start with this, so that secret scanners and people recognise them. */
export const TOKEN_PREFIX = 'rpt_';
export const SESSION_COOKIE = 'repatria_session';

const SECRET_BYTES = 32;
/** A 32-byte secret in base64url: 43 characters. */
const SECRET_TEXT = /^[A-Za-z0-9_-]{43}$/;

// One-shot `hash` (Node 20.12+): the same digest as createHash, without a Hash object per request.
export const digest = (secret: string): string => hash('sha256', secret, 'hex');

export const newSecret = (randomBytes: (size: number) => Buffer): string =>
  randomBytes(SECRET_BYTES).toString('base64url');

export const isSecretText = (text: string): boolean => SECRET_TEXT.test(text);

/** A new token: the text given to its owner, the digest to store, and the first characters to list. */
export function newToken(randomBytes: (size: number) => Buffer): {
  token: string;
  secretHash: string;
  prefix: string;
} {
  const token = `${TOKEN_PREFIX}${newSecret(randomBytes)}`;
  return { token, secretHash: digest(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

/** The token of an `Authorization: Bearer …` header, if it has the form of one. */
export function bearerToken(header: string): string | undefined {
  const match = /^Bearer (rpt_[A-Za-z0-9_-]{43})$/.exec(header);
  return match?.[1];
}
