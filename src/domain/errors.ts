/**
 * Broken invariants and refused commands, each with a stable `code` that adapters map once
 * (CLI: exit status and message; HTTP: problem+json). Expected outcomes are values, not errors.
 */
export type ErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID_INPUT' | 'FORBIDDEN' | 'INVALID_STATE';

export class RepatriaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RepatriaError';
  }
}
