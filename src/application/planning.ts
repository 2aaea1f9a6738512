/**
 * Planning from the store (issue #4): the plan instance of spec/plan-instance.md built from
 * the flights, facilities, transfers, programme facts and people the store holds; the
 * optimiser (src/planner/plan-flights.ts); the independent checker (src/planner/verify.ts);
 * and one draft manifest per used flight, saved through the manifest service as the acting
 * planner. Shared by the CLI (`repatria plan --from --to`) and the HTTP API.
 *
 * The instance is built once, by {@link buildStoreInstance}, and both planning and
 * `exportInstance` use it: planning the exported file gives the same plan as planning from
 * the store (tested on SQLite and PostgreSQL).
 *
 * Readings of the store (see src/planner/README.md, "Planning from the store"):
 * - flights: every flight dated `from`..`to`; airports and their countries from the flight rows;
 * - transfers: the cost in force of each pair whose airport is the origin of one of them;
 * - persons: everyone with a custody fact known at `knownAt` meeting the window, except people
 *   already on a manifest not departed or cancelled, and people already returned (boarded a
 *   departed manifest, and not refused by the receiving country on arrival); facts as known at `knownAt`; value from
 *   `person-value.ts` asked on `from`;
 * - notices: only a `notice` with `counsel: true` (served on counsel of record too, or the
 *   person has none) starts the period, as the manifest rules read it (screening.ts), so that
 *   everyone the plan assigns can be added to a manifest;
 * - programme: every programme fact of the store (the reference TPS designations included),
 *   with `reference: none`, so that an exported file stands alone;
 * - weekly caps: people on manifests (not cancelled, drafts included) of flights to the same
 *   country in the window's ISO weeks count against the caps (`committed`). The interchange
 *   format has no field for them, so an exported file plans the same only when no such
 *   manifest shares a week with the window.
 */
import { programView } from '../domain/context.js';
import { formatDay, formatInstant, isoWeekStart, type Day, type Instant } from '../domain/dates.js';
import { RepatriaError } from '../domain/errors.js';
import type { CountryCode, PersonFact } from '../domain/facts.js';
import { isKnownAt } from '../domain/knowledge.js';
import { onBoardList, peopleCommitted, returnedPeople } from '../domain/manifest/manifest.js';
import { describeReasons } from '../domain/manifest/strike-codes.js';
import { planInstanceJson, type PlanInstanceJson } from '../contract/plan-instance.js';
import type { Airport, CommittedFlight, Plan, PlanInstance, PlanPerson } from '../planner/instance.js';
import { personValue } from '../planner/person-value.js';
import { planFlights, type PlannerOptions, type PlanStats } from '../planner/plan-flights.js';
import type { ModelSolver } from '../planner/solver.js';
import { verifyPlan } from '../planner/verify.js';
import { authorize, type Acting } from './authorize.js';
import type { OperationsConfig } from './config.js';
import type { Operations } from './operations.js';
import type { NetworkFlight, OperationsStore, OperationsTx, TransportSide } from './ports.js';
import { screenPerson } from './screening.js';

export interface PlanningDeps {
  readonly store: OperationsStore;
  /** The manifest service the drafts are saved through. */
  readonly operations: Operations;
  /** Epoch milliseconds. */
  readonly clock: () => Instant;
  readonly config: OperationsConfig;
  /** The LP/MIP solver (HiGHS in production: `loadSolver` of src/planner/highs-solver.ts). */
  readonly solver: () => Promise<ModelSolver>;
  readonly plannerOptions?: PlannerOptions | undefined;
}

export interface PlanWindow {
  /** First and last flight date (inclusive). */
  readonly from: Day;
  readonly to: Day;
  /** Facts as known at this instant; default: now. */
  readonly knownAt?: Instant | undefined;
}

/** Longest window planned at once: a year of flights is already more than one plan should hold. */
export const MAX_WINDOW_DAYS = 366;

