/** The installed command itself (built by `npm install`), run as a separate process. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('stops quietly, exit 0, when its reader closes the pipe early', () => {
    const dir = mkdtempSync(join(tmpdir(), 'repatria-pipe-'));
    try {
      const db = join(dir, 'r.db');
      execFileSync('node', [BIN, 'demo', '--people', '3000', '--seed', '2', '--db', db], { stdio: 'ignore' });
      // A real pipeline, as an operator types it: `head` reads one line and closes the pipe.
      const sweep = `node ${JSON.stringify(BIN)} sweep --on 2025-06-01 --format jsonl --no-snapshot --db ${JSON.stringify(db)}`;
      const r = spawnSync('bash', ['-c', `${sweep} | head -1; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
      expect(r.stdout).toMatch(/^\{"id":"P\d+"/);
      expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
