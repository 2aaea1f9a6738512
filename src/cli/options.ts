/** Parsing of command-line values into domain values, with messages that name the option. */
import { dayOfInstant, parseDay, parseInstant, type Day, type Instant } from '../domain/dates.js';
import { UsageError } from './exit.js';

export function dayOption(name: string, text: string | undefined, fallback: Day): Day {
  if (text === undefined) return fallback;
  const day = parseDay(text);
  if (day === undefined) throw new UsageError(`option ${name}: "${text}" is not a real calendar date (YYYY-MM-DD)`);
  return day;
}

/** An instant, or a date meaning the end of that day (UTC): "as known by the end of 1 June". */
export function instantOption(name: string, text: string | undefined, fallback: Instant): Instant {
  if (text === undefined) return fallback;
  const instant = parseInstant(text);
  if (instant !== undefined) return instant;
  const day = parseDay(text);
  if (day !== undefined) return (day + 1) * 86_400_000 - 1;
  throw new UsageError(`option ${name}: "${text}" is neither an ISO-8601 instant with offset nor a date`);
}

export function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`option ${name}: "${text}" is not a positive whole number`);
  return Number(text);
}

export const today = (now: number): Day => dayOfInstant(now);

/** One of a fixed set of values. */
export function choiceOption<T extends string>(name: string, text: string | undefined, choices: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`option ${name}: "${text}" is not one of ${choices.join(', ')}`);
  return text as T;
}

/** A country code (two upper-case letters), or `??` for people with no known nationality. */
export function countryOption(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^([A-Z]{2}|\?\?)$/.test(text)) throw new UsageError(`option ${name}: "${text}" is not a country code (two upper-case letters, or ?? for none)`);
  return text;
}
