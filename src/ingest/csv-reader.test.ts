import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvReader } from './csv-reader.js';

interface Read {
  readonly records: { fields: string[]; first: number; last: number }[];
  readonly errors: { line: number; reason: string }[];
}

/** Reads `text` pushed in pieces of `piece` characters (all at once when 0). */
function read(text: string, piece = 0, maxRecordChars = 1_000_000): Read {
  const out: Read = { records: [], errors: [] };
  const reader = new CsvReader(
    {
      record: (fields, first, last) => out.records.push({ fields, first, last }),
      error: (line, reason) => out.errors.push({ line, reason }),
    },
    maxRecordChars,
  );
  if (piece <= 0) reader.push(text);
  else for (let i = 0; i < text.length; i += piece) reader.push(text.slice(i, i + piece));
  reader.end();
  return out;
}

const fields = (r: Read): string[][] => r.records.map((x) => x.fields);

/** A field as a spreadsheet might write it: plain, or quoted with commas, quotes and line breaks. */
const plainField = fc.stringMatching(/^[a-zA-Z0-9 =;.:'é-]{0,8}$/);
const quotedValue = fc.stringMatching(/^[a-zA-Z0-9 ,"\n=é-]{0,8}$/);
const csvField = fc.oneof(
  plainField.map((v) => ({ value: v, text: v })),
  quotedValue.map((v) => ({ value: v, text: `"${v.replace(/"/g, '""')}"` })),
);

describe('CsvReader', () => {
  it('reads plain and quoted fields, LF and CRLF, and skips blank lines', () => {
    const r = read('a,b,c\r\n1,"x, ""y""",3\n\n"multi\nline",,""\r\nlast,row,here');
    expect(fields(r)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', '3'],
      ['multi\nline', '', ''],
      ['last', 'row', 'here'],
    ]);
    expect(r.records.map((x) => [x.first, x.last])).toEqual([
      [1, 1],
      [2, 2],
      [4, 5],
      [6, 6],
    ]);
    expect(r.errors).toEqual([]);
  });

  it('reports malformed quoting with the first line of the record and carries on', () => {
    const r = read('a,b\nx"y,1\n"ok",2\n"bad"z,3\n"never closed\n4,5\n');
    expect(fields(r)).toEqual([
      ['a', 'b'],
      ['ok', '2'],
    ]);
    expect(r.errors).toEqual([
      { line: 2, reason: 'a quote inside unquoted field 1; quote the whole field' },
      { line: 4, reason: 'characters after the closing quote of field 1' },
      { line: 5, reason: 'a quoted field is never closed before the end of the file' },
    ]);
  });

  it('skips a record longer than the limit without holding it, and keeps counting lines', () => {
    const long = 'x'.repeat(5_000);
    const r = read(`a,b\n${long},1\n"${long}\n${long}",2\nc,d\n`, 700, 1_000);
    expect(fields(r)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(r.records.at(-1)).toMatchObject({ first: 5, last: 5 });
  });

  it('reads what csv-parse reads, whatever the chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(csvField, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 0, max: 9 }),
        (rows, eol, trailing, piece) => {
          // csv-parse reads a record of one empty unquoted field as a blank line; so does this reader.
          const kept = rows.filter((row) => !(row.length === 1 && row[0]!.text === ''));
          const text = kept.map((row) => row.map((f) => f.text).join(',')).join(eol) + (trailing ? eol : '');
          const expected = parse(text, { relax_column_count: true, skip_empty_lines: true });
          const got = read(text, piece);
          expect(got.errors).toEqual([]);
          expect(fields(got)).toEqual(expected);
          expect(fields(got)).toEqual(kept.map((row) => row.map((f) => f.value)));
        },
      ),
      { numRuns: 400 },
    );
  });
});
