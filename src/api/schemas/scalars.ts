/**
 * The API's scalar types, in their wire form (strings), as the spec writes them: dates
 * `YYYY-MM-DD`, instants ISO-8601 with an offset, countries ISO 3166-1 alpha-2.
 *
 * Wire schemas carry no transforms: the same schema checks a request and describes a
 * response, and the conversion to domain values (day numbers, epoch milliseconds) is done
 * by the handlers with the contract's parsers.
 */
import { z } from 'zod';
import { parseDay, parseInstant } from '../../domain/dates.js';

/** A real calendar date, `YYYY-MM-DD`. */
export const dateText = z.iso.date().describe('A calendar date, YYYY-MM-DD');

/** An instant with an offset, exactly as the interchange format accepts it. */
export const instantText = z
  .string()
  .max(40)
  .refine((text) => parseInstant(text) !== undefined, {
    error: 'must be an ISO-8601 instant with offset (e.g. 2025-05-19T16:00:00Z)',
  })
  .meta({ format: 'date-time', description: 'An instant with offset, e.g. 2025-05-19T16:00:00Z' });

/** `knownAt` in queries: an instant, or a date meaning the end of that day (UTC), as on the command line. */
export const knownAtText = z
  .string()
  .max(40)
  .refine((text) => parseInstant(text) !== undefined || parseDay(text) !== undefined, {
    error:
      'must be an ISO-8601 instant with offset, or a date (YYYY-MM-DD) meaning the end of that day (UTC)',
  })
  .describe('As known at this instant (or by the end of this date, UTC); default: now');

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code (two upper-case letters)')
  .describe('ISO 3166-1 alpha-2');

/** Ids of people and facts: printable, no slashes or spaces, so that they sit safely in a path. */
export const recordId = z
  .string()
  .min(1)
  .max(100)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]*$/,
    'must be letters, digits and . _ : - (starting with a letter or digit)',
  );

/** Free text written by people (reasons, names of tokens): bounded, no control characters. */
export const shortText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters')
    .refine((text) => text.trim() !== '', { error: 'must not be blank' });

export const pageLimit = (max: number, fallback: number) =>
  // `<number>`: documented and typed as a number, read from the query string's text.
  z.coerce
    .number<number>()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .describe(`At most ${max}; default ${fallback}`);

/** A sequence number to read after (exclusive); 0 reads from the start. */
export const afterSeq = z.coerce.number<number>().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0);

/** Query flags as the browser writes them. */
export const queryFlag = z.enum(['true', 'false']).optional();
