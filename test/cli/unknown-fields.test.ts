/**
 * A field the contract does not define, or defines under another spelling, is refused at every
 * door that reads facts from a file (`check --scenario`, `import` of people, facts and
 * programme facts, as JSON lines or a JSON array): exit 2, the record, the field and why, and
 * nothing stored. Dropping it silently would change what the record means.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'repatria-unknown-fields-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
function file(name: string, content: string): string {
  files += 1;
  const path = join(dir, `${files}-${name}`);
  writeFileSync(path, content);
  return path;
}
const lines = (...records: unknown[]): string => records.map((r) => `${JSON.stringify(r)}\n`).join('');

const AT = '2024-01-01T00:00:00Z';
const NATIONALITY = { id: 'n1', type: 'nationality', country: 'XA', recordedAt: AT };

/** What the store holds after an import: people, and programme facts beyond the reference data the CLI seeds. */
async function stored(db: string): Promise<{ people: number; programIds: string[] }> {
  const store = await openStore({ dbPath: db });
  try {
    const program = await store.programFacts();
    return {
      people: await store.countPeople(),
      programIds: program.filter((f) => f.type !== 'tps_designation').map((f) => f.id),
    };
  } finally {
    await store.close();
  }
}

describe('repatria check with an unknown field in a fact', () => {
  it('refuses the misspelt through and retracted_at of a hold, and the Stay of an appeal, rather than deciding without them', async () => {
    const scenario = {
      id: 'typo',
      reference: 'none',
      program: [
        {
          id: 'a1',
          type: 'return_agreement',
          country: 'XA',
          from: '2020-01-01',
          requiresTravelDocument: false,
          transport: 'receiving',
          recordedAt: AT,
        },
      ],
      person: {
        id: 'P1',
        facts: [
          NATIONALITY,
          { id: 'o1', type: 'final_order', kind: 'removal', from: '2023-01-01', recordedAt: AT },
          {
            id: 'h1',
            type: 'hold',
            kind: 'medical',
            from: '2024-01-01',
            thru: '2024-02-01',
            retracted_at: '2024-01-02T00:00:00Z',
            recordedAt: AT,
          },
          { id: 'ap', type: 'appeal', Stay: true, from: '2024-01-01', recordedAt: AT },
        ],
      },
      query: { on: '2024-06-01', knownAt: '2025-01-01T00:00:00Z' },
    };
    const r = await cli(['check', '--scenario', file('typo.json', JSON.stringify(scenario))]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'error: invalid input',
        'scenario "typo", fact "h1": field "thru": unknown field (did you mean "through"?)',
        'scenario "typo", fact "h1": field "retracted_at": unknown field (did you mean "retractedAt"?)',
        'scenario "typo", fact "ap": field "Stay": unknown field (did you mean "stay"?)',
        '',
      ].join('\n'),
    );
  });
});

describe('repatria import with an unknown field', () => {
  it('--people: refuses an extra key on a person line and on one of its facts, and stores nobody', async () => {
    const db = join(dir, 'people.db');
    const input = file(
      'people.jsonl',
      lines(
        { id: 'P1', facts: [NATIONALITY] },
        { id: 'P2', name: 'Someone', facts: [{ ...NATIONALITY, id: 'n2' }] },
        {
          id: 'P3',
          facts: [
            {
              id: 'h3',
              type: 'hold',
              kind: 'medical',
              from: '2024-01-01',
              thru: '2024-02-01',
              recordedAt: AT,
            },
          ],
        },
      ),
    );
    const r = await cli(['import', '--people', input, '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'line 2, person "P2": field "name": unknown field (a person line has id and facts)',
    );
    expect(r.stderr).toContain(
      'line 3, person "P3", fact "h3": field "thru": unknown field (did you mean "through"?)',
    );
    expect(r.stderr).toContain('nothing of the file was stored');
    expect((await stored(db)).people).toBe(0);
  });

  it('--facts: reads personId as whose fact it is, and refuses a misspelt field beside it', async () => {
    const db = join(dir, 'facts.db');
    const good = file('good-facts.jsonl', lines({ personId: 'P1', ...NATIONALITY }));
    expect((await cli(['import', '--facts', good, '--db', db])).status).toBe(0);
    const bad = file(
      'bad-facts.jsonl',
      lines({ personId: 'P2', id: 'a2', type: 'appeal', Stay: true, from: '2024-01-01', recordedAt: AT }),
    );
    const r = await cli(['import', '--facts', bad, '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'line 1, person "P2", fact "a2": field "Stay": unknown field (did you mean "stay"?)',
    );
    expect((await stored(db)).people).toBe(1);
  });

  it('--program: refuses an unknown key in JSON lines and in a JSON array, criteria included', async () => {
    const db = join(dir, 'program.db');
    const order = {
      id: 'c1',
      type: 'class_order',
      criteria: { nationality: ['XA'] },
      from: '2025-01-01',
      citation: 'Doe v. Test',
      recordedAt: AT,
    };
    const jsonl = file('program.jsonl', lines({ ...order, throught: '2025-12-31' }));
    const first = await cli(['import', '--program', jsonl, '--db', db]);
    expect(first.status).toBe(2);
    expect(first.stderr).toContain(
      'line 1, fact "c1": field "throught": unknown field (did you mean "through"?)',
    );
    const array = file('program.json', JSON.stringify([{ ...order, criteria: { nationalities: ['XA'] } }]));
    const second = await cli(['import', '--program', array, '--db', db]);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(
      'fact "c1": field "criteria.nationalities": unknown field (did you mean "nationality"?)',
    );
    expect((await stored(db)).programIds).toEqual([]);
    // The same order, spelt as the contract spells it, is stored.
    expect(
      (await cli(['import', '--program', file('program-ok.json', JSON.stringify([order])), '--db', db]))
        .status,
    ).toBe(0);
    expect((await stored(db)).programIds).toEqual(['c1']);
  });
});
