/**
 * The API server's settings, parsed once with zod by the composition root and frozen.
 * Every field has a safe default, so `{}` is a working configuration.
 */
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const ApiConfigSchema = z.strictObject({
  /** Reported by /info. */
  version: z.string().default('0.0.0'),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: z.boolean().default(false),
  /** `auto`: Secure cookies on HTTPS requests only, so that a loopback demo over HTTP works. */
  cookieSecure: z.enum(['auto', 'always', 'never']).default('auto'),
  sessionTtlMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(8 * 60),
  tokenDefaultDays: z.number().int().min(1).max(3650).default(90),
  tokenMaxDays: z.number().int().min(1).max(3650).default(365),
  /** Sign-in attempts per client address and window. */
  loginRateLimit: z
    .strictObject({
      max: z.number().int().min(1).default(10),
      windowSeconds: z.number().int().min(1).default(60),
    })
    .default({ max: 10, windowSeconds: 60 }),
  /**
   * How long a checked credential is trusted before it is looked up again. Revocations made
   * through this server apply at once; made by another process, within this time. 0: never.
   */
  credentialCacheMs: z.number().int().min(0).max(60_000).default(1000),
  bodyLimitBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  /** Serve the interactive documentation at /docs. */
  docs: z.boolean().default(true),
});

export type ApiConfig = Readonly<z.output<typeof ApiConfigSchema>>;

/** Parses and freezes the API settings; throws a ZodError naming every bad field. */
export const parseApiConfig = (input: unknown): ApiConfig => Object.freeze(ApiConfigSchema.parse(input));
