/**
 * The manifest decider: `decide(manifest, command, meta, context)` returns the events a
 * command causes, or a refusal saying in plain English why not. Pure: the facts known at the
 * instant (`meta.at`) come in as `context.screenings`, computed by the caller with the
 * removability decision and the flight-level checks; the clock is never read.
 *
 * Who may issue which command is `COMMAND_ACTIONS`, checked by the application layer with
 * `may(role, action)` before anything is read; this file checks states and contents.
 */
import { formatDayForPeople, formatInstant, isoWeekStart, type Instant } from '../dates.js';
import type { CountryCode, Person, ProgramFact, ReturnAgreementFact } from '../facts.js';
import { knownAt } from '../knowledge.js';
import type { Action } from '../roles.js';
import { weekRoom, type CommittedLoad } from '../weekly-cap.js';
import {
  evolve,
  NOT_DEPARTED,
  onBoardList,
  type ArrivalOutcome,
  type EventMeta,
  type FlightInfo,
  type Manifest,
  type ManifestEvent,
  type ManifestState,
  type Strike,
  type StrikeCause,
} from './manifest.js';
import { describeReasons, type StrikeReason } from './strike-codes.js';

/** Whether a person may take the flight, with the facts known at the instant of the command. */
export interface Screening {
  readonly personId: string;
  /** Why not; empty when they may. */
  readonly reasons: readonly StrikeReason[];
  /** The person's family group (first known `family` fact), if any. */
  readonly familyGroup: string | undefined;
}

export interface Confirmation {
  readonly personId: string;
  readonly outcome: ArrivalOutcome;
}

export type ManifestCommand =
  | { readonly type: 'create'; readonly flightId: string }
  | { readonly type: 'add'; readonly personIds: readonly string[] }
  | { readonly type: 'submit' }
  | { readonly type: 'review'; readonly outcome: 'cleared' | 'returned' }
  | { readonly type: 'approve' }
  | { readonly type: 'strike'; readonly personId: string; readonly reasons: readonly StrikeReason[] }
  | { readonly type: 'board' }
  | { readonly type: 'depart'; readonly notBoarded: readonly string[] }
  | { readonly type: 'arrive'; readonly reference: string; readonly confirmations: readonly Confirmation[] }
  | { readonly type: 'confirm'; readonly reference: string; readonly confirmations: readonly Confirmation[] }
  | { readonly type: 'inbound'; readonly passengerId: string; readonly citizenship: CountryCode }
  | { readonly type: 'close' }
  | { readonly type: 'cancel' };

export type ManifestCommandType = ManifestCommand['type'];

/** The action each command needs (src/domain/roles.ts). */
export const COMMAND_ACTIONS: Readonly<Record<ManifestCommandType, Action>> = {
  create: 'manifest.draft',
  add: 'manifest.draft',
  submit: 'manifest.draft',
  review: 'manifest.review',
  approve: 'manifest.approve',
  strike: 'manifest.strike',
  board: 'manifest.board',
  depart: 'manifest.depart',
  arrive: 'manifest.arrive',
  confirm: 'manifest.arrive',
  inbound: 'manifest.arrive',
  close: 'manifest.close',
  cancel: 'manifest.cancel',
};

/** The states each command is allowed in (`create` needs no manifest yet). */
export const ALLOWED_STATES: Readonly<Record<ManifestCommandType, readonly ManifestState[]>> = {
  create: [],
  add: ['draft'],
  submit: ['draft'],
  review: ['in_review'],
  approve: ['in_review'],
  strike: NOT_DEPARTED,
  board: ['approved'],
  depart: ['boarding'],
  arrive: ['departed'],
  confirm: ['arrived'],
  inbound: ['departed', 'arrived'],
  close: ['arrived'],
  cancel: NOT_DEPARTED,
};

/** What a command does, for messages: "Cannot <verb> manifest M1". */
export const COMMAND_VERBS: Readonly<Record<ManifestCommandType, string>> = {
  create: 'create',
  add: 'add people to',
  submit: 'submit for legal review',
  review: 'record a legal review of',
  approve: 'approve',
  strike: 'strike a person from',
  board: 'start boarding (the departure check) for',
  depart: 'record the departure of',
  arrive: 'record the arrival of',
  confirm: 'record arrival confirmations on',
  inbound: 'record return-leg passengers on',
  close: 'close',
  cancel: 'cancel',
};

