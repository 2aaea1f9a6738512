/**
 * The application services of manifests, notices, court orders and the audit log (issue #5),
 * shared by the CLI and the HTTP API. Each call:
 * 1. checks the acting role with `may()` (authorize.ts) before reading anything;
 * 2. opens one store transaction, takes its locks, and only then reads the clock, so that
 *    "the facts known at this instant" are every fact committed before it;
 * 3. decides with the pure domain (src/domain/manifest), and writes the facts, the manifest
 *    events, the owner's notifications and the audit entries together, or nothing.
 *
 * Refusals are thrown as `RefusedError` / `RepatriaError` with a message that says why.
 */
import {
  checkEnd,
  checkNext,
  EMPTY_CHAIN,
  type ChainBreak,
  type ChainedEntry,
  type ChainHead,
} from '../domain/audit-chain.js';
import { programView, type ProgramView } from '../domain/context.js';
import { dayOfInstant, formatDay, formatInstant, isoWeekStart, type Day, type Instant } from '../domain/dates.js';
import { RepatriaError, type ErrorCode } from '../domain/errors.js';
import type { Fact, PersonFact, ProgramFact } from '../domain/facts.js';
import {
  COMMAND_ACTIONS,
  decide,
  rescreen,
  type ManifestCommand,
  type ManifestCommandType,
  type ManifestContext,
  type Refusal,
  type RefusalCode,
  type Screening,
  type WeekContext,
} from '../domain/manifest/decide.js';
import {
  evolve,
  NOT_DEPARTED,
  onBoardList,
  returnedPeople,
  seatsHeld,
  type EventMeta,
  type FlightInfo,
  type Manifest,
  type ManifestEvent,
} from '../domain/manifest/manifest.js';
import { describeReasons, type StrikeReason } from '../domain/manifest/strike-codes.js';
import {
  DELIVERY_METHODS,
  LANGUAGE_PATTERN,
  noticeFromServings,
  type DeliveryMethod,
  type NoticeRecipient,
  type NoticeServing,
} from '../domain/notice-serving.js';
import { COURT_ORDER_FACT_TYPES, type Action } from '../domain/roles.js';
import { repeatsFact } from '../domain/fact-content.js';
import type { CommittedLoad } from '../domain/weekly-cap.js';
import { authorize, type Acting } from './authorize.js';
import type { OperationsConfig } from './config.js';
import type {
  FlightFilter,
  ManifestFilter,
  NewAuditEntry,
  Notification,
  OperationsStore,
  OperationsTx,
  TransportSide,
} from './ports.js';
import { removalDay, screenPerson } from './screening.js';

export interface OperationsDeps {
  readonly store: OperationsStore;
  /** Epoch milliseconds. Read inside each transaction once its locks are held. */
  readonly clock: () => Instant;
  /** A fresh unique id (a UUID in production). */
  readonly newId: () => string;
  readonly config: OperationsConfig;
}

const REFUSAL_ERRORS: Readonly<Record<RefusalCode, ErrorCode>> = {
  NOT_FOUND: 'NOT_FOUND',
  UNKNOWN_PERSON: 'NOT_FOUND',
  WRONG_STATE: 'CONFLICT',
  NOT_CLEARED: 'CONFLICT',
  NO_SEATS: 'CONFLICT',
  OVER_WEEKLY_CAP: 'CONFLICT',
  NOT_ELIGIBLE: 'CONFLICT',
  ON_OTHER_MANIFEST: 'CONFLICT',
  INCOMPLETE: 'CONFLICT',
  NOT_ON_MANIFEST: 'INVALID_INPUT',
  INVALID: 'INVALID_INPUT',
};

/** A command the manifest rules refused; `refusal.code` says which rule. */
export class RefusedError extends RepatriaError {
  constructor(readonly refusal: Refusal) {
    super(REFUSAL_ERRORS[refusal.code], refusal.message);
    this.name = 'RefusedError';
  }
}

/** The reason recorded when the actor gives none. Cancelling always needs one. */
const DEFAULT_REASONS: Readonly<Record<ManifestCommandType, string>> = {
  create: 'drafted',
  add: 'added to the manifest',
  submit: 'submitted for legal review',
  review: 'legal review',
  approve: 'approved for departure',
  strike: 'struck',
  board: 'departure check at boarding',
  depart: 'departed',
  arrive: 'arrived',
  confirm: 'arrival confirmed by the receiving country',
  inbound: 'return-leg passenger',
  close: 'closed',
  cancel: '',
};

