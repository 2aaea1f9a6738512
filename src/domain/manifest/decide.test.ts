/** The manifest decider alone: states, refusals, seats, the departure check and families. */
import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../dates.js';
import type { Person, ProgramFact } from '../facts.js';
import {
  ALLOWED_STATES,
  citationRefusal,
  COMMAND_ACTIONS,
  decide,
  rescreen,
  STATE_WORDS,
  type ManifestCommand,
  type ManifestContext,
  type Screening,
} from './decide.js';
import {
  evolve,
  MANIFEST_STATES,
  onBoardList,
  replay,
  seatsHeld,
  type EventMeta,
  type FlightInfo,
  type Manifest,
  type ManifestEvent,
  type ManifestState,
} from './manifest.js';
import { may, ROLES } from '../roles.js';

const FLIGHT: FlightInfo = {
  id: 'FL1',
  date: dayFromCivil(2025, 7, 1),
  origin: 'IAH',
  destination: 'XAA',
  originCountry: 'US',
  destinationCountry: 'XA',
  seats: 4,
};
let clock = 1_000;
const meta = (reason = 'because'): EventMeta => ({
  at: (clock += 1000),
  actor: 'admin-1',
  role: 'admin',
  reason,
});
const free = (personId: string, familyGroup?: string): Screening => ({ personId, reasons: [], familyGroup });
const blocked = (personId: string, familyGroup?: string): Screening => ({
  personId,
  reasons: [{ code: 'STAY_OF_REMOVAL', facts: ['s1'] }],
  familyGroup,
});
const ctx = (
  screenings: readonly Screening[] = [],
  extra: Partial<ManifestContext> = {},
): ManifestContext => ({
  flight: FLIGHT,
  screenings: new Map(screenings.map((s) => [s.personId, s])),
  seatsHeldElsewhere: 0,
  elsewhere: new Map(),
  ...extra,
});

function run(m: Manifest | undefined, command: ManifestCommand, context = ctx(), reason?: string): Manifest {
  const decided = decide(m, command, meta(reason), context);
  if (!decided.ok) throw new Error(decided.refusal.message);
  return decided.events.reduce<Manifest | undefined>((acc, e) => evolve(acc, e, 'M1'), m)!;
}

const PEOPLE = ['P1', 'P2', 'P3'];
const ALL_FREE = ctx(PEOPLE.map((p) => free(p)));

/** A manifest brought to each state by the usual path. */
function inState(state: ManifestState): Manifest {
  let m = run(undefined, { type: 'create', flightId: 'FL1' });
  m = run(m, { type: 'add', personIds: PEOPLE }, ALL_FREE);
  if (state === 'draft') return m;
  if (state === 'cancelled') return run(m, { type: 'cancel' }, ALL_FREE, 'flight withdrawn');
  m = run(m, { type: 'submit' });
  if (state === 'in_review') return m;
  m = run(m, { type: 'review', outcome: 'cleared' });
  m = run(m, { type: 'approve' }, ALL_FREE);
  if (state === 'approved') return m;
  m = run(m, { type: 'board' }, ALL_FREE);
  if (state === 'boarding') return m;
  m = run(m, { type: 'depart', notBoarded: [] }, ALL_FREE);
  if (state === 'departed') return m;
  m = run(m, { type: 'arrive', reference: 'R1', confirmations: [] });
  if (state === 'arrived') return m;
  m = run(m, {
    type: 'confirm',
    reference: 'R1',
    confirmations: PEOPLE.map((personId) => ({ personId, outcome: 'accepted' as const })),
  });
  return run(m, { type: 'close' });
}

/** One valid-looking command of each type. */
const SAMPLES: readonly Exclude<ManifestCommand, { type: 'create' }>[] = [
  { type: 'add', personIds: ['P9'] },
  { type: 'submit' },
  { type: 'review', outcome: 'cleared' },
  { type: 'approve' },
  { type: 'strike', personId: 'P1', reasons: [{ code: 'WITHDRAWN', facts: [] }] },
  { type: 'board' },
  { type: 'depart', notBoarded: [] },
  { type: 'arrive', reference: 'R', confirmations: [] },
  { type: 'confirm', reference: 'R', confirmations: [{ personId: 'P1', outcome: 'accepted' }] },
  { type: 'inbound', passengerId: 'US-1', citizenship: 'US' },
  { type: 'close' },
  { type: 'cancel' },
];