export const STATE_WORDS: Readonly<Record<ManifestState, string>> = {
  draft: 'a draft',
  in_review: 'in review',
  approved: 'approved',
  boarding: 'boarding',
  departed: 'departed',
  arrived: 'arrived',
  closed: 'closed',
  cancelled: 'cancelled',
};

export const REFUSAL_CODES = [
  'NOT_FOUND',
  'WRONG_STATE',
  'NOT_CLEARED',
  'NO_SEATS',
  'OVER_WEEKLY_CAP',
  'NOT_ELIGIBLE',
  'ON_OTHER_MANIFEST',
  'UNKNOWN_PERSON',
  'NOT_ON_MANIFEST',
  'INCOMPLETE',
  'INVALID',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** A command input a refusal is about, and what is wrong with it. */
export interface RefusedField {
  /**
   * Its dotted path in the command (`notBoarded.1`, `confirmations.0.personId`, `reason` for
   * the reason given with it), or `manifestId` for the id a create would take. The API's
   * request bodies use the same names, but for a strike's reasons (the body has one, flattened).
   */
  readonly field: string;
  readonly reason: string;
}

export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  /** The inputs at fault, when the refusal is about some rather than the manifest's state. */
  readonly fields?: readonly RefusedField[];
}

export type Decided =
  | { readonly ok: true; readonly events: readonly ManifestEvent[] }
  | { readonly ok: false; readonly refusal: Refusal };

export interface ManifestContext {
  readonly flight: FlightInfo;
  /**
   * The screening of every person the command concerns (everyone ever on the manifest, and
   * those being added), with the facts known at `meta.at`. A person with no screening is not
   * known to the registry.
   */
  readonly screenings: ReadonlyMap<string, Screening>;
  /** Seats the flight's other manifests hold (approved and later). */
  readonly seatsHeldElsewhere: number;
  /**
   * For adding and approving: the return agreements with the flight's destination country
   * as known now, and the people that other manifests (approved and later) of flights to that
   * country in the flight's ISO week hold, by flight date. Absent for other commands.
   */
  readonly week?: WeekContext;
  /** For people on another manifest not yet closed or cancelled: that manifest's id. */
  readonly elsewhere: ReadonlyMap<string, string>;
}

const refuse = (code: RefusalCode, message: string, fields?: readonly RefusedField[]): Decided => ({
  ok: false,
  refusal: fields === undefined || fields.length === 0 ? { code, message } : { code, message, fields },
});
const accept = (events: readonly ManifestEvent[]): Decided => ({ ok: true, events });

const orList = (words: readonly string[]): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function wrongState(m: Manifest, command: ManifestCommandType): Decided {
  const allowed = ALLOWED_STATES[command].map((s) => STATE_WORDS[s]);
  return refuse(
    'WRONG_STATE',
    `Cannot ${COMMAND_VERBS[command]} manifest ${m.id}: it is ${STATE_WORDS[m.state]}, and this is allowed only while it is ${orList(allowed)}.`,
  );
}

/**
 * The strikes the facts known now call for: everyone on the manifest who may not take the
 * flight, then the rest of their families (members travel together or not at all, among
 * those on this manifest). `only` limits who is re-decided (the people a new fact is about);
 * their families follow them either way.
 */
export function rescreen(
  m: Manifest,
  screenings: ReadonlyMap<string, Screening>,
  meta: EventMeta,
  cause: Exclude<StrikeCause, 'manual'>,
  only?: ReadonlySet<string>,
): ManifestEvent[] {
  const screen = (personId: string): Screening => {
    const s = screenings.get(personId);
    // The caller screens everyone on the manifest; a gap would let someone through unchecked.
    if (s === undefined) throw new Error(`No screening for ${personId} on manifest ${m.id}`);
    return s;
  };
  const on = onBoardList(m);
  const blocked = new Map<string, readonly StrikeReason[]>();
  for (const p of on) {
    if (only !== undefined && !only.has(p.personId)) continue;
    const s = screen(p.personId);
    if (s.reasons.length > 0) blocked.set(p.personId, s.reasons);
  }
  const fallen = new Map<string, string[]>();
  for (const p of m.people) {
    const group = screenings.get(p.personId)?.familyGroup;
    if (group === undefined || (p.strike === null && !blocked.has(p.personId))) continue;
    fallen.set(group, [...(fallen.get(group) ?? []), p.personId]);
  }
  const events: ManifestEvent[] = [];
  for (const p of on) {
    const reasons = blocked.get(p.personId);
    if (reasons !== undefined) {
      events.push({ ...meta, kind: 'person_struck', personId: p.personId, reasons, cause });
      continue;
    }
    const group = screen(p.personId).familyGroup;
    const members = group === undefined ? undefined : fallen.get(group);
    if (members === undefined) continue;
    events.push({
      ...meta,
      reason: `${meta.reason}; family member${members.length > 1 ? 's' : ''} ${members.join(', ')} may not take this flight`,
      kind: 'person_struck',
      personId: p.personId,
      reasons: [{ code: 'FAMILY_BLOCKED', facts: [] }],
      cause,
    });
  }
  return events;
}