export interface CommandResult {
  readonly manifest: Manifest;
  readonly events: readonly ManifestEvent[];
  readonly correlationId: string;
}

export interface StruckPerson {
  readonly manifestId: string;
  readonly personId: string;
  readonly reasons: readonly StrikeReason[];
}

export interface FactsResult {
  readonly factIds: readonly string[];
  readonly recordedAt: Instant;
  /** People struck from manifests not yet departed, in the same transaction. */
  readonly struck: readonly StruckPerson[];
  readonly correlationId: string;
}

export interface NoticeInput {
  readonly personId: string;
  readonly servedOn: Day;
  readonly to: readonly NoticeRecipient[];
  readonly noCounselOfRecord: boolean;
  readonly language: string;
  readonly method: DeliveryMethod;
}

export interface NoticeResult {
  readonly servingId: string;
  /** The `notice` fact derived from every serving so far, when it changed. */
  readonly noticeFact: PersonFact | undefined;
  /** The notice as every serving so far makes it, changed or not; undefined until the person is served. */
  readonly notice: { readonly servedOn: Day; readonly counsel: boolean } | undefined;
  readonly correlationId: string;
}

export interface ManifestView {
  readonly manifest: Manifest;
  readonly flight: FlightInfo;
  readonly events: readonly ManifestEvent[];
  /** Seats the flight's other manifests hold (approved and later), as read with the manifest. */
  readonly seatsHeldElsewhere: number;
}

export type AuditVerdict =
  | { readonly ok: true; readonly entries: number; readonly head: ChainHead }
  | { readonly ok: false; readonly entries: number; readonly broken: ChainBreak };

const fold = (m: Manifest, events: readonly ManifestEvent[]): Manifest =>
  events.reduce((acc, e) => evolve(acc, e), m);

/** The audit entry of a manifest event: ids, codes and the reason, never personal data. */
function manifestAudit(
  manifestId: string,
  event: ManifestEvent,
  version: number,
  correlationId: string,
): NewAuditEntry {
  const { at, actor, role, reason, kind, ...body } = event;
  return {
    when: at,
    what: `manifest.${kind}`,
    who: actor,
    subjectType: 'manifest',
    subjectId: manifestId,
    correlationId,
    details: { role, reason, version, ...body },
  };
}

/**
 * A fact sent again with the content of a stored fact that has since been retracted would
 * otherwise count as "unchanged" while it takes no part in any decision: the sender would
 * believe it in force. Refused, so that it is recorded again under a new id.
 */
function refuseRetractedRepeats(facts: readonly Fact[], stored: ReadonlyMap<string, Fact>): void {
  const retracted = facts.flatMap((f) => {
    const before = stored.get(f.id);
    return before?.retractedAt !== undefined && f.retractedAt === undefined && repeatsFact(f, before)
      ? [`${f.id} (retracted ${formatInstant(before.retractedAt)})`]
      : [];
  });
  if (retracted.length > 0)
    throw new RepatriaError(
      'CONFLICT',
      `Already recorded and since retracted: ${retracted.join(', ')}. To put a fact in force again, record it under a new id.`,
    );
}

export type Operations = ReturnType<typeof operations>;

