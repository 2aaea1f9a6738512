/**
 * Rule scenarios as data: every scenario file of the shared contract and of this project is
 * run through `repatria check`, and each answer must match the scenario's `expect`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const DIRS = [join(import.meta.dirname, '../../../shared/scenarios'), join(import.meta.dirname, '../scenarios')];

const files = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f)),
);

interface Expected {
  id: string;
  expect?: { removable: boolean; blockers: string[] };
  expectDetail?: { blockers?: { code: string; facts?: string[]; until?: string | null }[]; basis?: string[]; changesOn?: string | null };
}

describe('scenario files through repatria check', () => {
  it('finds the shared scenarios', () => {
    expect(files.some((f) => f.includes('shared'))).toBe(true);
  });

  for (const file of files) {
    it(`gives the expected decision for every scenario of ${file.split('/').slice(-2).join('/')}`, async () => {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as Expected | Expected[];
      const scenarios = Array.isArray(raw) ? raw : [raw];
      const result = await cli(['check', '--scenario', file]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(scenarios.length);
      scenarios.forEach((s, i) => {
        const got = lines[i]!;
        expect(got.id).toBe(s.id);
        expect(Object.keys(got)).toEqual(['id', 'removable', 'blockers', 'basis', 'changesOn']);
        if (s.expect) {
          expect({ id: s.id, removable: got.removable, blockers: (got.blockers as { code: string }[]).map((b) => b.code) }).toEqual({
            id: s.id,
            ...s.expect,
          });
        }
        if (s.expectDetail) expect({ id: s.id, ...got }).toMatchObject({ id: s.id, ...s.expectDetail });
      });
    });
  }
});
