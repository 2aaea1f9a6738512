import { describe, expect, it } from 'vitest';
import { progressReporter, snapshotPathFor } from './population.js';

describe('progress of a load', () => {
  it('stays quiet for short loads, then reports at most four times a second and ends the line', () => {
    let now = 0;
    let err = '';
    const progress = progressReporter({ out: () => undefined, err: (t) => (err += t), now: () => now });
    progress.report('facts', 1, 10);
    expect(err).toBe('');
    now = 600;
    progress.report('facts', 2, 10);
    now = 700;
    progress.report('facts', 3, 10);
    now = 900;
    progress.report('facts', 4_000, 10_000);
    progress.end();
    expect(err).toBe('\rloading facts: 2 / 10\rloading facts: 4,000 / 10,000\n');
  });
});

describe('snapshot location', () => {
  it('is beside a SQLite file, in the given directory for PostgreSQL, or nowhere', () => {
    expect(snapshotPathFor({ dbPath: 'data/r.db' }, {})).toBe('data/r.db.sweep');
    expect(snapshotPathFor({ dbPath: 'data/r.db' }, { snapshot: false })).toBeNull();
    expect(snapshotPathFor({ dbPath: '', databaseUrl: 'postgres://u:secret@h/db' }, {})).toBeNull();
    const inDir = snapshotPathFor({ dbPath: '', databaseUrl: 'postgres://u:secret@h/db' }, { snapshotDir: 'cache' });
    expect(inDir).toMatch(/^cache\/repatria-[0-9a-f]{16}\.sweep$/);
    expect(snapshotPathFor({ dbPath: '', databaseUrl: 'postgres://u:other@h/db' }, { snapshotDir: 'cache' })).toBe(inDir);
  });
});
