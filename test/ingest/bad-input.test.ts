/**
 * The bad-input corpus (test/fixtures/bad/README.md): every file gives its documented errors,
 * exit status 2, the same rows in the quarantine file, and a store whose content and log
 * checksums are unchanged, on SQLite and on PostgreSQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, seedReference } from '../../src/cli/reference-seed.js';
import { demoPeople } from '../../src/demo/population.js';
import { storeChecksum, type StoreChecksum } from '../../src/store/checksum.js';
import { openStore } from '../../src/store/open-store.js';
import { cli } from '../helpers/cli.js';
import { DIALECTS, testStores } from './stores.js';

const CORPUS = join(import.meta.dirname, '../fixtures/bad');

interface CorpusEntry {
  readonly file: string;
  readonly kind: string;
  readonly errors: readonly string[];
}

/** The README's table: `| \`file\` | \`--kind\` | \`error\`<br>\`error\` |`. */
function corpus(): CorpusEntry[] {
  const rows = readFileSync(join(CORPUS, 'README.md'), 'utf8')
    .split('\n')
    .map((line) => /^\| `([^`]+)` \| `--(\w+)` \| (.+) \|$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);
  return rows.map((m) => ({
    file: m[1]!,
    kind: m[2]!,
    errors: m[3]!.split('<br>').map((cell) => cell.trim().replace(/^`|`$/g, '').replaceAll('\\|', '|')),
  }));
}

const stores = testStores('bad');
afterAll(() => stores.close());

describe('the bad-input corpus', () => {
  const entries = corpus();

  it('documents every file of the folder', () => {
    expect(entries.length).toBeGreaterThanOrEqual(23);
    const files = readdirSync(CORPUS).filter((f) => f !== 'README.md' && f !== 'make-corpus.ts');
    expect(entries.map((e) => e.file).sort()).toEqual(files.sort());
  });

  for (const dialect of DIALECTS) {
    describe(dialect, () => {
      let location: { dbPath: string; databaseUrl?: string };
      let before: StoreChecksum;
      const checksum = async (): Promise<StoreChecksum> => {
        const store = await openStore({ dbPath: location.dbPath, databaseUrl: location.databaseUrl });
        try {
          return await storeChecksum(store.kysely);
        } finally {
          await store.close();
        }
      };

      beforeAll(async () => {
        const opened = await stores.open(dialect);
        location = opened.location;
        await seedReference(opened.store);
        for (const batch of demoPeople({ people: 300, seed: 5 }, 300)) await opened.store.addPeople(batch, CLI_ACTOR);
        await opened.store.close();
        before = await checksum();
      });

      for (const entry of entries) {
        it(`${entry.file}: its documented errors, and the store unchanged`, async () => {
          const quarantine = join(stores.dir, `${dialect}-${entry.file}.quarantine.csv`);
          const env = location.databaseUrl === undefined ? {} : { DATABASE_URL: location.databaseUrl };
          const result = await cli(['import', `--${entry.kind}`, join(CORPUS, entry.file), '--db', location.dbPath, '--all-or-nothing', '--quarantine', quarantine], env);
          expect(result.status).toBe(2);
          for (const error of entry.errors) expect(result.stderr).toContain(error);
          const lines = result.stderr.split('\n').filter((l) => /^line \d+/.test(l));
          expect(lines).toHaveLength(entry.errors.length);
          // Row problems are quarantined with their line (a file-level problem stops before any row).
          const quarantined = readFileSync(quarantine, 'utf8').trim().split('\n').slice(1);
          if (!entry.errors[0]!.startsWith('line 1: ')) expect(quarantined.length).toBe(entry.errors.length);
          expect(await checksum()).toEqual(before);
        });
      }
    });
  }
});