export interface PlannedFlight {
  readonly id: string;
  readonly date: Day;
  readonly origin: string;
  readonly destination: string;
  readonly country: CountryCode;
  readonly suppliedBy: TransportSide;
  readonly seats: number;
  readonly seatsUsed: number;
  /** The draft manifest saved for it; `null` when nobody was assigned or nothing was saved. */
  readonly manifestId: string | null;
  /** People assigned, in the plan's order. */
  readonly people: readonly string[];
}

export interface CapUse {
  readonly country: CountryCode;
  /** Monday of the ISO week. */
  readonly week: Day;
  /** `null`: no cap. */
  readonly cap: number | null;
  readonly used: number;
}

export interface StorePlan {
  readonly from: Day;
  readonly to: Day;
  readonly knownAt: Instant;
  readonly instance: PlanInstance;
  readonly plan: Plan;
  readonly stats: PlanStats;
  readonly flights: readonly PlannedFlight[];
  /** Per destination country and ISO week with people flown: the checker's cap and count. */
  readonly caps: readonly CapUse[];
  /** Whether draft manifests were saved. */
  readonly saved: boolean;
}

/** The instance the store holds for a window, with its flights as stored. */
export interface StoreInstance {
  readonly instance: PlanInstance;
  readonly flights: readonly NetworkFlight[];
  /** Flights of the window that already have a manifest not cancelled, with its id. */
  readonly planned: ReadonlyMap<string, string>;
}

function checkWindow(window: PlanWindow, now: Instant): Instant {
  const { from, to } = window;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to))
    throw new RepatriaError('INVALID_INPUT', 'The planning window needs a first and a last date.');
  if (to < from)
    throw new RepatriaError('INVALID_INPUT', `The window ends (${formatDay(to)}) before it begins (${formatDay(from)}).`);
  if (to - from + 1 > MAX_WINDOW_DAYS)
    throw new RepatriaError('INVALID_INPUT', `Plan at most ${MAX_WINDOW_DAYS} days at once.`);
  const knownAt = window.knownAt ?? now;
  if (!Number.isSafeInteger(knownAt))
    throw new RepatriaError('INVALID_INPUT', 'knownAt is not an instant.');
  if (knownAt > now)
    throw new RepatriaError(
      'INVALID_INPUT',
      `knownAt ${formatInstant(knownAt)} is in the future: a plan can only use facts known now.`,
    );
  return knownAt;
}

/** Facts known at the instant, with notices only once served on counsel too (see the file comment). */
const plannedFacts = (facts: readonly PersonFact[], knownAt: Instant): PersonFact[] =>
  facts.filter((f) => isKnownAt(f, knownAt) && (f.type !== 'notice' || f.counsel));