describe('manifest lifecycle', () => {
  it('reaches every state, each transition an event with actor, role, instant and reason', () => {
    for (const state of MANIFEST_STATES) expect(inState(state).state).toBe(state);
    const closed = inState('closed');
    expect(closed.people.every((p) => p.boarded === true && p.arrival?.outcome === 'accepted')).toBe(true);
  });

  it('refuses every command in every state that does not allow it, naming the state', () => {
    for (const state of MANIFEST_STATES) {
      const m = inState(state);
      for (const command of SAMPLES) {
        if (ALLOWED_STATES[command.type].includes(state)) continue;
        const decided = decide(m, command, meta(), ctx([free('P9'), ...PEOPLE.map((p) => free(p))]));
        expect(decided, `${command.type} in ${state}`).toMatchObject({
          ok: false,
          refusal: { code: 'WRONG_STATE' },
        });
        if (!decided.ok) expect(decided.refusal.message).toContain(`it is ${STATE_WORDS[state]}`);
      }
    }
  });

  it('names an action for every command, and some role may take each', () => {
    for (const action of Object.values(COMMAND_ACTIONS))
      expect(ROLES.some((r) => r !== 'admin' && may(r, action))).toBe(true);
    expect(may('auditor', COMMAND_ACTIONS.approve)).toBe(false);
    expect(may('planner', COMMAND_ACTIONS.approve)).toBe(false);
    expect(may('supervisor', COMMAND_ACTIONS.approve)).toBe(true);
  });

  it('needs legal clearance before approval, and a return to draft withdraws it', () => {
    let m = run(inState('in_review'), { type: 'review', outcome: 'returned' });
    expect(m).toMatchObject({ state: 'draft', legalClearance: null });
    m = run(m, { type: 'submit' });
    expect(decide(m, { type: 'approve' }, meta(), ALL_FREE)).toMatchObject({
      ok: false,
      refusal: { code: 'NOT_CLEARED' },
    });
  });

  it('refuses a second manifest with a taken id as a wrong-state conflict, naming the field', () => {
    const decided = decide(inState('approved'), { type: 'create', flightId: 'FL1' }, meta(), ctx());
    expect(decided).toMatchObject({
      ok: false,
      refusal: {
        code: 'WRONG_STATE',
        message: 'Manifest M1 already exists (flight FL1, approved); choose another id.',
        fields: [{ field: 'manifestId', reason: 'is taken by another manifest' }],
      },
    });
  });

  it('refuses a second clearance as a wrong-state step, saying who cleared it and when', () => {
    const cleared = run(inState('in_review'), { type: 'review', outcome: 'cleared' });
    const decided = decide(cleared, { type: 'review', outcome: 'cleared' }, meta(), ctx());
    expect(decided).toMatchObject({ ok: false, refusal: { code: 'WRONG_STATE' } });
    if (!decided.ok) {
      expect(decided.refusal.message).toMatch(
        /^Cannot record a legal review of manifest M1: it has already passed legal review \(cleared by admin-1 at \S+Z\); approve it, or return it to draft\.$/,
      );
    }
    // Returning it to draft stays possible.
    expect(decide(cleared, { type: 'review', outcome: 'returned' }, meta(), ctx()).ok).toBe(true);
  });

  it('needs a reason to cancel', () => {
    expect(decide(inState('approved'), { type: 'cancel' }, meta(''), ALL_FREE)).toMatchObject({
      ok: false,
      refusal: { code: 'INVALID' },
    });
  });

  it('folds to the same manifest from its stored events', () => {
    const m = inState('closed');
    const events: ManifestEvent[] = [];
    // Rebuild by re-deciding from scratch and collecting events: replay must agree with evolve.
    let acc: Manifest | undefined;
    for (const command of [
      { type: 'create', flightId: 'FL1' },
      { type: 'add', personIds: PEOPLE },
    ] as const) {
      const d = decide(acc, command, meta(), ALL_FREE);
      if (!d.ok) throw new Error(d.refusal.message);
      events.push(...d.events);
      acc = d.events.reduce<Manifest | undefined>((x, e) => evolve(x, e, 'M1'), acc);
    }
    expect(replay('M1', events)).toEqual(acc);
    // create, 3 added, submit, clear, approve, board, depart, arrive, 3 confirmed, close.
    expect(m.version).toBe(1 + 3 + 1 + 1 + 1 + 1 + 1 + 1 + 3 + 1);
  });
});

