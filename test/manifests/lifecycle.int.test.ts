/**
 * Done-when #1: a manifest walked through every state with the right roles, on SQLite and
 * PostgreSQL; at every step every role that may not take it, and every command the state
 * does not allow, is refused with a message saying why, and stores nothing.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RefusedError } from '../../src/application/operations.js';
import {
  ALLOWED_STATES,
  COMMAND_ACTIONS,
  STATE_WORDS,
  type ManifestCommand,
} from '../../src/domain/manifest/decide.js';
import type { ManifestState } from '../../src/domain/manifest/manifest.js';
import { may, ROLES, type Role } from '../../src/domain/roles.js';
import { as, DIALECTS, flight, openWorld, readyPerson, removeTemp, type World } from './world.js';

const databaseUrl = inject('databaseUrl');
afterAll(removeTemp);

type Command = Exclude<ManifestCommand, { type: 'create' }>;

/** One command of each type, to try where the state does not allow it. */
const SAMPLES: readonly Command[] = [
  { type: 'add', personIds: ['P4'] },
  { type: 'submit' },
  { type: 'review', outcome: 'cleared' },
  { type: 'approve' },
  { type: 'strike', personId: 'P1', reasons: [{ code: 'WITHDRAWN', facts: [] }] },
  { type: 'board' },
  { type: 'depart', notBoarded: [] },
  { type: 'arrive', reference: 'R', confirmations: [] },
  { type: 'confirm', reference: 'R', confirmations: [{ personId: 'P1', outcome: 'accepted' }] },
  { type: 'inbound', passengerId: 'US-9', citizenship: 'US' },
  { type: 'close' },
  { type: 'cancel' },
];

const WALK: readonly { command: Command; role: Role; then: ManifestState }[] = [
  { command: { type: 'add', personIds: ['P1', 'P2', 'P3'] }, role: 'planner', then: 'draft' },
  { command: { type: 'submit' }, role: 'planner', then: 'in_review' },
  { command: { type: 'review', outcome: 'cleared' }, role: 'legal', then: 'in_review' },
  { command: { type: 'approve' }, role: 'supervisor', then: 'approved' },
  {
    command: { type: 'strike', personId: 'P3', reasons: [{ code: 'WITHDRAWN', facts: [] }] },
    role: 'legal',
    then: 'approved',
  },
  { command: { type: 'board' }, role: 'supervisor', then: 'boarding' },
  { command: { type: 'depart', notBoarded: [] }, role: 'officer', then: 'departed' },
  {
    command: { type: 'inbound', passengerId: 'US-0001', citizenship: 'US' },
    role: 'officer',
    then: 'departed',
  },
  {
    command: { type: 'arrive', reference: 'XA-1', confirmations: [{ personId: 'P1', outcome: 'accepted' }] },
    role: 'officer',
    then: 'arrived',
  },
  {
    command: { type: 'confirm', reference: 'XA-2', confirmations: [{ personId: 'P2', outcome: 'accepted' }] },
    role: 'supervisor',
    then: 'arrived',
  },
  { command: { type: 'close' }, role: 'supervisor', then: 'closed' },
];

/** Every refusal a manifest in its current state must give: wrong states (even for admin), then wrong roles for `next`. */
async function expectRefusals(world: World, id: string, next: Command | undefined): Promise<number> {
  const { ops } = world;
  const before = (await ops.show(as('auditor'), id)).manifest;
  let refused = 0;
  for (const sample of SAMPLES) {
    if (ALLOWED_STATES[sample.type].includes(before.state)) continue;
    const attempt = ops.command(as('admin'), id, sample, 'trying');
    await expect(attempt, `${sample.type} while ${before.state}`).rejects.toBeInstanceOf(RefusedError);
    await expect(attempt).rejects.toMatchObject({
      code: 'CONFLICT',
      refusal: { code: 'WRONG_STATE' },
      message: expect.stringContaining(
        `it is ${STATE_WORDS[before.state]}, and this is allowed only while it is`,
      ),
    });
    refused += 1;
  }
  if (next !== undefined) {
    const action = COMMAND_ACTIONS[next.type];
    for (const role of ROLES.filter((r) => !may(r, action))) {
      await expect(ops.command(as(role), id, next), `${role} ${next.type}`).rejects.toMatchObject({
        name: 'RepatriaError',
        code: 'FORBIDDEN',
        message: expect.stringMatching(
          new RegExp(`^The ${role} role may not .+; that is for the .+ roles?\\.$`),
        ),
      });
      refused += 1;
    }
  }
  // Refusals store nothing.
  expect((await ops.show(as('auditor'), id)).manifest.version).toBe(before.version);
  return refused;
}

