/** Configuration of the application services, parsed once from the environment and frozen. */
import { z } from 'zod';
import { RepatriaError } from '../domain/errors.js';

export interface OperationsConfig {
  /** Days between serving notice (on the person and on counsel of record) and the earliest flight. */
  readonly noticeDays: number;
}

/** As in the plan instance format's `noticeDays` example. */
export const DEFAULT_NOTICE_DAYS = 7;

const schema = z.object({
  REPATRIA_NOTICE_DAYS: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(0, 'must not be negative')
    .max(365, 'must be at most 365')
    .default(DEFAULT_NOTICE_DAYS),
});

export function operationsConfig(env: Readonly<Record<string, string | undefined>>): OperationsConfig {
  const parsed = schema.safeParse({
    REPATRIA_NOTICE_DAYS: env.REPATRIA_NOTICE_DAYS === '' ? undefined : env.REPATRIA_NOTICE_DAYS,
  });
  if (!parsed.success) {
    throw new RepatriaError(
      'INVALID_INPUT',
      `REPATRIA_NOTICE_DAYS ${parsed.error.issues[0]?.message ?? 'is invalid'}`,
    );
  }
  return Object.freeze({ noticeDays: parsed.data.REPATRIA_NOTICE_DAYS });
}