describe('adding people', () => {
  it('refuses people blocked as known now, naming the reason and the fact', () => {
    const m = inState('draft');
    const decided = decide(m, { type: 'add', personIds: ['P4'] }, meta(), ctx([blocked('P4')]));
    expect(decided).toMatchObject({ ok: false, refusal: { code: 'NOT_ELIGIBLE' } });
    if (!decided.ok) expect(decided.refusal.message).toContain('P4: STAY_OF_REMOVAL (fact s1)');
  });

  it('refuses unknown people and people on another open manifest', () => {
    const m = inState('draft');
    expect(decide(m, { type: 'add', personIds: ['P8'] }, meta(), ctx())).toMatchObject({
      ok: false,
      refusal: { code: 'UNKNOWN_PERSON' },
    });
    const other = ctx([free('P4')], { elsewhere: new Map([['P4', 'M2']]) });
    expect(decide(m, { type: 'add', personIds: ['P4'] }, meta(), other)).toMatchObject({
      ok: false,
      refusal: { code: 'ON_OTHER_MANIFEST' },
    });
  });

  it('never fills a draft beyond the seats other manifests leave free', () => {
    const m = inState('draft'); // 3 of 4 seats
    expect(decide(m, { type: 'add', personIds: ['P4'] }, meta(), ctx([free('P4')]))).toMatchObject({
      ok: true,
    });
    expect(
      decide(m, { type: 'add', personIds: ['P4', 'P5'] }, meta(), ctx([free('P4'), free('P5')])),
    ).toMatchObject({ ok: false, refusal: { code: 'NO_SEATS' } });
    expect(
      decide(m, { type: 'add', personIds: ['P4'] }, meta(), ctx([free('P4')], { seatsHeldElsewhere: 1 })),
    ).toMatchObject({ ok: false, refusal: { code: 'NO_SEATS' } });
  });

  it('refuses to strike someone struck already, saying since when, by whom and why', () => {
    const m = run(inState('approved'), {
      type: 'strike',
      personId: 'P2',
      reasons: [{ code: 'WITHDRAWN', facts: [] }],
    });
    const again = decide(
      m,
      { type: 'strike', personId: 'P2', reasons: [{ code: 'ADMINISTRATIVE', facts: [] }] },
      meta(),
      ctx(),
    );
    expect(again).toMatchObject({
      ok: false,
      refusal: {
        code: 'NOT_ON_MANIFEST',
        message: expect.stringMatching(
          /^P2 is already struck from manifest M1, since \S+Z, by admin-1 \(admin\), for WITHDRAWN\.$/,
        ),
        fields: [{ field: 'personId', reason: 'is already struck from the manifest' }],
      },
    });
    expect(
      decide(
        m,
        { type: 'strike', personId: 'P9', reasons: [{ code: 'WITHDRAWN', facts: [] }] },
        meta(),
        ctx(),
      ),
    ).toMatchObject({
      ok: false,
      refusal: { message: 'P9 is not on manifest M1.', fields: [{ field: 'personId' }] },
    });
  });

  it('lets a struck person be added again while the manifest is a draft', () => {
    let m = run(inState('draft'), {
      type: 'strike',
      personId: 'P2',
      reasons: [{ code: 'WITHDRAWN', facts: [] }],
    });
    expect(onBoardList(m).map((p) => p.personId)).toEqual(['P1', 'P3']);
    m = run(m, { type: 'add', personIds: ['P2'] }, ALL_FREE);
    expect(m.people.find((p) => p.personId === 'P2')?.strike).toBeNull();
  });
});