export function operations(deps: OperationsDeps) {
  const { store, clock, newId, config } = deps;

  const now = (): Instant => {
    const at = clock();
    if (!Number.isSafeInteger(at)) throw new Error(`The clock gave ${at}, not epoch milliseconds`);
    return at;
  };

  async function screenings(
    tx: OperationsTx,
    flight: FlightInfo,
    personIds: Iterable<string>,
    at: Instant,
    known: ProgramView | undefined,
    on: Day,
  ): Promise<Map<string, Screening>> {
    const people = await tx.people([...new Set(personIds)]);
    const program = known ?? programView(await tx.programFacts(), at);
    const out = new Map<string, Screening>();
    for (const person of people.values())
      out.set(person.id, screenPerson(person, program, flight, at, config.noticeDays, on));
    return out;
  }

  /** For each person, another open manifest they are on. */
  async function elsewhere(
    tx: OperationsTx,
    manifestId: string,
    personIds: readonly string[],
  ): Promise<Map<string, string>> {
    const wanted = new Set(personIds);
    const out = new Map<string, string>();
    for (const other of await tx.openManifestsWith(personIds)) {
      if (other.id === manifestId) continue;
      for (const p of onBoardList(other))
        if (wanted.has(p.personId) && !out.has(p.personId)) out.set(p.personId, other.id);
    }
    return out;
  }

  /**
   * The flight's week for the weekly cap: the agreements with its destination in `program`,
   * and what other approved manifests of flights to that country in that ISO week hold.
   * Takes the week's lock first, so that two manifests of one week are never approved on
   * each other's unfinished counts.
   */
  async function weekOf(tx: OperationsTx, m: Manifest, flight: FlightInfo, program: ProgramView): Promise<WeekContext> {
    const monday = isoWeekStart(flight.date);
    await tx.lockWeek(flight.destinationCountry, monday);
    const heldElsewhere: CommittedLoad[] = [];
    for (const f of await tx.flightsBetween(monday, monday + 6)) {
      if (f.destinationCountry !== flight.destinationCountry) continue;
      for (const o of await tx.manifests({ flightId: f.id })) {
        const people = o.id === m.id ? 0 : seatsHeld(o);
        if (people > 0) heldElsewhere.push({ date: f.date, people });
      }
    }
    return { agreements: program.agreementsByCountry.get(flight.destinationCountry) ?? [], heldElsewhere };
  }

  async function seatsHeldElsewhere(tx: OperationsTx, m: Manifest): Promise<number> {
    const others = await tx.manifests({ flightId: m.flightId });
    return others.filter((o) => o.id !== m.id).reduce((sum, o) => sum + seatsHeld(o), 0);
  }

  /** The owner hears of every strike they did not make, of a return from review and of a cancellation by someone else. */
  function ownerNotifications(
    m: Manifest,
    events: readonly ManifestEvent[],
    correlationId: string,
  ): Notification[] {
    return events.flatMap((e): Notification[] => {
      if (e.actor === m.owner && (e.kind !== 'person_struck' || e.cause === 'manual')) return [];
      const base = { recipient: m.owner, subjectType: 'manifest', subjectId: m.id, correlationId };
      if (e.kind === 'person_struck') {
        return [
          {
            ...base,
            kind: 'person_struck',
            body: {
              personId: e.personId,
              reasons: e.reasons,
              cause: e.cause,
              reason: e.reason,
              by: e.actor,
              flightId: m.flightId,
            },
          },
        ];
      }
      if (e.kind === 'review_returned' || e.kind === 'cancelled') {
        return [
          {
            ...base,
            kind: `manifest_${e.kind}`,
            body: { reason: e.reason, by: e.actor, flightId: m.flightId },
          },
        ];
      }
      return [];
    });
  }

  async function write(
    tx: OperationsTx,
    m: Manifest,
    events: readonly ManifestEvent[],
    correlationId: string,
    at: Instant,
  ): Promise<Manifest> {
    await tx.appendManifestEvents(m.id, m.version, events, correlationId);
    await tx.notify(ownerNotifications(m, events, correlationId), at);
    await tx.audit(events.map((e, i) => manifestAudit(m.id, e, m.version + 1 + i, correlationId)));
    return fold(m, events);
  }

  /**
   * Re-decides the people a new fact is about (`all` for a programme fact) on every manifest
   * not yet departed, striking whoever may no longer take their flight. Runs in the `record`
   * transaction that recorded the fact, which no manifest command runs beside.
   */
  async function redecide(
    tx: OperationsTx,
    personIds: readonly string[] | 'all',
    actor: Acting,
    at: Instant,
    factIds: readonly string[],
    correlationId: string,
    reason?: string,
  ): Promise<StruckPerson[]> {
    const manifests = (await tx.openManifestsWith(personIds)).filter((m) => NOT_DEPARTED.includes(m.state));
    if (manifests.length === 0) return [];
    const only = personIds === 'all' ? undefined : new Set(personIds);
    const meta: EventMeta = {
      at,
      actor: actor.id,
      role: actor.role,
      reason:
        reason ??
        `re-decided when fact${factIds.length > 1 ? 's' : ''} ${factIds.join(', ')} ${factIds.length > 1 ? 'were' : 'was'} recorded`,
    };
    const struck: StruckPerson[] = [];
    for (const m of manifests) {
      const flight = await tx.flight(m.flightId);
      if (flight === undefined)
        throw new Error(`Manifest ${m.id} names flight ${m.flightId}, which is not stored`);
      // A manifest past its departure check is decided for the day its people would leave.
      const on = m.state === 'boarding' ? removalDay(flight, at) : flight.date;
      const screened = await screenings(
        tx,
        flight,
        m.people.map((p) => p.personId),
        at,
        undefined,
        on,
      );
      const events = rescreen(m, screened, meta, 'fact_recorded', only);
      if (events.length === 0) continue;
      await write(tx, m, events, correlationId, at);
      for (const e of events)
        if (e.kind === 'person_struck')
          struck.push({ manifestId: m.id, personId: e.personId, reasons: e.reasons });
    }
    return struck;
  }

  /**
   * Withdraws a fact from now on, audits it and, in the same transaction, re-decides whoever it
   * could concern on every manifest not yet departed. `find` reads the fact and says which
   * action records its type (only a role that may record it may retract it) and whom to re-decide.
   */
  async function retractFact(
    actor: Acting,
    factId: string,
    reason: string,
    subject: { readonly type: 'person' | 'program'; readonly id: string },
    find: (tx: OperationsTx) => Promise<{
      readonly fact: PersonFact | ProgramFact;
      readonly action: Action;
      readonly redecided: readonly string[] | 'all';
    }>,
  ): Promise<FactsResult> {
    authorize(actor, 'fact.retract');
    if (reason.trim() === '') throw new RepatriaError('INVALID_INPUT', 'Say why the fact is retracted.');
    const correlationId = newId();
    return store.transaction('record', async (tx) => {
      const at = now();
      const { fact, action, redecided } = await find(tx);
      authorize(actor, action);
      if (fact.retractedAt !== undefined) throw new RepatriaError('CONFLICT', `Fact ${factId} is already retracted.`);
      await tx.retract({ factId, retractedAt: at, reason }, actor);
      await tx.audit([
        {
          when: at,
          what: 'fact.retracted',
          who: actor.id,
          subjectType: subject.type,
          subjectId: subject.id,
          correlationId,
          details: { role: actor.role, factId, type: fact.type, reason },
        },
      ]);
      const struck = await redecide(tx, redecided, actor, at, [factId], correlationId);
      return { factIds: [factId], recordedAt: at, struck, correlationId };
    });
  }

  function factAudit(
    fact: PersonFact | ProgramFact,
    personId: string | null,
    actor: Acting,
    correlationId: string,
  ): NewAuditEntry {
    return {
      when: fact.recordedAt,
      what: 'fact.recorded',
      who: actor.id,
      subjectType: personId === null ? 'program' : 'person',
      subjectId: personId ?? fact.id,
      correlationId,
      details: { role: actor.role, factId: fact.id, type: fact.type },
    };
  }

  const personFactAction = (type: PersonFact['type']): Action =>
    (COURT_ORDER_FACT_TYPES as readonly string[]).includes(type) ? 'court_order.record' : 'fact.record';
  const programFactAction = (type: ProgramFact['type']): Action =>
    type === 'class_order' ? 'court_order.record' : 'program.record';

  return {
    /**
     * Registers a flight manifests can be drawn for and the planner fills; `suppliedBy` (who
     * supplies the aircraft) defaults to the sending country.
     */
    async registerFlight(
      actor: Acting,
      flight: FlightInfo & { readonly suppliedBy?: TransportSide | undefined },
    ): Promise<FlightInfo> {
      authorize(actor, 'flight.manage');
      if (!Number.isSafeInteger(flight.seats) || flight.seats < 1)
        throw new RepatriaError('INVALID_INPUT', 'A flight needs at least one seat.');
      if (!/^[A-Z]{3}$/.test(flight.origin) || !/^[A-Z]{3}$/.test(flight.destination))
        throw new RepatriaError('INVALID_INPUT', 'Airports are three upper-case letters (IATA-style).');
      if (!/^[A-Z]{2}$/.test(flight.originCountry) || !/^[A-Z]{2}$/.test(flight.destinationCountry))
        throw new RepatriaError('INVALID_INPUT', 'Countries are ISO 3166-1 alpha-2 codes.');
      if (flight.suppliedBy !== undefined && !['sending', 'receiving'].includes(flight.suppliedBy))
        throw new RepatriaError('INVALID_INPUT', 'A flight is supplied by the sending or the receiving country.');
      const correlationId = newId();
      return store.transaction('operate', async (tx) => {
        const at = now();
        await tx.insertFlight(flight, at, actor);
        await tx.audit([
          {
            when: at,
            what: 'flight.registered',
            who: actor.id,
            subjectType: 'flight',
            subjectId: flight.id,
            correlationId,
            details: {
              role: actor.role,
              ...flight,
              date: formatDay(flight.date),
              suppliedBy: flight.suppliedBy ?? 'sending',
            },
          },
        ]);
        return flight;
      });
    },

    /** Drafts an empty manifest for a flight; its id is `M-<flight>-<n>` unless given. */
    async createManifest(
      actor: Acting,
      input: {
        readonly flightId: string;
        readonly manifestId?: string | undefined;
        readonly reason?: string | undefined;
      },
    ): Promise<CommandResult> {
      authorize(actor, COMMAND_ACTIONS.create);
      const correlationId = newId();
      return store.transaction('operate', async (tx) => {
        const flight = await tx.flight(input.flightId, { lock: true });
        if (flight === undefined) throw new RepatriaError('NOT_FOUND', `No flight ${input.flightId}.`);
        const id =
          input.manifestId ?? `M-${flight.id}-${(await tx.manifests({ flightId: flight.id })).length + 1}`;
        const at = now();
        const meta: EventMeta = {
          at,
          actor: actor.id,
          role: actor.role,
          reason: input.reason ?? DEFAULT_REASONS.create,
        };
        const existing = await tx.manifest(id);
        const decided = decide(existing, { type: 'create', flightId: flight.id }, meta, {
          flight,
          screenings: new Map(),
          seatsHeldElsewhere: 0,
          elsewhere: new Map(),
        });
        if (!decided.ok) throw new RefusedError(decided.refusal);
        await tx.insertManifest(id, flight.id, actor.id, at);
        const created = evolve(undefined, decided.events[0]!, id);
        await tx.appendManifestEvents(id, 0, decided.events, correlationId);
        await tx.audit(decided.events.map((e, i) => manifestAudit(id, e, i + 1, correlationId)));
        return { manifest: created, events: decided.events, correlationId };
      });
    },

    /** Any manifest command but `create`: checks the role, locks the flight, decides, writes. */
    async command(
      actor: Acting,
      manifestId: string,
      command: Exclude<ManifestCommand, { type: 'create' }>,
      reason?: string,
    ): Promise<CommandResult> {
      authorize(actor, COMMAND_ACTIONS[command.type]);
      const correlationId = newId();
      return store.transaction('operate', async (tx) => {
        const first = await tx.manifest(manifestId);
        if (first === undefined) throw new RepatriaError('NOT_FOUND', `No manifest ${manifestId}.`);
        // The flight's row lock serialises every command on its manifests: seat counts and
        // manifest versions read below cannot change until this transaction ends.
        const flight = await tx.flight(first.flightId, { lock: true });
        if (flight === undefined)
          throw new Error(`Manifest ${manifestId} names flight ${first.flightId}, which is not stored`);
        const m = (await tx.manifest(manifestId))!;
        const adding = command.type === 'add' ? command.personIds : [];
        const seatsMatter = command.type === 'add' || command.type === 'approve';
        const people = [...m.people.map((p) => p.personId), ...adding];
        if (seatsMatter) await tx.lockPeople([...onBoardList(m).map((p) => p.personId), ...adding]);
        if (adding.length > 0) {
          const returned = returnedPeople(await tx.departedManifestsWith(adding));
          const again = adding.filter((id) => returned.has(id));
          if (again.length > 0) {
            const which = again.map((id) => `${id} (on ${returned.get(id)!})`).join(', ');
            throw new RefusedError({
              code: 'ON_OTHER_MANIFEST',
              message: `Already returned on a departed manifest: ${which}. A person is returned once; one the receiving country refused on arrival may be added again.`,
            });
          }
        }
        const at = now();
        const screen =
          command.type === 'add' ||
          command.type === 'approve' ||
          command.type === 'board' ||
          command.type === 'depart';
        // Drafting and approving decide people for the flight's date; the departure check and
        // the departure for the day they would actually leave, which is later when that date
        // has passed.
        const leaving = command.type === 'board' || command.type === 'depart';
        const on = leaving ? removalDay(flight, at) : flight.date;
        // The programme as known now, read once for the screenings and the weekly cap.
        const program = screen || seatsMatter ? programView(await tx.programFacts(), at) : undefined;
        const ctx: ManifestContext = {
          flight,
          screenings: screen ? await screenings(tx, flight, people, at, program, on) : new Map(),
          seatsHeldElsewhere: seatsMatter ? await seatsHeldElsewhere(tx, m) : 0,
          ...(seatsMatter && program !== undefined ? { week: await weekOf(tx, m, flight, program) } : {}),
          elsewhere: seatsMatter
            ? await elsewhere(tx, m.id, [...onBoardList(m).map((p) => p.personId), ...adding])
            : new Map(),
        };
        const defaultReason =
          command.type === 'strike'
            ? describeReasons(command.reasons)
            : command.type === 'review'
              ? `legal review: ${command.outcome}`
              : DEFAULT_REASONS[command.type];
        // Said in the record when it is not the flight's date, so that an auditor sees which day counted.
        const dayNote =
          on === flight.date ? '' : `; decided for ${formatDay(on)}, the flight's date ${formatDay(flight.date)} having passed`;
        const meta: EventMeta = {
          at,
          actor: actor.id,
          role: actor.role,
          reason: `${reason ?? defaultReason}${dayNote}`,
        };
        const decided = decide(m, command, meta, ctx);
        if (!decided.ok) throw new RefusedError(decided.refusal);
        const after = await write(tx, m, decided.events, correlationId, at);
        return { manifest: after, events: decided.events, correlationId };
      });
    },

    async show(actor: Acting, manifestId: string): Promise<ManifestView> {
      authorize(actor, 'manifest.read');
      return store.transaction('read', async (tx) => {
        const events = await tx.manifestEvents(manifestId);
        const manifest = events.reduce<Manifest | undefined>((m, e) => evolve(m, e, manifestId), undefined);
        if (manifest === undefined) throw new RepatriaError('NOT_FOUND', `No manifest ${manifestId}.`);
        const flight = await tx.flight(manifest.flightId);
        if (flight === undefined)
          throw new Error(`Manifest ${manifestId} names flight ${manifest.flightId}, which is not stored`);
        return { manifest, flight, events, seatsHeldElsewhere: await seatsHeldElsewhere(tx, manifest) };
      });
    },

    /** Flights in id order, a page at a time; reading flights is part of reading manifests. */
    async listFlights(actor: Acting, filter: FlightFilter): Promise<FlightInfo[]> {
      authorize(actor, 'manifest.read');
      return store.transaction('read', (tx) => tx.flights(filter));
    },

    async flight(actor: Acting, flightId: string): Promise<FlightInfo> {
      authorize(actor, 'manifest.read');
      const flight = await store.transaction('read', (tx) => tx.flight(flightId));
      if (flight === undefined) throw new RepatriaError('NOT_FOUND', `No flight ${flightId}.`);
      return flight;
    },

    async list(actor: Acting, filter: ManifestFilter): Promise<{ manifest: Manifest; flight: FlightInfo }[]> {
      authorize(actor, 'manifest.read');
      return store.transaction('read', async (tx) => {
        const out: { manifest: Manifest; flight: FlightInfo }[] = [];
        const flights = new Map<string, FlightInfo | undefined>();
        for (const manifest of await tx.manifests(filter)) {
          if (!flights.has(manifest.flightId))
            flights.set(manifest.flightId, await tx.flight(manifest.flightId));
          const flight = flights.get(manifest.flightId);
          if (flight !== undefined) out.push({ manifest, flight });
        }
        return out;
      });
    },

    /**
     * Records person facts (a court order, a stay, a protection, or an officer's facts) and,
     * in the same transaction, strikes the person from every manifest not yet departed on
     * which they may no longer fly. `recordedAt` is the instant of recording, whatever given.
     * A fact that repeats one already stored (same id and content: a retried request) is
     * counted as unchanged and neither recorded, audited nor re-decided again.
     */
    async recordPersonFacts(
      actor: Acting,
      personId: string,
      facts: readonly PersonFact[],
    ): Promise<FactsResult & { readonly unchanged: number }> {
      if (facts.length === 0) throw new RepatriaError('INVALID_INPUT', 'No facts to record.');
      for (const f of facts) authorize(actor, personFactAction(f.type));
      const correlationId = newId();
      return store.transaction('record', async (tx) => {
        const at = now();
        const person = (await tx.people([personId])).get(personId);
        if (person === undefined) throw new RepatriaError('NOT_FOUND', `No person ${personId}.`);
        const stored = new Map(person.facts.map((f) => [f.id, f]));
        refuseRetractedRepeats(facts, stored);
        const fresh = facts.filter((f) => !repeatsFact(f, stored.get(f.id)));
        const unchanged = facts.length - fresh.length;
        if (fresh.length === 0) return { factIds: [], recordedAt: at, struck: [], correlationId, unchanged };
        const stamped = fresh.map((f): PersonFact => ({ ...f, recordedAt: at, retractedAt: undefined }));
        await tx.recordPersonFacts(personId, stamped, actor);
        await tx.audit(stamped.map((f) => factAudit(f, personId, actor, correlationId)));
        const factIds = stamped.map((f) => f.id);
        const struck = await redecide(tx, [personId], actor, at, factIds, correlationId);
        return { factIds, recordedAt: at, struck, correlationId, unchanged };
      });
    },

    /**
     * Withdraws a person fact from now on and, in the same transaction, re-decides the person
     * on every manifest not yet departed: withdrawing a final order or a travel document can
     * make a listed person no longer removable. Only a role that may record the fact's type
     * may retract it.
     */
    async retractPersonFact(
      actor: Acting,
      personId: string,
      factId: string,
      reason: string,
    ): Promise<FactsResult> {
      return retractFact(actor, factId, reason, { type: 'person', id: personId }, async (tx) => {
        const person = (await tx.people([personId])).get(personId);
        if (person === undefined) throw new RepatriaError('NOT_FOUND', `No person ${personId}.`);
        const fact = person.facts.find((f) => f.id === factId);
        if (fact === undefined) throw new RepatriaError('NOT_FOUND', `Person ${personId} has no fact ${factId}.`);
        return { fact, action: personFactAction(fact.type), redecided: [personId] };
      });
    },

    /**
     * Records programme facts (a class order, an agreement, …) and re-decides everyone on every
     * manifest not yet departed. Repeats of stored facts count as unchanged, as for person facts.
     */
    async recordProgramFacts(
      actor: Acting,
      facts: readonly ProgramFact[],
    ): Promise<FactsResult & { readonly unchanged: number }> {
      if (facts.length === 0) throw new RepatriaError('INVALID_INPUT', 'No facts to record.');
      for (const f of facts) authorize(actor, programFactAction(f.type));
      const correlationId = newId();
      return store.transaction('record', async (tx) => {
        const at = now();
        const stored = new Map((await tx.programFacts()).map((f) => [f.id, f]));
        refuseRetractedRepeats(facts, stored);
        const fresh = facts.filter((f) => !repeatsFact(f, stored.get(f.id)));
        const unchanged = facts.length - fresh.length;
        if (fresh.length === 0) return { factIds: [], recordedAt: at, struck: [], correlationId, unchanged };
        const stamped = fresh.map((f): ProgramFact => ({ ...f, recordedAt: at, retractedAt: undefined }));
        await tx.recordProgramFacts(stamped, actor);
        await tx.audit(stamped.map((f) => factAudit(f, null, actor, correlationId)));
        const factIds = stamped.map((f) => f.id);
        const struck = await redecide(tx, 'all', actor, at, factIds, correlationId);
        return { factIds, recordedAt: at, struck, correlationId, unchanged };
      });
    },

    /**
     * Withdraws a programme fact from now on and re-decides everyone on every manifest not yet
     * departed (withdrawing an agreement or a designation's end changes who may fly).
     */
    async retractProgramFact(actor: Acting, factId: string, reason: string): Promise<FactsResult> {
      return retractFact(actor, factId, reason, { type: 'program', id: factId }, async (tx) => {
        const fact = (await tx.programFacts()).find((f) => f.id === factId);
        if (fact === undefined) throw new RepatriaError('NOT_FOUND', `No programme fact ${factId}.`);
        return { fact, action: programFactAction(fact.type), redecided: 'all' };
      });
    },

    /**
     * Re-decides everyone on every manifest not yet departed, striking whoever may no longer
     * fly. For facts that reached the store by the bulk import, which writes past this service:
     * an imported stay must strike as a recorded one does. A separate transaction after the
     * import's own; the departure check covers the moment between the two.
     */
    async recheckOpenManifests(actor: Acting, why: string): Promise<FactsResult> {
      authorize(actor, 'fact.record');
      const correlationId = newId();
      return store.transaction('record', async (tx) => {
        const at = now();
        const struck = await redecide(tx, 'all', actor, at, [], correlationId, `re-decided after ${why}`);
        return { factIds: [], recordedAt: at, struck, correlationId };
      });
    },

    /** Records the serving of a notice and the `notice` fact every serving so far amounts to. */
    async serveNotice(actor: Acting, input: NoticeInput): Promise<NoticeResult> {
      authorize(actor, 'notice.serve');
      if (input.to.length === 0)
        throw new RepatriaError(
          'INVALID_INPUT',
          'Say whom the notice was served on: the person, counsel of record, or both.',
        );
      if (!LANGUAGE_PATTERN.test(input.language))
        throw new RepatriaError(
          'INVALID_INPUT',
          `"${input.language}" is not an ISO 639 language code (e.g. es, ht, pt-BR).`,
        );
      if (!DELIVERY_METHODS.includes(input.method))
        throw new RepatriaError('INVALID_INPUT', `Delivery is one of ${DELIVERY_METHODS.join(', ')}.`);
      if (input.noCounselOfRecord && input.to.includes('counsel'))
        throw new RepatriaError(
          'INVALID_INPUT',
          'A notice cannot be served on counsel of record for a person who has none.',
        );
      const correlationId = newId();
      return store.transaction('record', async (tx) => {
        const at = now();
        // A serving is recorded once it has happened: one dated later would start a notice
        // period that has not started.
        if (input.servedOn > dayOfInstant(at))
          throw new RepatriaError(
            'INVALID_INPUT',
            `The notice is dated ${formatDay(input.servedOn)}, after today (${formatDay(dayOfInstant(at))}): record a serving once it has been made.`,
          );
        const person = (await tx.people([input.personId])).get(input.personId);
        if (person === undefined) throw new RepatriaError('NOT_FOUND', `No person ${input.personId}.`);
        const serving: NoticeServing = {
          ...input,
          id: `ns-${newId()}`,
          to: [...new Set(input.to)],
          recordedAt: at,
        };
        await tx.insertNoticeServing(serving, actor, correlationId);
        const audit: NewAuditEntry[] = [
          {
            when: at,
            what: 'notice.served',
            who: actor.id,
            subjectType: 'person',
            subjectId: input.personId,
            correlationId,
            details: {
              role: actor.role,
              servingId: serving.id,
              servedOn: formatDay(serving.servedOn),
              to: serving.to,
              noCounselOfRecord: serving.noCounselOfRecord,
              language: serving.language,
              method: serving.method,
            },
          },
        ];
        const derived = noticeFromServings([...(await tx.noticeServings(input.personId))]);
        const known = person.facts.some(
          (f) =>
            f.type === 'notice' &&
            f.retractedAt === undefined &&
            derived !== undefined &&
            f.servedOn === derived.servedOn &&
            f.counsel === derived.counsel,
        );
        let noticeFact: PersonFact | undefined;
        if (derived !== undefined && !known) {
          noticeFact = {
            id: `notice-${serving.id}`,
            type: 'notice',
            servedOn: derived.servedOn,
            counsel: derived.counsel,
            recordedAt: at,
          };
          await tx.recordPersonFacts(input.personId, [noticeFact], actor);
          audit.push(factAudit(noticeFact, input.personId, actor, correlationId));
        }
        await tx.audit(audit);
        return { servingId: serving.id, noticeFact, notice: derived, correlationId };
      });
    },

    /**
     * Walks the whole chain in seq order and names the first entry that does not fit, then
     * checks that it ends where its writer recorded (read before and after the walk, which
     * runs beside writers: see `WalkedEnd`).
     */
    async verifyAudit(actor: Acting): Promise<AuditVerdict> {
      authorize(actor, 'audit.verify');
      const before = await store.auditHead();
      let head = EMPTY_CHAIN;
      let count = 0;
      let hashAtBefore: string | undefined;
      for (;;) {
        const page = await store.auditEntries(head.seq, 1000);
        for (const entry of page) {
          const broken = checkNext(head, entry, store.hash);
          if (broken !== undefined) return { ok: false, entries: count, broken };
          head = { seq: entry.seq, hash: entry.hash };
          if (entry.seq === before.seq) hashAtBefore = entry.hash;
          count += 1;
        }
        if (page.length < 1000) break;
      }
      const broken = checkEnd({ walked: head, hashAtBefore, before, after: await store.auditHead() });
      // The walked chain has no gaps, so the entries before the break are its seq - 1.
      return broken === undefined ? { ok: true, entries: count, head } : { ok: false, entries: broken.seq - 1, broken };
    },

    async auditLog(
      actor: Acting,
      options: {
        readonly afterSeq?: number | undefined;
        readonly limit?: number | undefined;
        readonly subjectId?: string | undefined;
        readonly who?: string | undefined;
        readonly what?: string | undefined;
      },
    ): Promise<ChainedEntry[]> {
      authorize(actor, 'audit.read');
      return store.auditEntries(options.afterSeq ?? 0, options.limit ?? 100, {
        subjectId: options.subjectId,
        who: options.who,
        what: options.what,
      });
    },
  };
}
