/**
 * Done-when #3, as a property: for random manifests and random facts recorded up to departure
 * (some through the application layer, which re-decides manifests at once, some loaded
 * directly, which only the checks see), no person on a departed manifest is blocked on the
 * departure date as known at the departure check.
 *
 * The pure run drives the manifest decider and the screening exactly as the application
 * services do, 1,000+ times; the store run drives the real services on SQLite, fewer times.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { programView } from '../../src/domain/context.js';
import { MS_PER_DAY, type Day, type Instant } from '../../src/domain/dates.js';
import { decide as removable } from '../../src/domain/decision.js';
import type { Person, PersonFact, ProgramFact } from '../../src/domain/facts.js';
import { decide, rescreen, type ManifestCommand, type Screening } from '../../src/domain/manifest/decide.js';
import {
  evolve,
  NOT_DEPARTED,
  onBoardList,
  type EventMeta,
  type FlightInfo,
  type Manifest,
} from '../../src/domain/manifest/manifest.js';
import type { Role } from '../../src/domain/roles.js';
import { RefusedError } from '../../src/application/operations.js';
import { screenPerson } from '../../src/application/screening.js';
import { BASE_DAY, personFactBody, programFacts, type WithoutId } from '../factories/arbitraries.js';
import { as, openWorld, removeTemp } from './world.js';

const databaseUrl = inject('databaseUrl');
afterAll(removeTemp);

const NOTICE_DAYS = 7;
const FLIGHT: FlightInfo = {
  id: 'FLX',
  date: BASE_DAY + 60,
  origin: 'IAH',
  destination: 'XAA',
  originCountry: 'US',
  destinationCountry: 'XA',
  seats: 10,
};
const EARLY: Instant = (BASE_DAY - 30) * MS_PER_DAY;
const hours = (n: number): number => n * 3_600_000;

interface Scenario {
  readonly people: readonly Person[];
  readonly program: readonly ProgramFact[];
  /** Facts recorded through the application layer (re-decided at once); the others are loaded directly. */
  readonly throughServices: ReadonlySet<string>;
  readonly addAt: Instant;
  readonly approveAt: Instant;
  readonly boardAt: Instant;
  readonly departAt: Instant;
}

/** Free to fly on FLIGHT's date unless a random fact says otherwise. */
function baseFacts(id: string, family: string | undefined): PersonFact[] {
  const recordedAt = EARLY;
  return [
    { id: `${id}-nat`, type: 'nationality', country: 'XA', recordedAt },
    { id: `${id}-fo`, type: 'final_order', kind: 'removal', from: BASE_DAY - 100, through: null, recordedAt },
    { id: `${id}-cus`, type: 'custody', facility: 'F1', from: BASE_DAY - 100, through: null, recordedAt },
    { id: `${id}-not`, type: 'notice', servedOn: BASE_DAY, counsel: true, recordedAt },
    ...(family === undefined
      ? []
      : [{ id: `${id}-fam`, type: 'family' as const, group: family, recordedAt }]),
  ];
}

const AGREEMENT: ProgramFact = {
  id: 'ag',
  type: 'return_agreement',
  country: 'XA',
  from: BASE_DAY - 365,
  through: null,
  requiresTravelDocument: false,
  transport: 'receiving',
  recordedAt: EARLY,
};