const fold = (m: Manifest, events: readonly ManifestEvent[]): Manifest =>
  events.reduce((acc, e) => evolve(acc, e), m);

function seatsProblem(
  m: Manifest,
  flight: FlightInfo,
  heldElsewhere: number,
  wanted: number,
): string | undefined {
  const free = flight.seats - heldElsewhere;
  if (wanted <= free) return undefined;
  return (
    `Flight ${flight.id} has ${plural(flight.seats, 'seat')}, ${heldElsewhere} held by its other approved manifests; ` +
    `manifest ${m.id} would need ${wanted}, over the ${Math.max(0, free)} still free.`
  );
}

export interface WeekContext {
  readonly agreements: readonly ReturnAgreementFact[];
  readonly heldElsewhere: readonly CommittedLoad[];
}

/** Whether `wanted` people on the manifest keep its flight's week within the agreement's weekly cap. */
function weeklyCapProblem(m: Manifest, flight: FlightInfo, week: WeekContext | undefined, wanted: number): string | undefined {
  if (week === undefined) return undefined;
  const { cap, held, room } = weekRoom(week.agreements, flight.date, week.heldElsewhere);
  if (wanted <= room) return undefined;
  if (cap === 0 && held === 0)
    return `No return agreement with ${flight.destinationCountry} is in effect on ${formatDayForPeople(flight.date)}; manifest ${m.id} would send ${plural(wanted, 'person', 'people')}.`;
  return (
    `The return agreement with ${flight.destinationCountry} accepts at most ${plural(cap, 'person', 'people')} in the week of ` +
    `${formatDayForPeople(isoWeekStart(flight.date))}; ${held} ${held === 1 ? 'is' : 'are'} held by other approved manifests of that week; ` +
    `manifest ${m.id} would need ${wanted}, over the ${room} still free.`
  );
}

/** The field of each entry of the command's list `name` (duplicates and all) that `bad` names. */
const listFields = (
  name: string,
  list: readonly string[],
  bad: (id: string) => string | undefined,
): RefusedField[] =>
  list.flatMap((id, i) => {
    const reason = bad(id);
    return reason === undefined ? [] : [{ field: `${name}.${i}`, reason }];
  });

/** Since when, by whom and why a person is struck, for refusals that name them. */
const struckSince = (strike: Strike): string =>
  `since ${formatInstant(strike.at)}, by ${strike.by} (${strike.role}), for ${describeReasons(strike.reasons)}`;

const notEligible = (screenings: readonly Screening[]): string =>
  screenings.map((s) => `${s.personId}: ${describeReasons(s.reasons)}`).join('; ');

function decideAdd(
  m: Manifest,
  personIds: readonly string[],
  meta: EventMeta,
  ctx: ManifestContext,
): Decided {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) {
    return refuse('INVALID', 'Name at least one person to add.', [
      { field: 'personIds', reason: 'is empty' },
    ]);
  }
  const on = new Set(onBoardList(m).map((p) => p.personId));
  const already = ids.filter((id) => on.has(id));
  if (already.length > 0) {
    return refuse(
      'INVALID',
      `Already on manifest ${m.id}: ${already.join(', ')}.`,
      listFields('personIds', personIds, (id) => (on.has(id) ? 'is already on the manifest' : undefined)),
    );
  }
  const unknown = ids.filter((id) => !ctx.screenings.has(id));
  if (unknown.length > 0) return refuse('UNKNOWN_PERSON', `No person ${unknown.join(', ')} in the registry.`);
  const elsewhere = ids.filter((id) => ctx.elsewhere.has(id));
  if (elsewhere.length > 0) {
    const where = elsewhere.map((id) => `${id} (on ${ctx.elsewhere.get(id)!})`).join(', ');
    return refuse(
      'ON_OTHER_MANIFEST',
      `Already on another open manifest: ${where}. Strike them there first.`,
    );
  }
  const blocked = ids.map((id) => ctx.screenings.get(id)!).filter((s) => s.reasons.length > 0);
  if (blocked.length > 0) {
    return refuse(
      'NOT_ELIGIBLE',
      `May not take flight ${ctx.flight.id} as known now, so not added: ${notEligible(blocked)}.`,
    );
  }
  const seats = seatsProblem(m, ctx.flight, ctx.seatsHeldElsewhere, on.size + ids.length);
  if (seats !== undefined) return refuse('NO_SEATS', seats);
  const cap = weeklyCapProblem(m, ctx.flight, ctx.week, on.size + ids.length);
  if (cap !== undefined) return refuse('OVER_WEEKLY_CAP', cap);
  return accept(ids.map((personId) => ({ ...meta, kind: 'person_added', personId })));
}

