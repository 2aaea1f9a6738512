/** `repatria check` refuses bad input with status 2 and a message naming scenario, fact and field. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'repatria-check-'));

function scenario(facts: unknown[], extra: Record<string, unknown> = {}): unknown {
  return {
    id: 'bad-one',
    reference: 'none',
    program: [
      { id: 'a1', type: 'return_agreement', country: 'XA', from: '2020-01-01', requiresTravelDocument: false, transport: 'receiving', recordedAt: '2024-01-01T00:00:00Z' },
    ],
    person: { id: 'P1', facts: [{ id: 'n1', type: 'nationality', country: 'XA', recordedAt: '2024-01-01T00:00:00Z' }, ...facts] },
    query: { on: '2024-06-01', knownAt: '2025-01-01T00:00:00Z' },
    ...extra,
  };
}

async function check(content: string) {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, content);
  return cli(['check', '--scenario', file]);
}

describe('repatria check on invalid input', () => {
  it('malformed JSON', async () => {
    const r = await check('{"id": "x", ');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/malformed JSON/);
    expect(r.stdout).toBe('');
  });

  it('unknown fact type', async () => {
    const r = await check(JSON.stringify(scenario([{ id: 'f9', type: 'visa', from: '2024-01-01', recordedAt: '2024-01-01T00:00:00Z' }])));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scenario "bad-one", fact "f9": field "type"');
    expect(r.stderr).toContain('unknown person fact type "visa"');
  });

  it('impossible date', async () => {
    const r = await check(JSON.stringify(scenario([{ id: 'o1', type: 'final_order', kind: 'removal', from: '2025-02-30', recordedAt: '2024-01-01T00:00:00Z' }])));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scenario "bad-one", fact "o1": field "from"');
    expect(r.stderr).toContain('"2025-02-30" is not a real calendar date');
  });

  it('through before from', async () => {
    const r = await check(JSON.stringify(scenario([{ id: 'h1', type: 'hold', kind: 'medical', from: '2024-05-01', through: '2024-04-30', recordedAt: '2024-01-01T00:00:00Z' }])));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scenario "bad-one", fact "h1": field "through": is before from');
  });

  it('unknown designation', async () => {
    const r = await check(JSON.stringify(scenario([{ id: 'g1', type: 'tps', designation: 'XA-1999', from: '2024-01-01', recordedAt: '2024-01-01T00:00:00Z' }])));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scenario "bad-one", fact "g1": field "designation": unknown designation "XA-1999"');
  });

  it('unknown designation is also refused with the built-in reference data', async () => {
    const r = await check(JSON.stringify(scenario([{ id: 'g1', type: 'tps', designation: 'VE-2019', from: '2024-01-01', recordedAt: '2024-01-01T00:00:00Z' }], { reference: 'builtin' })));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('fact "g1": field "designation"');
  });

  it('a bad instant in the query names the field', async () => {
    const r = await check(JSON.stringify(scenario([], { query: { on: '2024-06-01', knownAt: '2025-01-01' } })));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scenario "bad-one": field "query.knownAt"');
  });

  it('duplicate fact ids', async () => {
    const r = await check(JSON.stringify(scenario([{ id: 'n1', type: 'stay', from: '2024-01-01', recordedAt: '2024-01-01T00:00:00Z' }])));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('fact "n1": field "id"');
  });

  it('a missing file is a usage error', async () => {
    const r = await cli(['check', '--scenario', join(dir, 'nope.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot read scenario file');
  });
});
