/**
 * A mistyped `--db`: every command that reads a store, or needs the data of one already there,
 * refuses a SQLite path with no file (exit 2, "No store at …") and leaves nothing behind —
 * no empty store, no -wal or -shm, no directory, no partial output. Only the commands the
 * README documents as filling a store (`demo`, `import`, `user add`, `restore`) create one.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'repatria-missing-store-'));
const NOW = Date.parse('2025-06-20T09:00:00Z');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const acting = (role: string): string[] => ['--as', 'ada', '--role', role];
const window = ['--from', '2025-06-01', '--to', '2025-06-30'];
const out = (name: string): string => join(dir, name);

/** Each command with everything it needs but a store. */
const COMMANDS: readonly (readonly string[])[] = [
  ['audit', 'verify', ...acting('auditor')],
  ['audit', 'list', ...acting('auditor')],
  ['manifest', 'list', ...acting('planner')],
  ['manifest', 'show', 'M1', ...acting('planner')],
  ['manifest', 'create', '--flight', 'FL1', ...acting('planner')],
  ['manifest', 'submit', 'M1', ...acting('planner')],
  [
    'manifest',
    'flight',
    '--id',
    'FL1',
    '--date',
    '2025-07-01',
    '--origin',
    'IAH',
    '--destination',
    'GUA',
    '--origin-country',
    'US',
    '--destination-country',
    'GT',
    '--seats',
    '9',
    ...acting('planner'),
  ],
  [
    'notice',
    'serve',
    '--person',
    'P1',
    '--to',
    'person',
    '--language',
    'es',
    '--method',
    'mail',
    '--served-on',
    '2025-06-01',
    ...acting('officer'),
  ],
  ['order', 'stay', '--person', 'P1', '--from', '2025-06-01', ...acting('legal')],
  ['flight', 'list', ...window, ...acting('planner')],
  [
    'flight',
    'add',
    '--id',
    'FL1',
    '--date',
    '2025-07-01',
    '--origin',
    'IAH',
    '--destination',
    'GUA',
    '--seats',
    '9',
    ...acting('planner'),
  ],
  ['facility', 'list', ...acting('planner')],
  ['facility', 'add', '--id', 'KROME', '--name', 'Krome', '--airport', 'MIA', ...acting('planner')],
  ['transfer', 'add', '--facility', 'KROME', '--airport', 'IAH', '--cost', '5', ...acting('planner')],
  ['export', '--people', '-'],
  ['export', '--facts', out('facts.csv')],
  ['export', '--program', out('program.json')],
  ['export', '--stats', out('stats.csv')],
  ['plan', ...window, '--dry-run'],
  ['plan', ...window],
  ['plan', 'export-instance', ...window, '--out', out('instance.json')],
  ['user', 'list'],
  ['user', 'reset-password', '--username', 'ada'],
  ['serve', '--port', '0'],
  ['status'],
  ['sweep', '--on', '2025-06-01'],
  ['timeline', ...window],
  ['diff', '--on', '2025-06-01', '--known-at', '2025-05-01', '--versus', '2025-06-01'],
  ['checksum'],
  ['verify'],
  ['backup', out('store.backup')],
];

const refusal = (db: string): string =>
  `error (NOT_FOUND): No store at ${db}: run \`repatria demo\` or \`repatria import\` first\n`;

describe('a command given a SQLite path with no store', () => {
  afterEach(() => {
    // Whatever a test made is removed, so that each starts from an empty directory.
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
  });

  it.each(COMMANDS.map((args) => [args.slice(0, 2).join(' '), args] as const))(
    '%s refuses it with exit 2 and leaves no file behind',
    async (_name, args) => {
      const db = join(dir, 'typo.db');
      const result = await cli([...args, '--db', db], {}, NOW);
      expect(result).toEqual({ status: 2, stdout: '', stderr: refusal(db) });
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('creates no directory for a path inside one that does not exist', async () => {
    const db = join(dir, 'no-such-dir', 'typo.db');
    expect(await cli(['audit', 'verify', ...acting('auditor'), '--db', db], {}, NOW)).toEqual({
      status: 2,
      stdout: '',
      stderr: refusal(db),
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is created by the commands documented to fill a store: import, and user add for the first admin', async () => {
    const program = out('program.json');
    writeFileSync(program, '[]');
    const imported = join(dir, 'imported.db');
    expect((await cli(['import', '--program', program, '--db', imported], {}, NOW)).status).toBe(0);
    expect(existsSync(imported)).toBe(true);

    const accounts = join(dir, 'accounts.db');
    const added = await cli(
      ['user', 'add', '--username', 'chief', '--role', 'admin', '--db', accounts],
      {},
      NOW,
    );
    expect(added.status, added.stderr).toBe(0);
    const listed = await cli(['user', 'list', '--db', accounts], {}, NOW);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/chief\s+admin/);
  });
});
