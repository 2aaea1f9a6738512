/**
 * Calendar dates and instants as plain numbers.
 *
 * Inside the engine a date is a day number (days since 1970-01-01, may be negative) and an
 * instant is epoch milliseconds. Strings appear only at the edges. The conversions are done
 * by hand (Hinnant's civil-calendar algorithm) so that the domain never touches `Date`,
 * the clock or a time zone.
 */

/** Days since 1970-01-01 (proleptic Gregorian calendar). */
export type Day = number;
/** Milliseconds since 1970-01-01T00:00:00Z. */
export type Instant = number;

export const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date; the caller must pass a valid date. */
export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Calendar date of a day number. */
export function civilFromDay(dayNumber: Day): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; `undefined` when the text is not a real calendar date (e.g. 2025-02-30). */
export function parseDay(text: string): Day | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromCivil(year, month, day);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a day number. */
export function formatDay(dayNumber: Day): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO-8601 timestamp with an offset (`Z` or `±hh:mm`); `undefined` when malformed
 * or impossible. Instants with different offsets compare as the same moment.
 */
export function parseInstant(text: string): Instant | undefined {
  const m = INSTANT_RE.exec(text);
  if (!m) return undefined;
  const day = parseDay(`${m[1]}-${m[2]}-${m[3]}`);
  if (day === undefined) return undefined;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  let offsetMinutes = 0;
  const zone = m[8]!;
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  return day * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + ms;
}

/** ISO-8601 UTC text of an instant, e.g. `2025-05-19T00:00:00Z` (milliseconds only when present). */
export function formatInstant(instant: Instant): string {
  const day = Math.floor(instant / MS_PER_DAY);
  let rest = instant - day * MS_PER_DAY;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const s = rest % 60;
  const min = ((rest - s) / 60) % 60;
  const h = Math.floor(rest / 3600);
  const frac = ms === 0 ? '' : `.${pad(ms, 3)}`;
  return `${formatDay(day)}T${pad(h, 2)}:${pad(min, 2)}:${pad(s, 2)}${frac}Z`;
}

/** The UTC day an instant falls on. */
export const dayOfInstant = (instant: Instant): Day => Math.floor(instant / MS_PER_DAY);

/** The last instant of a UTC day: "as known by the end of that day". */
export const endOfDay = (day: Day): Instant => (day + 1) * MS_PER_DAY - 1;

/** Monday of the ISO week (Monday to Sunday) that holds the day. 1970-01-01 was a Thursday. */
export const isoWeekStart = (day: Day): Day => day - ((((day + 3) % 7) + 7) % 7);

/** `7 Apr 2025`: the unambiguous form people read. */
export function formatDayForPeople(dayNumber: Day): string {
  const { year, month, day } = civilFromDay(dayNumber);
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${day} ${names[month - 1]!} ${year}`;
}
