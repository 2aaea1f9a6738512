/**
 * `repatria manifest|notice|order|audit` on a real SQLite file: every step of a manifest's life
 * from the command line, and every refusal exits 2 saying why.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { at } from '../store/fact-factory.js';
import { AGREEMENT, readyPerson } from '../manifests/world.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'repatria-manifest-cli-'));
const db = join(dir, 'store.db');
const NOW = at('2025-06-20T09:00:00Z');

/** Runs a command as `user` in `role` on the test file. */
const run = (role: string, args: readonly string[], user = `${role}-1`) =>
  cli([...args, '--as', user, '--role', role, '--db', db], {}, NOW);

beforeAll(async () => {
  const store = await openStore({ dbPath: db });
  try {
    await store.recordProgramFacts([AGREEMENT], { id: 'loader', role: 'admin' });
    // P1 and P2 have not been served notice yet; P3 has, with counsel.
    const unserved = (id: string) => {
      const p = readyPerson(id);
      return { ...p, facts: p.facts.filter((f) => f.type !== 'notice') };
    };
    await store.addPeople([unserved('P1'), unserved('P2'), readyPerson('P3')], {
      id: 'loader',
      role: 'admin',
    });
  } finally {
    await store.close();
  }
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('repatria manifest, notice, order and audit', () => {
  it('runs a manifest from draft to closed, refusing wrong roles and states with exit 2 and the reason', async () => {
    expect(
      await run('planner', [
        'manifest',
        'flight',
        '--id',
        'FL1',
        '--date',
        '2025-07-01',
        '--origin',
        'IAH',
        '--destination',
        'XAA',
        '--origin-country',
        'US',
        '--destination-country',
        'XA',
        '--seats',
        '3',
      ]),
    ).toMatchObject({
      status: 0,
      stdout: 'Registered Flight FL1: IAH → XAA (US → XA), 1 Jul 2025, 3 seats.\n',
    });
    expect((await run('planner', ['manifest', 'create', '--flight', 'FL1'], 'pat')).stdout).toBe(
      'Manifest M-FL1-1: draft (version 1), 0 on board.\n',
    );
    // A taken id conflicts with what is recorded, as a taken flight id does.
    expect(await run('planner', ['manifest', 'create', '--flight', 'FL1', '--id', 'M-FL1-1'])).toMatchObject({
      status: 2,
      stderr: 'error (CONFLICT): Manifest M-FL1-1 already exists (flight FL1, a draft); choose another id.\n',
    });

    const early = await run('planner', ['manifest', 'add', 'M-FL1-1', 'P1', 'P2', 'P3']);
    expect(early.status).toBe(2);
    expect(early.stderr).toBe(
      'error (CONFLICT): May not take flight FL1 as known now, so not added: P1: NOTICE_PERIOD; P2: NOTICE_PERIOD.\n',
    );

    const half = await run('officer', [
      'notice',
      'serve',
      '--person',
      'P1',
      '--to',
      'person',
      '--language',
      'es',
      '--method',
      'in_person',
      '--served-on',
      '2025-06-02',
    ]);
    expect(half.stdout).toContain(
      'Served on the person on 2 Jun 2025; the notice period starts once counsel of record is served too',
    );
    expect(
      (
        await run('officer', [
          'notice',
          'serve',
          '--person',
          'P1',
          '--to',
          'counsel',
          '--language',
          'es',
          '--method',
          'electronic',
          '--served-on',
          '2025-06-04',
        ])
      ).stdout,
    ).toContain('Notice complete: the notice period runs from 4 Jun 2025');
    expect(
      (
        await run('officer', [
          'notice',
          'serve',
          '--person',
          'P2',
          '--to',
          'person',
          '--language',
          'ht',
          '--method',
          'via_facility',
          '--served-on',
          '2025-06-03',
          '--no-counsel-of-record',
        ])
      ).stdout,
    ).toContain('Notice complete: the notice period runs from 3 Jun 2025');
    // Served again: the notice stands as it was, and says so.
    const serveP1 = (servedOn: string) =>
      run('officer', ['notice', 'serve', '--person', 'P1', '--to', 'both', '--language', 'es', '--method', 'mail', '--served-on', servedOn]);
    expect((await serveP1('2025-06-10')).stdout).toContain(
      'Notice complete: the notice period runs from 4 Jun 2025 (unchanged by this serving).',
    );
    // A serving dated after today (the clock reads 20 Jun 2025) is not recorded.
    expect(await serveP1('2025-07-01')).toMatchObject({
      status: 2,
      stderr: 'error (INVALID_INPUT): The notice is dated 2025-07-01, after today (2025-06-20): record a serving once it has been made.\n',
    });
    const planner = await run('planner', [
      'notice',
      'serve',
      '--person',
      'P3',
      '--to',
      'both',
      '--language',
      'es',
      '--method',
      'mail',
      '--served-on',
      '2025-06-03',
    ]);
    expect(planner).toMatchObject({
      status: 2,
      stderr:
        'error (FORBIDDEN): The planner role may not serve notices of intended removal; that is for the officer or admin roles.\n',
    });

    expect((await run('planner', ['manifest', 'add', 'M-FL1-1', 'P1', 'P2', 'P3'])).status).toBe(0);
    expect((await run('planner', ['manifest', 'submit', 'M-FL1-1'])).status).toBe(0);
    expect(await run('planner', ['manifest', 'approve', 'M-FL1-1'])).toMatchObject({
      status: 2,
      stderr:
        'error (FORBIDDEN): The planner role may not approve manifests; that is for the supervisor or admin roles.\n',
    });
    expect(await run('supervisor', ['manifest', 'approve', 'M-FL1-1'])).toMatchObject({
      status: 2,
      stderr:
        'error (CONFLICT): Cannot approve manifest M-FL1-1: it has not passed legal review; the legal role must clear it first.\n',
    });
    expect((await run('legal', ['manifest', 'review', 'M-FL1-1', '--clear'])).status).toBe(0);
    expect(await run('legal', ['manifest', 'review', 'M-FL1-1', '--clear'])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(
        /^error \(CONFLICT\): Cannot record a legal review of manifest M-FL1-1: it has already passed legal review \(cleared by legal-1 at 2025-06-20T09:00:00Z\); approve it, or return it to draft\.\n$/,
      ),
    });
    expect((await run('supervisor', ['manifest', 'approve', 'M-FL1-1'])).stdout).toBe(
      'Manifest M-FL1-1: approved (version 7), 3 on board.\n',
    );

    const order = await run(
      'legal',
      ['order', 'stay', '--person', 'P2', '--from', '2025-06-19', '--id', 'stay-P2'],
      'lee',
    );
    expect(order.status).toBe(0);
    expect(order.stdout).toBe(
      'Recorded stay-P2 at 2025-06-20T09:00:00Z.\n  struck P2 from M-FL1-1: STAY_OF_REMOVAL (fact stay-P2)\n',
    );
    // The same order again (a retried command) records nothing, and says so.
    expect(
      await run(
        'legal',
        ['order', 'stay', '--person', 'P2', '--from', '2025-06-19', '--id', 'stay-P2'],
        'lee',
      ),
    ).toMatchObject({
      status: 0,
      stdout: 'Fact stay-P2 was already recorded with the same content; nothing changed.\n',
    });
    expect(
      (await run('officer', ['order', 'stay', '--person', 'P3', '--from', '2025-06-19'])).stderr,
    ).toContain('The officer role may not record court orders');
    expect(await run('legal', ['manifest', 'strike', 'M-FL1-1', 'P2', '--code', 'WITHDRAWN'])).toMatchObject({
      status: 2,
      stderr:
        'error (INVALID_INPUT): P2 is already struck from manifest M-FL1-1, since 2025-06-20T09:00:00Z, by lee (legal), for STAY_OF_REMOVAL (fact stay-P2).\n',
    });
    expect(
      await run('legal', ['manifest', 'strike', 'M-FL1-1', 'P1', '--code', 'HOLD', '--fact', 'nosuchfact']),
    ).toMatchObject({
      status: 2,
      stderr:
        'error (INVALID_INPUT): Fact nosuchfact is not among the facts of P1 or of the programme known now; cite the ids of the facts behind the strike, or none.\n',
    });
    expect(
      await run('auditor', ['manifest', 'strike', 'M-FL1-1', 'P1', '--code', 'HOLD', '--fact', 'nosuchfact']),
    ).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('error (FORBIDDEN): The auditor role may not'),
    });

    expect((await run('supervisor', ['manifest', 'board', 'M-FL1-1'])).stdout).toBe(
      'Manifest M-FL1-1: boarding (version 9), 2 on board.\n',
    );
    expect(await run('officer', ['manifest', 'close', 'M-FL1-1'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('The officer role may not close manifests'),
    });
    expect(await run('supervisor', ['manifest', 'close', 'M-FL1-1'])).toMatchObject({
      status: 2,
      stderr:
        'error (CONFLICT): Cannot close manifest M-FL1-1: it is boarding, and this is allowed only while it is arrived.\n',
    });
    expect(await run('officer', ['manifest', 'depart', 'M-FL1-1', '--not-boarded', 'P2'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(
        'Not on manifest M-FL1-1: P2 (struck since 2025-06-20T09:00:00Z, by lee',
      ),
    });
    // Two were on board; one boarded.
    expect(await run('officer', ['manifest', 'depart', 'M-FL1-1', '--not-boarded', 'P3'])).toMatchObject({
      status: 0,
      stdout: 'Manifest M-FL1-1: departed (version 10), 1 on board.\n',
    });
    expect(
      (
        await run('officer', [
          'manifest',
          'inbound',
          'M-FL1-1',
          '--passenger',
          'US-REF-1',
          '--citizenship',
          'US',
        ])
      ).status,
    ).toBe(0);
    expect(
      (await run('officer', ['manifest', 'arrive', 'M-FL1-1', '--reference', 'XA-77', '--accepted', 'all']))
        .status,
    ).toBe(0);
    expect((await run('supervisor', ['manifest', 'close', 'M-FL1-1'])).stdout).toBe(
      'Manifest M-FL1-1: closed (version 14), 1 on board.\n',
    );

    const show = await run('auditor', ['manifest', 'show', 'M-FL1-1']);
    expect(show.stdout).toContain('Manifest M-FL1-1 — closed, version 14, owner pat');
    expect(show.stdout).toMatch(
      /P2\s+struck\s+STAY_OF_REMOVAL \(fact stay-P2\) — lee \(legal\): re-decided when fact stay-P2 was recorded/,
    );
    expect(show.stdout).toMatch(/P1\s+boarded\s+accepted \(XA-77\)/);
    expect(show.stdout).toMatch(/P3\s+did not board/);
    expect(show.stdout).toContain('Return leg: US-REF-1 (US)');
    expect((await run('auditor', ['manifest', 'list'])).stdout).toMatch(
      /M-FL1-1\s+closed\s+FL1\s+2025-07-01\s+IAH-XAA\s+1\s+1\s+pat/,
    );

    const verify = await run('auditor', ['audit', 'verify']);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/^Audit chain intact: \d+ entries; last entry \d+, hash [0-9a-f]{64}\.\n$/);
    expect((await run('auditor', ['audit', 'list', '--subject', 'P2'])).stdout).toContain('notice.served');
  });

  it('refuses an unknown role, a missing actor, and a bad reason code', async () => {
    expect(await run('pilot', ['manifest', 'list'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(
        '"pilot" is not a role; the roles are officer, planner, legal, supervisor, auditor, admin',
      ),
    });
    const missing = await cli(['manifest', 'list', '--db', db], {}, NOW);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("required option '--as <user>' not specified");
    const badCode = await run('planner', ['manifest', 'strike', 'M-FL1-1', 'P1', '--code', 'BECAUSE']);
    expect(badCode.status).toBe(2);
    expect(badCode.stderr).toContain('option --code: "BECAUSE" is not a reason code');
  });
});