/** Reads the window's instance in one consistent snapshot. */
export async function buildStoreInstance(
  tx: OperationsTx,
  window: { readonly from: Day; readonly to: Day; readonly knownAt: Instant },
  noticeDays: number,
): Promise<StoreInstance> {
  const { from, to, knownAt } = window;
  const flights = await tx.flightsBetween(from, to);

  const airportCountry = new Map<string, CountryCode>();
  const place = (code: string, country: CountryCode, flightId: string): void => {
    const before = airportCountry.get(code);
    if (before !== undefined && before !== country)
      throw new RepatriaError(
        'INVALID_STATE',
        `Flight ${flightId} puts airport ${code} in ${country}, another flight in ${before}.`,
      );
    airportCountry.set(code, country);
  };
  for (const f of flights) {
    place(f.origin, f.originCountry, f.id);
    place(f.destination, f.destinationCountry, f.id);
  }
  const origins = new Set(flights.map((f) => f.origin));
  const transfers = (await tx.transfers()).filter((t) => origins.has(t.airport));

  // One pass over the manifests of the window's ISO weeks:
  // - a flight of the window with a manifest not cancelled is planned already;
  // - the weekly caps of those weeks are shared with every manifest of them, the window's own
  //   flights included (a preview may plan them again), drafts included: planned people are
  //   spoken for, and every draft of a week should still be approvable.
  const planned = new Map<string, string>();
  const committed: CommittedFlight[] = [];
  for (const f of await tx.flightsBetween(isoWeekStart(from), isoWeekStart(to) + 6)) {
    const manifests = await tx.manifests({ flightId: f.id });
    const open = manifests.find((m) => m.state !== 'cancelled');
    if (open !== undefined && f.date >= from && f.date <= to) planned.set(f.id, open.id);
    for (const m of manifests) {
      const people = peopleCommitted(m);
      if (people > 0) committed.push({ country: f.destinationCountry, date: f.date, people });
    }
  }
  // People already on a manifest not departed or cancelled are spoken for.
  const onManifests = new Set(
    (await tx.openManifestsWith('all')).flatMap((m) => onBoardList(m).map((p) => p.personId)),
  );

  // People already returned (boarded a departed manifest, not refused on arrival) are not planned again.
  const returned = returnedPeople(await tx.departedManifestsWith('all'));
  const held = (await tx.peopleHeldBetween(from, to)).filter((id) => !onManifests.has(id) && !returned.has(id));
  const people = await tx.people(held);
  const persons: PlanPerson[] = [];
  for (const id of held) {
    const person = people.get(id);
    if (person === undefined) continue;
    const facts = plannedFacts(person.facts, knownAt);
    const inWindow = facts.some(
      (f) => f.type === 'custody' && f.from <= to && (f.through === null || f.through >= from),
    );
    if (!inWindow) continue;
    persons.push({ id, facts, value: personValue({ id, facts }, knownAt, from) });
  }

  const airports: Airport[] = [...airportCountry]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, country]) => ({ code, country }));
  return {
    instance: {
      knownAt,
      noticeDays,
      reference: 'none',
      program: await tx.programFacts(),
      airports,
      transfers,
      flights: flights.map((f) => ({
        id: f.id,
        date: f.date,
        origin: f.origin,
        destination: f.destination,
        seats: f.seats,
      })),
      persons,
      ...(committed.length > 0 ? { committed } : {}),
    },
    flights,
    planned,
  };
}

/** The store's planning problem for a window, in the interchange form of the spec. */
export async function exportInstance(
  deps: Pick<PlanningDeps, 'store' | 'clock' | 'config'>,
  actor: Acting,
  window: PlanWindow,
): Promise<{ readonly instance: PlanInstance; readonly json: PlanInstanceJson }> {
  authorize(actor, 'plan.create');
  const knownAt = checkWindow(window, deps.clock());
  const { instance } = await deps.store.transaction('read', (tx) =>
    buildStoreInstance(tx, { from: window.from, to: window.to, knownAt }, deps.config.noticeDays),
  );
  return { instance, json: planInstanceJson(instance) };
}

