/**
 * Two mistakes a user makes with files, each refused in words that say what to do: a demo
 * over a store that already holds another population, and a restore from a file that is not
 * a backup of a store. Neither leaves anything changed or behind.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'repatria-demo-restore-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('files that are not what the command expects', () => {
  it('a demo over another population says to give --reset, and leaves the store as it was', async () => {
    const db = join(tmp, 'demo.db');
    expect((await cli(['demo', '--people', '20', '--db', db])).status).toBe(0);
    const before = await cli(['checksum', '--db', db]);
    const again = await cli(['demo', '--people', '10', '--db', db]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('the store already holds other people. Give --reset');
    expect((await cli(['checksum', '--db', db])).stdout).toBe(before.stdout);
    expect((await cli(['demo', '--people', '10', '--reset', '--db', db])).status).toBe(0);
  });

  it('a restore from an empty or a non-database file is bad input, and leaves no store behind', async () => {
    for (const [name, content] of [['empty.bak', ''], ['garbage.bak', 'not a database\n']] as const) {
      const file = join(tmp, name);
      writeFileSync(file, content);
      const target = join(tmp, `restored-${name}.db`);
      const r = await cli(['restore', '--db', target, file]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${file} is not a backup of a Repatria store`);
      expect(existsSync(target)).toBe(false);
      expect(existsSync(`${target}.restoring`)).toBe(false);
    }
  });
});
