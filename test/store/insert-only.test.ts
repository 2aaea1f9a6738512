/**
 * Facts and events are insert-only: nothing in src/store may change or remove a row.
 * A grep, because a type can only forbid `updateTable` on our tables, not raw SQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const STORE = join(import.meta.dirname, '../../src/store');

/** Query-builder calls and SQL that change or remove rows (an upsert or REPLACE is an update too). */
const FORBIDDEN: readonly RegExp[] = [
  /\bupdateTable\b/,
  /\bdeleteFrom\b/,
  /\bdoUpdateSet\b/,
  /\breplaceInto\b/,
  /\bmergeInto\b/,
  /\btruncate\b/i,
  /\bUPDATE\s/i,
  /\bDELETE\s/i,
  /\bREPLACE\s+INTO\b/i,
  /\bON\s+CONFLICT\b[^;]*\bDO\s+UPDATE\b/i,
];

/** The code of a file without its comments (which may well say "never UPDATE"), line numbers kept. */
const withoutComments = (text: string): string =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|\s)\/\/.*$/gm, '$1');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('src/store is insert-only', () => {
  const files = sourceFiles(STORE);

  it('has sources to check', () => {
    expect(files.map((f) => relative(STORE, f))).toEqual(
      expect.arrayContaining(['kysely-fact-store.ts', 'schema.ts']),
    );
  });

  it('finds forbidden statements in code but not in comments', () => {
    const code = withoutComments(
      '/** never UPDATE rows */\n// DELETE nothing\nawait db.deleteFrom("events")',
    );
    expect(FORBIDDEN.filter((re) => re.test(code)).map((re) => re.source)).toEqual(['\\bdeleteFrom\\b']);
  });

  it('contains no update, delete, upsert or truncate', () => {
    const hits = files.flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .flatMap((line, i) =>
          FORBIDDEN.filter((re) => re.test(line)).map(
            (re) => `${relative(STORE, file)}:${i + 1}: ${re.source}: ${line.trim()}`,
          ),
        ),
    );
    expect(hits).toEqual([]);
  });
});
