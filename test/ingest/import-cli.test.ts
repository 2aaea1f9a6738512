/**
 * `repatria import` as a user meets it: the summary of what was stored, the progress bar,
 * the quarantine file and exit status 3 when rows were refused, nothing stored twice, and
 * the worker-thread path giving the same store as the in-thread one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, seedReference } from '../../src/cli/reference-seed.js';
import { ProgressBar } from '../../src/cli/progress.js';
import { importFile } from '../../src/ingest/import-file.js';
import { storeChecksum } from '../../src/store/checksum.js';
import { openStore } from '../../src/store/open-store.js';
import { AFTER_THE_FILE, writeImportCsv } from '../factories/import-file.js';
import { cli } from '../helpers/cli.js';
import { testStores } from './stores.js';

const stores = testStores('import-cli');
afterAll(() => stores.close());
const file = (name: string): string => join(stores.dir, name);

const HEADER = 'person_id,fact_id,type,recorded_at,from,through,country,kind';

describe('repatria import', () => {
  it('commits the valid rows, quarantines the others with line, field and reason, and exits 3', async () => {
    const db = file('partial.db');
    const input = file('partial.csv');
    writeFileSync(
      input,
      [
        HEADER,
        'P1,P1-1,nationality,2024-01-01T00:00:00Z,,,XA,',
        'P1,P1-2,final_order,2024-02-01T00:00:00Z,2024-02-30,,,removal',
        'P2,P2-1,nationality,2024-01-01T00:00:00Z,,,XB,',
        'P2,P2-2,final_order,2024-02-01T00:00:00Z,2024-02-01,,,removal',
        '',
      ].join('\r\n'),
    );
    const quarantine = file('partial.quarantine.csv');
    const first = await cli(['import', '--facts', input, '--db', db, '--quarantine', quarantine]);
    expect(first.status).toBe(3);
    expect(first.stdout).toBe('imported 2 people and 3 facts (0 facts already stored)\n');
    expect(first.stderr).toBe(`refused 1 of 4 rows: see ${quarantine} (line, field and reason of each)\n`);
    expect(readFileSync(quarantine, 'utf8')).toBe(
      'line,record,field,reason,row\n3,"line 3, person ""P1"", fact ""P1-2""",from,"""2024-02-30"" is not a real calendar date (YYYY-MM-DD)","P1,P1-2,final_order,2024-02-01T00:00:00Z,2024-02-30,,,removal"\n',
    );

    const again = await cli(['import', '--facts', input, '--db', db, '--quarantine', quarantine]);
    expect(again.stdout).toBe('imported 0 people and 0 facts (3 facts already stored)\n');
    expect(again.status).toBe(3);

    const fixed = file('fixed.csv');
    writeFileSync(fixed, `${HEADER}\nP1,P1-2,final_order,2024-02-01T00:00:00Z,2024-02-29,,,removal\n`);
    const third = await cli(['import', '--facts', fixed, '--db', db, '--quarantine', quarantine]);
    expect(third.status).toBe(0);
    expect(third.stdout).toBe('imported 0 people and 1 facts (0 facts already stored)\n');
    expect(readFileSync(quarantine, 'utf8')).toBe('line,record,field,reason,row\n');
  });

  it('without --quarantine, refuses the whole file and names every refused row', async () => {
    const db = file('whole.db');
    const input = file('whole.csv');
    writeFileSync(input, [HEADER, 'P1,P1-1,nationality,2024-01-01T00:00:00Z,,,XA,', 'P2,P2-1,nationality,2024-01-01T00:00:00Z,,,xb,', ''].join('\n'));
    const result = await cli(['import', '--facts', input, '--db', db]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'error: invalid input\nline 3, person "P2", fact "P2-1": field "country": must be an ISO 3166-1 alpha-2 code (two upper-case letters)\nfile: field "-": nothing of the file was stored\n',
    );
    const store = await openStore({ dbPath: db });
    expect(await store.countPeople()).toBe(0);
    await store.close();
  });

  it('draws a progress bar with rows per second and the time left when asked', async () => {
    const db = file('progress.db');
    const input = file('progress.csv');
    await writeImportCsv(input, 300);
    const result = await cli(['import', '--facts', input, '--db', db, '--progress']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/\r\[#{24}\] 100% {2}1,800 rows {2}[\d,]+ rows\/s {2}ETA 0:00 {2}\n$/);
    expect(ProgressBar.line({ bytesRead: 250, totalBytes: 1000, rows: 50_000, rejectedRows: 3 }, 10)).toBe(
      '[######..................]  25%  50,000 rows  5,000 rows/s  ETA 0:30  3 refused  ',
    );
  });

  it('reads large files on a worker thread into the same store as in-thread', async () => {
    const input = file('large.csv');
    await writeImportCsv(input, 600);
    const checksums: string[] = [];
    for (const parallel of [false, true]) {
      const { store } = await stores.open('sqlite');
      try {
        await seedReference(store);
        const summary = await importFile(store, { file: input, format: 'csv', shape: 'facts', allOrNothing: false, batchFacts: 500, parallel, actor: CLI_ACTOR, clock: () => AFTER_THE_FILE });
        expect(summary).toMatchObject({ people: 600, facts: 3_600, rejectedRows: 0 });
        checksums.push((await storeChecksum(store.kysely)).content);
      } finally {
        await store.close();
      }
    }
    expect(checksums[1]).toBe(checksums[0]);
  });
});
