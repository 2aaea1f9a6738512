/**
 * The one place where errors become messages and exit statuses:
 * 2 = the input or the command line is wrong (nothing was stored), 1 = anything else.
 */
import { InvalidInputError } from '../contract/input-issue.js';
import { RepatriaError } from '../domain/errors.js';

export class UsageError extends Error {
  readonly code = 'USAGE';
}

export function exitStatusFor(error: unknown, err: (text: string) => void): number {
  if (error instanceof InvalidInputError) {
    err(`error: invalid input\n${error.message}\n`);
    return 2;
  }
  if (error instanceof UsageError) {
    err(`error: ${error.message}\n`);
    return 2;
  }
  if (error instanceof RepatriaError) {
    err(`error (${error.code}): ${error.message}\n`);
    return error.code === 'INVALID_INPUT' || error.code === 'CONFLICT' ? 2 : 1;
  }
  err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
