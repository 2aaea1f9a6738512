import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columnsFromPeople } from '../domain/sweep/assemble.js';
import { everyPersonFact, everyProgramFact } from '../../test/store/fact-factory.js';
import type { Population } from './population.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';

const tmp = mkdtempSync(join(tmpdir(), 'repatria-snapshot-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const population: Population = {
  columns: columnsFromPeople([
    { id: 'B', facts: everyPersonFact('b') },
    { id: 'A', facts: [] },
    { id: 'é', facts: everyPersonFact('e').slice(0, 3) },
  ]),
  program: everyProgramFact('g'),
  mark: { dialect: 'sqlite', identity: '1/person_added/A/x', lastSeq: 7, lastEventAt: 123, factCursor: 40, peopleCursor: 3 },
};

describe('snapshot', () => {
  it('reads back exactly what was written', () => {
    const path = join(tmp, 'a.sweep');
    writeSnapshot(path, population);
    // Programme facts go through JSON: keys holding `undefined` are left out.
    expect(readSnapshot(path)).toEqual({ ...population, program: JSON.parse(JSON.stringify(population.program)) as unknown });
  });

  it('is ignored when missing, of another format, or damaged', () => {
    expect(readSnapshot(join(tmp, 'none.sweep'))).toBeUndefined();
    const path = join(tmp, 'b.sweep');
    writeFileSync(path, 'not a snapshot at all');
    expect(readSnapshot(path)).toBeUndefined();
    writeSnapshot(path, population);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 100));
    expect(readSnapshot(path)).toBeUndefined();
  });
});