const scenarios: fc.Arbitrary<Scenario> = fc
  .record({
    people: fc.array(
      fc.record({
        family: fc.option(fc.constantFrom('G1', 'G2'), { nil: undefined }),
        // Each random fact, whether it goes through the services, and where in the manifest's
        // life it is recorded (per mille of the span from 5 days before drafting to departure).
        extras: fc.array(fc.tuple(personFactBody, fc.boolean(), fc.integer({ min: 0, max: 1000 })), {
          maxLength: 4,
        }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    program: programFacts(3),
    programThroughServices: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    addAt: fc.integer({ min: hours(24 * 10), max: hours(24 * 40) }),
    approveAfter: fc.integer({ min: 1, max: hours(24 * 5) }),
    boardAfter: fc.integer({ min: 1, max: hours(24 * 10) }),
    departAfter: fc.integer({ min: 1, max: hours(6) }),
  })
  .map((r) => {
    // The manifest is drafted 10 to 40 days before the flight; the rest follow in order.
    const addAt = FLIGHT.date * MS_PER_DAY - r.addAt;
    const approveAt = addAt + r.approveAfter;
    const boardAt = approveAt + r.boardAfter;
    const departAt = boardAt + r.departAfter;
    const spanStart = addAt - hours(24 * 5);
    const throughServices = new Set<string>();
    const people = r.people.map((p, i): Person => {
      const id = `P${i + 1}`;
      const extras = p.extras.map(([body, services, perMille], j): PersonFact => {
        const recordedAt = spanStart + Math.floor(((departAt - spanStart) * perMille) / 1000);
        const retractedAt =
          body.retractedAt === undefined ? undefined : recordedAt + (body.retractedAt - body.recordedAt);
        const fact = {
          ...(body as WithoutId<PersonFact>),
          id: `${id}-x${j}`,
          recordedAt,
          retractedAt,
        } as PersonFact;
        if (services) throughServices.add(fact.id);
        return fact;
      });
      return { id, facts: [...baseFacts(id, p.family), ...extras] };
    });
    r.program.forEach((f, i) => {
      if (r.programThroughServices[i] === true) throughServices.add(f.id);
    });
    return {
      people,
      program: [AGREEMENT, ...r.program],
      throughServices,
      addAt,
      approveAt,
      boardAt,
      departAt,
    };
  });

/** Every person's screening for FLIGHT as known at `at`, exactly as the services compute it. */
function screenAll(s: Scenario, at: Instant): Map<string, Screening> {
  const program = programView(s.program, at);
  return new Map(s.people.map((p) => [p.id, screenPerson(p, program, FLIGHT, at, NOTICE_DAYS)]));
}

const meta = (at: Instant, role: Role, reason: string): EventMeta => ({
  at,
  actor: `${role}-1`,
  role,
  reason,
});

/** The manifest's life as the application services would run it; `undefined` if no one could be added. */
function simulate(s: Scenario): { manifest: Manifest; cleared: readonly string[] } | undefined {
  let m: Manifest | undefined;
  const apply = (command: ManifestCommand, at: Instant, role: Role): void => {
    const decided = decide(m, command, meta(at, role, command.type), {
      flight: FLIGHT,
      screenings: screenAll(s, at),
      seatsHeldElsewhere: 0,
      elsewhere: new Map(),
    });
    if (!decided.ok) throw new Error(`${command.type} refused: ${decided.refusal.message}`);
    m = decided.events.reduce<Manifest | undefined>((acc, e) => evolve(acc, e, 'M1'), m);
  };
  // Facts recorded through the services while the manifest is open re-decide it at once.
  const recordings = [
    ...s.people.flatMap((p) => p.facts.map((f) => ({ f, personId: p.id }))),
    ...s.program.map((f) => ({ f, personId: null })),
  ]
    .filter(({ f }) => s.throughServices.has(f.id) && f.recordedAt > s.addAt && f.recordedAt <= s.departAt)
    .sort((a, b) => a.f.recordedAt - b.f.recordedAt);
  const redecideUntil = (until: Instant): void => {
    while (recordings.length > 0 && recordings[0]!.f.recordedAt <= until) {
      const { f, personId } = recordings.shift()!;
      if (m === undefined || !NOT_DEPARTED.includes(m.state)) continue;
      const events = rescreen(
        m,
        screenAll(s, f.recordedAt),
        meta(f.recordedAt, 'legal', `recorded ${f.id}`),
        'fact_recorded',
        personId === null ? undefined : new Set([personId]),
      );
      m = events.reduce((acc, e) => evolve(acc, e), m);
    }
  };

  apply({ type: 'create', flightId: FLIGHT.id }, s.addAt, 'planner');
  const eligible = [...screenAll(s, s.addAt).values()]
    .filter((x) => x.reasons.length === 0)
    .map((x) => x.personId);
  if (eligible.length === 0) return undefined;
  apply({ type: 'add', personIds: eligible }, s.addAt, 'planner');
  apply({ type: 'submit' }, s.addAt, 'planner');
  apply({ type: 'review', outcome: 'cleared' }, s.addAt, 'legal');
  redecideUntil(s.approveAt);
  apply({ type: 'approve' }, s.approveAt, 'supervisor');
  redecideUntil(s.boardAt);
  apply({ type: 'board' }, s.boardAt, 'supervisor');
  const cleared = m!.state === 'boarding' ? onBoardList(m!).map((p) => p.personId) : [];
  redecideUntil(s.departAt);
  // Departure refuses anyone a fact loaded directly since the check now blocks; they are
  // struck and the flight leaves without them. Such a person was clear at the check itself.
  const atDeparture = screenAll(s, s.departAt);
  const atCheck = screenAll(s, s.boardAt);
  for (const p of onBoardList(m!)) {
    const reasons = atDeparture.get(p.personId)!.reasons;
    if (reasons.length === 0) continue;
    expect(atCheck.get(p.personId)!.reasons, `${p.personId} passed the check while blocked`).toEqual([]);
    apply({ type: 'strike', personId: p.personId, reasons }, s.departAt, 'supervisor');
  }
  if (onBoardList(m!).length === 0) return { manifest: m!, cleared };
  apply({ type: 'depart', notBoarded: [] }, s.departAt, 'officer');
  return { manifest: m!, cleared };
}

/** The property itself: nobody who boarded was blocked on the flight date as known at the departure check. */
function checkDeparted(
  people: readonly Person[],
  program: readonly ProgramFact[],
  manifest: Manifest,
  boardAt: Instant,
  on: Day,
): void {
  const view = programView(program, boardAt);
  for (const p of manifest.people.filter((x) => x.boarded === true)) {
    const person = people.find((x) => x.id === p.personId)!;
    const decision = removable(person, program, {
      on,
      knownAt: boardAt,
      destination: FLIGHT.destinationCountry,
    });
    expect(decision.blockers, `${p.personId} boarded`).toEqual([]);
    expect(screenPerson(person, view, FLIGHT, boardAt, NOTICE_DAYS).reasons, `${p.personId} boarded`).toEqual(
      [],
    );
  }
}

describe('the departure check (pure, as the services run it)', () => {
  it('never lets a person blocked as known at the check leave on a departed manifest', () => {
    let departed = 0;
    let struckAtCheck = 0;
    fc.assert(
      fc.property(scenarios, (s) => {
        const run = simulate(s);
        if (run === undefined || run.manifest.state !== 'departed') return;
        departed += 1;
        struckAtCheck += run.manifest.people.filter((p) => p.strike?.cause === 'departure_check').length;
        checkDeparted(s.people, s.program, run.manifest, s.boardAt, FLIGHT.date);
        for (const p of run.manifest.people)
          if (p.boarded === true) expect(run.cleared).toContain(p.personId);
      }),
      { numRuns: 1500 },
    );
    // The property must have been exercised, and the check must have had people to stop.
    expect(departed).toBeGreaterThan(200);
    expect(struckAtCheck).toBeGreaterThan(20);
  });
});

describe('the departure check (through the services, on SQLite)', () => {
  it('holds for random histories recorded through the services and loaded directly', async () => {
    let departed = 0;
    await fc.assert(
      fc.asyncProperty(scenarios, async (s) => {
        const world = await openWorld('sqlite', databaseUrl, [], NOTICE_DAYS, EARLY);
        try {
          const { ops, store } = world;
          // Facts loaded directly carry their own recordedAt; the others are recorded by the
          // services when their instant comes, with the clock set to it.
          const direct = (f: { id: string }): boolean => !s.throughServices.has(f.id);
          await store.addPeople(
            s.people.map((p) => ({ id: p.id, facts: p.facts.filter(direct) })),
            { id: 'loader', role: 'admin' },
          );
          const directProgram = s.program.filter(direct);
          if (directProgram.length > 0)
            await store.recordProgramFacts(directProgram, { id: 'loader', role: 'admin' });
          const later = [
            ...s.people.flatMap((p) => p.facts.filter((f) => !direct(f)).map((f) => ({ f, personId: p.id }))),
            ...s.program.filter((f) => !direct(f)).map((f) => ({ f, personId: null })),
          ].sort((a, b) => a.f.recordedAt - b.f.recordedAt);
          const recordUntil = async (until: Instant): Promise<void> => {
            while (later.length > 0 && later[0]!.f.recordedAt <= until) {
              const { f, personId } = later.shift()!;
              world.setClock(Math.max(world.now(), f.recordedAt));
              if (personId === null) await ops.recordProgramFacts(as('admin'), [f]);
              else await ops.recordPersonFacts(as('admin'), personId, [f]);
            }
          };
          const at = async <T>(when: Instant, work: () => Promise<T>): Promise<T> => {
            await recordUntil(when);
            world.setClock(Math.max(world.now(), when));
            return work();
          };
          await at(s.addAt, () => ops.registerFlight(as('planner'), FLIGHT));
          await ops.createManifest(as('planner'), { flightId: FLIGHT.id, manifestId: 'M1' });
          const added = await Promise.allSettled(
            s.people.map((p) => ops.command(as('planner'), 'M1', { type: 'add', personIds: [p.id] })),
          );
          if (added.every((r) => r.status === 'rejected')) return;
          await ops.command(as('planner'), 'M1', { type: 'submit' });
          await ops.command(as('legal'), 'M1', { type: 'review', outcome: 'cleared' });
          await at(s.approveAt, () => ops.command(as('supervisor'), 'M1', { type: 'approve' }));
          const boarded = await at(s.boardAt, () => ops.command(as('supervisor'), 'M1', { type: 'board' }));
          const boardAt = boarded.events.at(-1)!.at;
          await recordUntil(s.departAt);
          world.setClock(Math.max(world.now(), s.departAt));
          const stored = async (): Promise<{ people: Person[]; program: ProgramFact[] }> => ({
            people: await Promise.all(s.people.map(async (p) => (await store.getPerson(p.id))!)),
            program: await store.programFacts(),
          });
          try {
            await ops.command(as('officer'), 'M1', { type: 'depart', notBoarded: [] });
          } catch (error) {
            // Refused: a fact loaded directly since the check blocks someone (who must have been
            // clear at the check), or no one is left. Strike them, as a supervisor would, and go.
            expect(error).toBeInstanceOf(RefusedError);
            expect(['NOT_ELIGIBLE', 'INVALID']).toContain((error as RefusedError).refusal.code);
            const { people, program } = await stored();
            const now = world.now();
            for (const p of onBoardList((await ops.show(as('auditor'), 'M1')).manifest)) {
              const person = people.find((x) => x.id === p.personId)!;
              const reasons = screenPerson(
                person,
                programView(program, now),
                FLIGHT,
                now,
                NOTICE_DAYS,
              ).reasons;
              if (reasons.length === 0) continue;
              expect(
                screenPerson(person, programView(program, boardAt), FLIGHT, boardAt, NOTICE_DAYS).reasons,
                `${p.personId} passed the check while blocked`,
              ).toEqual([]);
              await ops.command(as('supervisor'), 'M1', { type: 'strike', personId: p.personId, reasons });
            }
            if (onBoardList((await ops.show(as('auditor'), 'M1')).manifest).length === 0) return;
            await ops.command(as('officer'), 'M1', { type: 'depart', notBoarded: [] });
          }
          departed += 1;
          const { people, program } = await stored();
          checkDeparted(
            people,
            program,
            (await ops.show(as('auditor'), 'M1')).manifest,
            boardAt,
            FLIGHT.date,
          );
        } finally {
          await world.close();
        }
      }),
      { numRuns: 40 },
    );
    expect(departed).toBeGreaterThan(5);
  });
});
