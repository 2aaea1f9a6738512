/** Shared printing of sweep counts: table rows, CSV cells, JSON objects. */
import { BLOCKER_CODES } from '../domain/blockers.js';
import { blockerRecord, type Counts, type SweepSummary } from '../domain/sweep/summary.js';
import { renderTable } from './table.js';

/** `{"people","removable","blockers":{CODE:n}}`, every code present: the sweep's machine format. */
export const countsJson = (counts: Counts): { people: number; removable: number; blockers: Record<string, number> } => ({
  people: counts.people,
  removable: counts.removable,
  blockers: blockerRecord(counts),
});

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
export const csvCell = (value: string | number): string => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csvLine = (cells: readonly (string | number)[]): string => `${cells.map(csvCell).join(',')}\n`;

/** The codes any of these counts uses, in code order: table columns without empty ones. */
export const usedCodes = (all: readonly Counts[]): number[] =>
  BLOCKER_CODES.map((_, b) => b).filter((b) => all.some((c) => (c.blockers[b] ?? 0) > 0));

/**
 * The per-country table of `status` and `sweep`: countries by number of people, then ALL.
 * `returned`: a column of people already returned (status counts them apart; a sweep does not).
 */
export function countsTable(summary: SweepSummary, options: { readonly returned?: boolean } = {}): string {
  const countries = [...summary.byCountry.entries()].sort((a, b) => b[1].people - a[1].people || (a[0] < b[0] ? -1 : 1));
  const used = usedCodes(countries.map(([, c]) => c));
  const returned = options.returned === true;
  const row = (name: string, c: Counts): (string | number)[] => [
    name,
    c.people,
    ...(returned ? [c.returned] : []),
    c.removable,
    ...used.map((b) => c.blockers[b] ?? 0),
  ];
  return renderTable(
    ['country', 'people', ...(returned ? ['returned'] : []), 'removable', ...used.map((b) => BLOCKER_CODES[b]!)],
    [...countries.map(([k, c]) => row(k, c)), row('ALL', summary.total)],
  );
}