function decideApprove(m: Manifest, meta: EventMeta, ctx: ManifestContext): Decided {
  if (m.legalClearance === null) {
    return refuse(
      'NOT_CLEARED',
      `Cannot approve manifest ${m.id}: it has not passed legal review; the legal role must clear it first.`,
    );
  }
  const elsewhere = onBoardList(m).filter((p) => ctx.elsewhere.has(p.personId));
  if (elsewhere.length > 0) {
    const where = elsewhere.map((p) => `${p.personId} (on ${ctx.elsewhere.get(p.personId)!})`).join(', ');
    return refuse(
      'ON_OTHER_MANIFEST',
      `Cannot approve manifest ${m.id}: also on another open manifest: ${where}.`,
    );
  }
  const strikes = rescreen(m, ctx.screenings, meta, 'approval_check');
  const after = fold(m, strikes);
  const seats = seatsProblem(m, ctx.flight, ctx.seatsHeldElsewhere, onBoardList(after).length);
  if (seats !== undefined) return refuse('NO_SEATS', `Cannot approve manifest ${m.id}: ${seats}`);
  const cap = weeklyCapProblem(m, ctx.flight, ctx.week, onBoardList(after).length);
  if (cap !== undefined) return refuse('OVER_WEEKLY_CAP', `Cannot approve manifest ${m.id}: ${cap}`);
  return accept([...strikes, { ...meta, kind: 'approved' }]);
}

function decideDepart(
  m: Manifest,
  notBoarded: readonly string[],
  meta: EventMeta,
  ctx: ManifestContext,
): Decided {
  const on = onBoardList(m).map((p) => p.personId);
  const missing = [...new Set(notBoarded.filter((id) => !on.includes(id)))];
  if (missing.length > 0) {
    // Someone struck earlier is not on board either; saying so beats "not on the manifest".
    const struck = new Map(
      m.people.flatMap((p) => (p.strike === null ? [] : [[p.personId, p.strike] as const])),
    );
    const described = missing.map((id) => {
      const strike = struck.get(id);
      return strike === undefined ? id : `${id} (struck ${struckSince(strike)})`;
    });
    return refuse(
      'NOT_ON_MANIFEST',
      `Not on manifest ${m.id}: ${described.join(', ')}.`,
      listFields('notBoarded', notBoarded, (id) =>
        on.includes(id)
          ? undefined
          : struck.has(id)
            ? 'was struck from the manifest before departure'
            : 'is not on the manifest',
      ),
    );
  }
  const absent = new Set(notBoarded);
  const boarded = on.filter((id) => !absent.has(id));
  if (boarded.length === 0) {
    return refuse('INVALID', `No one boarded manifest ${m.id}; cancel it rather than record a departure.`, [
      { field: 'notBoarded', reason: 'names everyone on the manifest' },
    ]);
  }
  // Boarding ran the departure check; anything known since (a stay recorded through the
  // application layer strikes at once, but not every fact arrives that way) still stops the flight.
  const blocked = boarded
    .map((id) => ctx.screenings.get(id))
    .filter((s) => s === undefined || s.reasons.length > 0);
  if (blocked.length > 0) {
    const list = blocked.map((s) =>
      s === undefined ? 'a person not in the registry' : `${s.personId}: ${describeReasons(s.reasons)}`,
    );
    return refuse(
      'NOT_ELIGIBLE',
      `Flight ${ctx.flight.id} cannot leave with ${list.join('; ')}. Strike them from manifest ${m.id} first.`,
    );
  }
  return accept([{ ...meta, kind: 'departed', boarded, notBoarded: [...absent] }]);
}

