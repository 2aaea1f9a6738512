/**
 * CSV cells on the way out and back in.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return as a formula (`=cmd|' /C calc'!A0`). Every CSV Repatria writes puts
 * an apostrophe before such a cell, which spreadsheets show as text and do not run
 * (OWASP's advice). So that an exported file imports back exactly, the reader takes one
 * apostrophe off a cell that is apostrophes followed by one of those characters, and the
 * writer adds one to a cell that already looks like that: the mapping is reversible.
 */

/** Starts like a formula, possibly behind apostrophes already. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The cell as written to a CSV file that a spreadsheet may open. */
export const neutralise = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** The value of a cell read back (undoes `neutralise`). */
export const unneutralise = (cell: string): string =>
  cell.charCodeAt(0) === 39 && FORMULA_START.test(cell) ? cell.slice(1) : cell;

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV line (RFC 4180, LF-ended), every cell neutralised and quoted when needed. */
export function csvLine(cells: readonly string[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i += 1) {
    const value = neutralise(cells[i]!);
    if (i > 0) out += ',';
    out += NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  }
  return `${out}\n`;
}

/** Cuts a long text for a message or a quarantine cell. */
export const clip = (text: string, max = 2_000): string =>
  text.length <= max ? text : `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en-US')} more characters)`;