describe('approval', () => {
  it('refuses when the flight has too few seats left, striking no one', () => {
    const m = inState('in_review');
    const cleared = run(m, { type: 'review', outcome: 'cleared' });
    const decided = decide(cleared, { type: 'approve' }, meta(), { ...ALL_FREE, seatsHeldElsewhere: 2 });
    expect(decided).toMatchObject({ ok: false, refusal: { code: 'NO_SEATS' } });
  });

  it('strikes whoever is blocked now, then counts seats without them', () => {
    const cleared = run(inState('in_review'), { type: 'review', outcome: 'cleared' });
    const decided = decide(cleared, { type: 'approve' }, meta(), {
      ...ctx([free('P1'), blocked('P2'), free('P3')]),
      seatsHeldElsewhere: 2,
    });
    expect(decided.ok).toBe(true);
    if (decided.ok) {
      expect(decided.events.map((e) => e.kind)).toEqual(['person_struck', 'approved']);
      const approved = decided.events.reduce((acc, e) => evolve(acc, e), cleared);
      expect(seatsHeld(approved)).toBe(2);
    }
  });
});

describe('the departure check', () => {
  it('strikes everyone blocked at boarding with the reason, and clears the rest', () => {
    const m = inState('approved');
    const decided = decide(m, { type: 'board' }, meta(), ctx([free('P1'), blocked('P2'), free('P3')]));
    expect(decided.ok).toBe(true);
    if (!decided.ok) return;
    expect(decided.events).toMatchObject([
      {
        kind: 'person_struck',
        personId: 'P2',
        cause: 'departure_check',
        reasons: [{ code: 'STAY_OF_REMOVAL', facts: ['s1'] }],
      },
      { kind: 'boarding_started', cleared: ['P1', 'P3'] },
    ]);
  });

  it('strikes the family of a blocked person, saying which member', () => {
    const m = inState('approved');
    const events = rescreen(
      m,
      new Map([free('P1', 'G'), blocked('P2', 'G'), free('P3')].map((s) => [s.personId, s])),
      meta('check'),
      'departure_check',
    );
    expect(events).toMatchObject([
      {
        personId: 'P1',
        reasons: [{ code: 'FAMILY_BLOCKED', facts: [] }],
        reason: 'check; family member P2 may not take this flight',
      },
      { personId: 'P2', reasons: [{ code: 'STAY_OF_REMOVAL' }] },
    ]);
  });

  it('refuses to depart with anyone blocked since boarding, or with people not on the manifest', () => {
    const m = inState('boarding');
    expect(
      decide(m, { type: 'depart', notBoarded: [] }, meta(), ctx([free('P1'), blocked('P2'), free('P3')])),
    ).toMatchObject({ ok: false, refusal: { code: 'NOT_ELIGIBLE' } });
    expect(decide(m, { type: 'depart', notBoarded: ['P9'] }, meta(), ALL_FREE)).toMatchObject({
      ok: false,
      refusal: { code: 'NOT_ON_MANIFEST' },
    });
    const departed = run(m, { type: 'depart', notBoarded: ['P3'] }, ALL_FREE);
    expect(departed.people.map((p) => p.boarded)).toEqual([true, true, false]);
    expect(seatsHeld(departed)).toBe(2);
  });

  it('names each person in notBoarded who is not on board, and says when one was struck', () => {
    const m = run(
      inState('approved'),
      { type: 'strike', personId: 'P2', reasons: [{ code: 'WITHDRAWN', facts: [] }] },
      ALL_FREE,
    );
    const boarding = run(m, { type: 'board' }, ALL_FREE);
    const decided = decide(boarding, { type: 'depart', notBoarded: ['P3', 'P2', 'P9'] }, meta(), ALL_FREE);
    expect(decided).toMatchObject({
      ok: false,
      refusal: {
        code: 'NOT_ON_MANIFEST',
        message: expect.stringMatching(
          /^Not on manifest M1: P2 \(struck since \S+Z, by admin-1 \(admin\), for WITHDRAWN\), P9\.$/,
        ),
        fields: [
          { field: 'notBoarded.1', reason: 'was struck from the manifest before departure' },
          { field: 'notBoarded.2', reason: 'is not on the manifest' },
        ],
      },
    });
  });

  it('throws rather than board someone it was not asked about', () => {
    expect(() => decide(inState('approved'), { type: 'board' }, meta(), ctx([free('P1')]))).toThrow(
      /No screening for P2/,
    );
  });
});