function confirmations(
  m: Manifest,
  list: readonly Confirmation[],
  reference: string,
  meta: EventMeta,
): Decided {
  if (reference.trim() === '') {
    return refuse('INVALID', "Give the receiving country's confirmation reference.", [
      { field: 'reference', reason: 'is blank' },
    ]);
  }
  const seen = new Set<string>();
  const boarded = new Map(m.people.filter((p) => p.boarded === true).map((p) => [p.personId, p]));
  for (const [i, c] of list.entries()) {
    const field = `confirmations.${i}.personId`;
    const p = boarded.get(c.personId);
    if (p === undefined) {
      return refuse('NOT_ON_MANIFEST', `${c.personId} did not board manifest ${m.id}.`, [
        { field, reason: 'did not board' },
      ]);
    }
    if (seen.has(c.personId)) {
      return refuse('INVALID', `${c.personId} is confirmed twice.`, [
        { field, reason: 'is confirmed twice' },
      ]);
    }
    if (p.arrival !== null) {
      return refuse('INVALID', `The arrival of ${c.personId} is already confirmed (${p.arrival.outcome}).`, [
        { field, reason: `is already confirmed (${p.arrival.outcome})` },
      ]);
    }
    seen.add(c.personId);
  }
  return accept(
    list.map((c) => ({
      ...meta,
      kind: 'arrival_confirmed',
      personId: c.personId,
      outcome: c.outcome,
      reference,
    })),
  );
}

/**
 * Why a strike may not cite these facts, if it may not: cited ids that name none of the
 * person's or the programme's facts known at `at`. A cited fact is the evidence the strike is
 * recorded with; an id that names nothing known leaves a reason no one can check later.
 */
export function citationRefusal(
  person: Person,
  program: readonly ProgramFact[],
  reasons: readonly StrikeReason[],
  at: Instant,
): Refusal | undefined {
  const personId = person.id;
  const known = new Set([...knownAt(person.facts, at), ...knownAt(program, at)].map((f) => f.id));
  const fields = reasons.flatMap((r, i) =>
    r.facts.flatMap((id, j) =>
      known.has(id)
        ? []
        : [
            {
              field: `reasons.${i}.facts.${j}`,
              reason: `names no fact of ${personId} or of the programme known now`,
            },
          ],
    ),
  );
  if (fields.length === 0) return undefined;
  const unknown = [...new Set(reasons.flatMap((r) => r.facts).filter((id) => !known.has(id)))];
  return {
    code: 'INVALID',
    message:
      `${unknown.length === 1 ? 'Fact' : 'Facts'} ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} ` +
      `not among the facts of ${personId} or of the programme known now; cite the ids of the facts behind the strike, or none.`,
    fields,
  };
}