/** Before anything is saved: may every assigned person be added to their flight's manifest now? */
async function screenNow(
  deps: PlanningDeps,
  byFlight: ReadonlyMap<string, readonly string[]>,
  flights: ReadonlyMap<string, NetworkFlight>,
): Promise<void> {
  const problems = await deps.store.transaction('read', async (tx) => {
    const at = deps.clock();
    const program = programView(await tx.programFacts(), at);
    const people = await tx.people([...byFlight.values()].flat());
    const out: string[] = [];
    for (const [flightId, ids] of byFlight) {
      const flight = flights.get(flightId)!;
      for (const id of ids) {
        const person = people.get(id);
        if (person === undefined) {
          out.push(`${id} on ${flightId}: no longer in the registry`);
          continue;
        }
        const s = screenPerson(person, program, flight, at, deps.config.noticeDays);
        if (s.reasons.length > 0) out.push(`${id} on ${flightId}: ${describeReasons(s.reasons)}`);
      }
    }
    return out;
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('; ');
    throw new RepatriaError(
      'CONFLICT',
      `Facts recorded since the plan's knownAt keep ${problems.length} assigned ${problems.length === 1 ? 'person' : 'people'} off their flights (${shown}${problems.length > 10 ? '; …' : ''}); nothing was saved. Plan again as known now.`,
    );
  }
}

/**
 * Plans the window from the store, checks the plan with the independent checker, and (unless
 * `save` is false) saves one draft manifest per used flight as the acting planner. Refused
 * when a flight of the window already has a manifest that is not cancelled (cancel it to
 * plan again), and when facts recorded since `knownAt` keep an assigned person off a flight:
 * either way nothing is saved.
 */
export async function planFromStore(
  deps: PlanningDeps,
  actor: Acting,
  window: PlanWindow & { readonly save?: boolean | undefined },
): Promise<StorePlan> {
  authorize(actor, 'plan.create');
  const save = window.save ?? true;
  if (save) authorize(actor, 'manifest.draft');
  const knownAt = checkWindow(window, deps.clock());
  const { from, to } = window;
  const built = await deps.store.transaction('read', (tx) =>
    buildStoreInstance(tx, { from, to, knownAt }, deps.config.noticeDays),
  );
  const { instance } = built;
  if (save && built.planned.size > 0) {
    const list = [...built.planned].map(([f, m]) => `${f} (${m})`).join(', ');
    throw new RepatriaError(
      'CONFLICT',
      `Flights of the window already have manifests: ${list}. Cancel them to plan these flights again, or plan another window.`,
    );
  }

  const { plan, stats } = planFlights(instance, await deps.solver(), deps.plannerOptions);
  const report = verifyPlan(instance, plan);
  if (report.violations.length > 0) {
    // Never reached by a correct optimiser: the checker is what makes the promise hold.
    const first = report.violations
      .slice(0, 5)
      .map((v) => `${v.rule} ${v.record}: ${v.message}`)
      .join('; ');
    throw new RepatriaError(
      'INVALID_STATE',
      `The plan breaks ${report.violations.length} rule(s) and was not saved: ${first}`,
    );
  }

  const byFlight = new Map<string, string[]>();
  for (const a of plan.assignments) {
    const list = byFlight.get(a.flight) ?? [];
    list.push(a.person);
    byFlight.set(a.flight, list);
  }
  const flightById = new Map(built.flights.map((f) => [f.id, f]));
  const manifestOf = new Map<string, string>();
  if (save && byFlight.size > 0) {
    await screenNow(deps, byFlight, flightById);
    const reason = `planned for ${formatDay(from)} to ${formatDay(to)} as known at ${formatInstant(knownAt)}`;
    for (const f of built.flights) {
      const people = byFlight.get(f.id);
      if (people === undefined) continue;
      const created = await deps.operations.createManifest(actor, { flightId: f.id, reason });
      await deps.operations.command(actor, created.manifest.id, { type: 'add', personIds: people }, reason);
      manifestOf.set(f.id, created.manifest.id);
    }
  }

  const used = new Map(report.flights.map((u) => [u.flight, u]));
  const flights: PlannedFlight[] = built.flights.map((f) => ({
    id: f.id,
    date: f.date,
    origin: f.origin,
    destination: f.destination,
    country: f.destinationCountry,
    suppliedBy: f.suppliedBy,
    seats: f.seats,
    seatsUsed: used.get(f.id)?.used ?? 0,
    manifestId: manifestOf.get(f.id) ?? null,
    people: byFlight.get(f.id) ?? [],
  }));
  const caps: CapUse[] = report.weeks.map((w) => ({
    country: w.country,
    week: w.week,
    cap: Number.isFinite(w.cap) ? w.cap : null,
    used: w.used,
  }));
  return { from, to, knownAt, instance, plan, stats, flights, caps, saved: save && byFlight.size > 0 };
}