describe('arrival and the return leg', () => {
  it('records confirmations person by person and closes only when all are in', () => {
    let m = run(inState('departed'), {
      type: 'arrive',
      reference: 'XA-77',
      confirmations: [{ personId: 'P1', outcome: 'accepted' }],
    });
    expect(decide(m, { type: 'close' }, meta(), ctx())).toMatchObject({
      ok: false,
      refusal: { code: 'INCOMPLETE', message: expect.stringContaining('P2, P3') },
    });
    expect(
      decide(
        m,
        { type: 'confirm', reference: 'XA-77', confirmations: [{ personId: 'P1', outcome: 'refused' }] },
        meta(),
        ctx(),
      ),
    ).toMatchObject({ ok: false });
    m = run(m, {
      type: 'confirm',
      reference: 'XA-78',
      confirmations: [
        { personId: 'P2', outcome: 'accepted' },
        { personId: 'P3', outcome: 'refused' },
      ],
    });
    expect(run(m, { type: 'close' }).state).toBe('closed');
  });

  it('carries only citizens of the sending country back', () => {
    const m = inState('departed');
    expect(decide(m, { type: 'inbound', passengerId: 'X1', citizenship: 'MX' }, meta(), ctx())).toMatchObject(
      { ok: false, refusal: { code: 'INVALID' } },
    );
    const after = run(m, { type: 'inbound', passengerId: 'X1', citizenship: 'US' });
    expect(after.inbound).toMatchObject([{ passengerId: 'X1', citizenship: 'US' }]);
    expect(
      decide(after, { type: 'inbound', passengerId: 'X1', citizenship: 'US' }, meta(), ctx()),
    ).toMatchObject({ ok: false });
  });
});

describe('the facts a strike cites', () => {
  const person: Person = {
    id: 'P1',
    facts: [
      { id: 'stay-1', type: 'stay', from: 0, through: null, recordedAt: 1_000 },
      {
        id: 'hold-1',
        type: 'hold',
        kind: 'medical',
        from: 0,
        through: null,
        recordedAt: 1_000,
        retractedAt: 2_000,
      },
      { id: 'late-1', type: 'stay', from: 0, through: null, recordedAt: 9_000 },
    ],
  };
  const program: ProgramFact[] = [
    {
      id: 'co-1',
      type: 'class_order',
      criteria: { nationality: ['XA'] },
      citation: 'Test v. Decide',
      from: 0,
      through: null,
      recordedAt: 1_000,
    },
  ];

  it("accepts the person's and the programme's facts known at the instant, and no facts at all", () => {
    expect(
      citationRefusal(person, program, [{ code: 'STAY_OF_REMOVAL', facts: ['stay-1', 'co-1'] }], 5_000),
    ).toBeUndefined();
    expect(citationRefusal(person, program, [{ code: 'WITHDRAWN', facts: [] }], 5_000)).toBeUndefined();
  });

  it('refuses ids that name nothing, a retracted fact, or one recorded later, naming each and the person', () => {
    expect(
      citationRefusal(person, program, [{ code: 'HOLD', facts: ['stay-1', 'nosuchfact'] }], 5_000),
    ).toEqual({
      code: 'INVALID',
      message:
        'Fact nosuchfact is not among the facts of P1 or of the programme known now; cite the ids of the facts behind the strike, or none.',
      fields: [{ field: 'reasons.0.facts.1', reason: 'names no fact of P1 or of the programme known now' }],
    });
    expect(
      citationRefusal(person, program, [{ code: 'HOLD', facts: ['hold-1', 'late-1'] }], 5_000),
    ).toMatchObject({
      message: expect.stringMatching(/^Facts hold-1, late-1 are not among the facts of P1/),
      fields: [{ field: 'reasons.0.facts.0' }, { field: 'reasons.0.facts.1' }],
    });
  });
});