/** The events a command causes on a manifest (`undefined` before `create`), or why it is refused. */
export function decide(
  m: Manifest | undefined,
  command: ManifestCommand,
  meta: EventMeta,
  ctx: ManifestContext,
): Decided {
  if (command.type === 'create') {
    // Creating is allowed in no state of an existing manifest (`ALLOWED_STATES.create` is
    // empty): a taken id conflicts with what is recorded, as a taken flight id does.
    if (m !== undefined) {
      return refuse(
        'WRONG_STATE',
        `Manifest ${m.id} already exists (flight ${m.flightId}, ${STATE_WORDS[m.state]}); choose another id.`,
        [{ field: 'manifestId', reason: 'is taken by another manifest' }],
      );
    }
    return accept([{ ...meta, kind: 'created', flightId: command.flightId, owner: meta.actor }]);
  }
  if (m === undefined) return refuse('NOT_FOUND', 'No such manifest.');
  if (!ALLOWED_STATES[command.type].includes(m.state)) return wrongState(m, command.type);

  switch (command.type) {
    case 'add':
      return decideAdd(m, command.personIds, meta, ctx);
    case 'submit':
      if (onBoardList(m).length === 0)
        return refuse('INVALID', `Manifest ${m.id} has no one on it to review.`);
      return accept([{ ...meta, kind: 'submitted' }]);
    case 'review':
      if (command.outcome === 'returned') return accept([{ ...meta, kind: 'review_returned' }]);
      // Cleared and not yet approved: another clearance would change nothing, so this is
      // a step the manifest's state does not allow, as every other one is.
      if (m.legalClearance !== null) {
        return refuse(
          'WRONG_STATE',
          `Cannot record a legal review of manifest ${m.id}: it has already passed legal review ` +
            `(cleared by ${m.legalClearance.by} at ${formatInstant(m.legalClearance.at)}); approve it, or return it to draft.`,
        );
      }
      return accept([{ ...meta, kind: 'review_cleared' }]);
    case 'approve':
      return decideApprove(m, meta, ctx);
    case 'strike': {
      const person = m.people.find((p) => p.personId === command.personId);
      const earlier = person?.strike ?? null;
      if (earlier !== null) {
        return refuse(
          'NOT_ON_MANIFEST',
          `${command.personId} is already struck from manifest ${m.id}, ${struckSince(earlier)}.`,
          [{ field: 'personId', reason: 'is already struck from the manifest' }],
        );
      }
      if (person === undefined) {
        return refuse('NOT_ON_MANIFEST', `${command.personId} is not on manifest ${m.id}.`, [
          { field: 'personId', reason: 'is not on the manifest' },
        ]);
      }
      if (command.reasons.length === 0)
        return refuse('INVALID', 'A strike needs a reason code.', [{ field: 'reasons', reason: 'is empty' }]);
      return accept([
        {
          ...meta,
          kind: 'person_struck',
          personId: command.personId,
          reasons: command.reasons,
          cause: 'manual',
        },
      ]);
    }
    case 'board': {
      // The departure check: everyone re-decided with the facts known at this instant.
      const strikes = rescreen(m, ctx.screenings, meta, 'departure_check');
      const cleared = onBoardList(fold(m, strikes)).map((p) => p.personId);
      return accept([...strikes, { ...meta, kind: 'boarding_started', cleared }]);
    }
    case 'depart':
      return decideDepart(m, command.notBoarded, meta, ctx);
    case 'arrive': {
      const confirmed = confirmations(m, command.confirmations, command.reference, meta);
      if (!confirmed.ok) return confirmed;
      return accept([{ ...meta, kind: 'arrived', reference: command.reference }, ...confirmed.events]);
    }
    case 'confirm':
      if (command.confirmations.length === 0) {
        return refuse('INVALID', 'Name at least one person whose arrival is confirmed.', [
          { field: 'confirmations', reason: 'is empty' },
        ]);
      }
      return confirmations(m, command.confirmations, command.reference, meta);
    case 'inbound': {
      const { passengerId, citizenship } = command;
      if (passengerId.trim() === '') {
        return refuse('INVALID', 'Give the passenger reference.', [
          { field: 'passengerId', reason: 'is blank' },
        ]);
      }
      if (citizenship !== ctx.flight.originCountry) {
        return refuse(
          'INVALID',
          `The return leg of flight ${ctx.flight.id} carries citizens of ${ctx.flight.originCountry}; passenger ${passengerId} is recorded as a citizen of ${citizenship}.`,
          [
            {
              field: 'citizenship',
              reason: `is not ${ctx.flight.originCountry}, the flight's origin country`,
            },
          ],
        );
      }
      if (m.inbound.some((p) => p.passengerId === passengerId)) {
        return refuse(
          'INVALID',
          `Passenger ${passengerId} is already recorded on the return leg of manifest ${m.id}.`,
          [{ field: 'passengerId', reason: 'is already recorded on the return leg' }],
        );
      }
      if (m.inbound.length + 1 > ctx.flight.seats) {
        return refuse(
          'NO_SEATS',
          `The return leg of flight ${ctx.flight.id} has ${plural(ctx.flight.seats, 'seat')}, all taken.`,
        );
      }
      return accept([{ ...meta, kind: 'inbound_recorded', passengerId, citizenship }]);
    }
    case 'close': {
      const open = m.people.filter((p) => p.boarded === true && p.arrival === null).map((p) => p.personId);
      if (open.length > 0) {
        return refuse(
          'INCOMPLETE',
          `Cannot close manifest ${m.id}: the receiving country has not confirmed the arrival of ${open.join(', ')}.`,
        );
      }
      return accept([{ ...meta, kind: 'closed' }]);
    }
    case 'cancel':
      if (meta.reason.trim() === '')
        return refuse('INVALID', 'A cancellation needs a reason.', [{ field: 'reason', reason: 'is blank' }]);
      return accept([{ ...meta, kind: 'cancelled' }]);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
