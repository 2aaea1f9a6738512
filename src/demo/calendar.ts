/** Date helpers for literal dates in the demo's own tables. */
import { dayFromCivil, civilFromDay, MS_PER_DAY, parseDay, type Day, type Instant } from '../domain/dates.js';

/** Day number of a literal `YYYY-MM-DD`; throws on a typo, since these are constants in code. */
export function day(text: string): Day {
  const parsed = parseDay(text);
  if (parsed === undefined) throw new RangeError(`"${text}" is not a real calendar date`);
  return parsed;
}

/** Instant of a day at a UTC time of day, given in minutes after midnight. */
export const at = (d: Day, minutes = 0): Instant => d * MS_PER_DAY + minutes * 60_000;

/** The same calendar date `years` later (29 Feb becomes 1 Mar in a common year). */
export function addYears(d: Day, years: number): Day {
  const c = civilFromDay(d);
  return dayFromCivil(c.year + years, c.month, c.day);
}
