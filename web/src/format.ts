/**
 * Dates as people read them: `7 Apr 2025`, never `04/07/2025`, which half the world reads
 * as 4 July. Calendar dates arrive as `YYYY-MM-DD` and instants as ISO-8601 with an offset;
 * both are shown in UTC, the server's calendar, so that a date never shifts by a day.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** `2025-04-07` → `7 Apr 2025`; anything else is shown as it came. */
export function formatDate(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (match === null) return iso;
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month ?? ''} ${year ?? ''}`;
}

/** An instant as `7 Apr 2025, 16:00 UTC`. */
export function formatInstant(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const text = new Date(ms).toISOString();
  return `${formatDate(text.slice(0, 10))}, ${text.slice(11, 16)} UTC`;
}

/** A period of valid time: `3 Oct 2023 – 2 Apr 2025`, or `from 3 Oct 2023` without an end. */
export function formatPeriod(from: string | undefined, through: string | null | undefined): string {
  if (from === undefined) return '';
  return through === undefined || through === null
    ? `from ${formatDate(from)}, no end`
    : `${formatDate(from)} – ${formatDate(through)}`;
}

/** Days since 1 Jan 1970 of a `YYYY-MM-DD` date (UTC), or NaN. */
export const dayOf = (iso: string): number =>
  Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** The `YYYY-MM-DD` of a day number. */
export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Today's date in UTC, the calendar the server decides on. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** The instant that ends a day (UTC): "known at 19 May 2025" means by the end of that day. */
export const endOfDayInstant = (iso: string): string => `${iso.slice(0, 10)}T23:59:59.999Z`;

export const addDays = (iso: string, days: number): string => isoOfDay(dayOf(iso) + days);

/** `MX` → `Mexico`, in English, falling back to the code. */
const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
export function countryName(code: string): string {
  if (code === '??') return 'No known nationality';
  try {
    return countryNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** `1234` → `1,234`. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** `final_order` → `Final order`. */
export const humanize = (code: string): string => {
  const text = code.replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
};
