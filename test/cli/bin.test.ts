/** The installed command itself (built by `npm install`), run as a separate process. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/repatria.js');

describe('the repatria binary', () => {
  it('checks the shared example scenarios', () => {
    const out = execFileSync('node', [BIN, 'check', '--scenario', join(ROOT, '../shared/scenarios/examples.json')], { encoding: 'utf8' });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; removable: boolean });
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(lines.find((l) => l.id === 'basic-removable')?.removable).toBe(true);
  });

  it('exits 2 on a usage error', () => {
    const r = spawnSync('node', [BIN, 'check'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("required option '--scenario <file>'");
  });
});
