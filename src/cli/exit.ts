/**
 * The one place where errors become messages and exit statuses:
 * 2 = the input or the command line is wrong, or the command was refused (the role may not,
 * the state does not allow it, no such record): nothing was stored; 1 = anything else.
 */
import { InvalidInputError } from '../contract/input-issue.js';
import { RepatriaError } from '../domain/errors.js';
import { isBusy, STORE_BUSY } from '../store/store-busy.js';

export class UsageError extends Error {
  readonly code = 'USAGE';
}

/**
 * Part of the input was stored and part refused (an import in batches with a quarantine
 * file): exit status 3, so that scripts notice the refused rows.
 */
export class PartialSuccess extends Error {
  readonly code = 'PARTIAL';
}

export function exitStatusFor(error: unknown, err: (text: string) => void): number {
  if (error instanceof InvalidInputError) {
    err(`error: invalid input\n${error.message}\n`);
    return 2;
  }
  if (error instanceof PartialSuccess) {
    err(`${error.message}\n`);
    return 3;
  }
  if (error instanceof UsageError) {
    err(`error: ${error.message}\n`);
    return 2;
  }
  if (error instanceof RepatriaError) {
    err(`error (${error.code}): ${error.message}\n`);
    return error.code === 'INVALID_STATE' ? 1 : 2;
  }
  if (isBusy(error)) {
    err(`error: ${STORE_BUSY}\n`);
    return 1;
  }
  err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