for (const dialect of DIALECTS) {
  describe(`manifest lifecycle (${dialect})`, () => {
    let world: World;
    beforeAll(async () => {
      world = await openWorld(
        dialect,
        databaseUrl,
        ['P1', 'P2', 'P3', 'P4', 'P5'].map((id) => readyPerson(id)),
      );
      await world.ops.registerFlight(as('planner'), flight('FL1', 10));
    });
    afterAll(async () => {
      await world.close();
    });

    it('walks draft → in_review → approved → boarding → departed → arrived → closed; refuses every wrong role and state, saying why', async () => {
      const { ops } = world;
      await expect(ops.createManifest(as('officer'), { flightId: 'FL1' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('The officer role may not draft manifests'),
      });
      const { manifest } = await ops.createManifest(as('planner', 'pat'), { flightId: 'FL1' });
      expect(manifest).toMatchObject({ id: 'M-FL1-1', state: 'draft', owner: 'pat' });
      await expect(
        ops.createManifest(as('planner'), { flightId: 'FL1', manifestId: manifest.id }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        refusal: { code: 'WRONG_STATE', fields: [{ field: 'manifestId' }] },
        message: 'Manifest M-FL1-1 already exists (flight FL1, a draft); choose another id.',
      });

      let refusals = 0;
      for (const step of WALK) {
        refusals += await expectRefusals(world, manifest.id, step.command);
        const result = await ops.command(
          as(step.role),
          manifest.id,
          step.command,
          `step: ${step.command.type}`,
        );
        expect(result.manifest.state, step.command.type).toBe(step.then);
      }
      refusals += await expectRefusals(world, manifest.id, undefined);
      expect(refusals).toBeGreaterThan(80);

      const view = await ops.show(as('auditor'), manifest.id);
      expect(view.events.map((e) => e.kind)).toEqual([
        'created',
        'person_added',
        'person_added',
        'person_added',
        'submitted',
        'review_cleared',
        'approved',
        'person_struck',
        'boarding_started',
        'departed',
        'inbound_recorded',
        'arrived',
        'arrival_confirmed',
        'arrival_confirmed',
        'closed',
      ]);
      for (const e of view.events) {
        expect(e.at).toBeGreaterThan(0);
        expect(e.actor).not.toBe('');
        expect(ROLES).toContain(e.role);
        expect(e.reason).not.toBe('');
      }
      expect(view.events.find((e) => e.kind === 'approved')).toMatchObject({
        actor: 'supervisor-1',
        role: 'supervisor',
        reason: 'step: approve',
      });
      expect(view.manifest.people.map((p) => [p.personId, p.boarded, p.arrival?.outcome ?? null])).toEqual([
        ['P1', true, 'accepted'],
        ['P2', true, 'accepted'],
        ['P3', null, null],
      ]);
      expect(view.manifest.people[2]!.strike).toMatchObject({
        reasons: [{ code: 'WITHDRAWN' }],
        by: 'legal-1',
        role: 'legal',
        cause: 'manual',
      });
      expect(view.manifest.inbound).toMatchObject([{ passengerId: 'US-0001', citizenship: 'US' }]);

      // Every transition is in the audit chain, which is intact.
      const audit = await ops.auditLog(as('auditor'), { subjectId: manifest.id, limit: 100 });
      expect(audit.map((e) => e.what)).toEqual(view.events.map((e) => `manifest.${e.kind}`));
      expect(await ops.verifyAudit(as('auditor'))).toMatchObject({ ok: true });
    });

    it('cancels before departure with a reason, and then refuses everything', async () => {
      const { ops } = world;
      const { manifest } = await ops.createManifest(as('planner'), {
        flightId: 'FL1',
        manifestId: 'M-cancel',
      });
      await ops.command(as('planner'), manifest.id, { type: 'add', personIds: ['P4'] });
      await ops.command(as('planner'), manifest.id, { type: 'submit' });
      await ops.command(as('legal'), manifest.id, { type: 'review', outcome: 'cleared' });
      await ops.command(as('supervisor'), manifest.id, { type: 'approve' });
      await ops.command(as('supervisor'), manifest.id, { type: 'board' });
      await expect(ops.command(as('supervisor'), manifest.id, { type: 'cancel' })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: 'A cancellation needs a reason.',
      });
      await expect(ops.command(as('auditor'), manifest.id, { type: 'cancel' }, 'no')).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      const cancelled = await ops.command(
        as('supervisor'),
        manifest.id,
        { type: 'cancel' },
        'aircraft unserviceable',
      );
      expect(cancelled.manifest.state).toBe('cancelled');
      await expectRefusals(world, manifest.id, undefined);
      // Cancelled manifests hold no seats and no people: P4 may go on another manifest.
      const other = await ops.createManifest(as('planner'), { flightId: 'FL1' });
      expect(
        (await ops.command(as('planner'), other.manifest.id, { type: 'add', personIds: ['P4'] })).manifest
          .people,
      ).toHaveLength(1);
    });

    it('refuses unknown manifests and people, and a person already on another open manifest', async () => {
      const { ops } = world;
      await expect(ops.command(as('planner'), 'nope', { type: 'submit' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'No manifest nope.',
      });
      const { manifest } = await ops.createManifest(as('planner'), {
        flightId: 'FL1',
        manifestId: 'M-other',
      });
      await expect(
        ops.command(as('planner'), manifest.id, { type: 'add', personIds: ['ghost'] }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('ghost') });
      await expect(
        ops.command(as('planner'), manifest.id, { type: 'add', personIds: ['P4'] }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        refusal: { code: 'ON_OTHER_MANIFEST' },
        message: expect.stringContaining('P4 (on M-FL1-3)'),
      });
    });
  });
}
