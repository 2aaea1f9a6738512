/**
 * The demo population: people with the legal facts a removal docket holds, streamed in
 * batches so that a million people never sit in memory at once.
 *
 * Pure and deterministic: no I/O, no clock, no `Math.random`. The same `{ people, seed }`
 * gives the same people and facts, whatever the batch size. Ids are `P0000001`… for people
 * and `<personId>-<n>` for their facts (`-1` is always the nationality, `-2` the family
 * group when there is one).
 *
 * Every fact's `recordedAt` is its first day at 00:00Z plus a delay of 30 minutes to a few
 * days (facts become known after they happen); a few facts are retracted and re-recorded.
 * Nothing is recorded or retracted after {@link DEMO_KNOWN_BY}.
 * The proportions are in {@link DEMO_SHARES}; the nationality mix is ICE's non-detained
 * docket of November 2024 with Venezuela raised to 12% (see `docket.ts`).
 */
import { RepatriaError } from '../domain/errors.js';
import { MS_PER_DAY as DOMAIN_MS_PER_DAY, type Day, type Instant } from '../domain/dates.js';
import type {
  CitizenshipClaimFact,
  CountryCode,
  CustodyFact,
  FinalOrderFact,
  Person,
  PersonFact,
  ProgramFact,
} from '../domain/facts.js';
import { addYears, day } from './calendar.js';
import { demoNationalityShares } from './docket.js';
import { FACILITIES, type Facility } from './facilities.js';
import { CLASS_ORDER_FACILITY, demoProgram } from './program.js';
import { Random, WeightedTable } from './random.js';

export { demoProgram } from './program.js';

export interface DemoOptions {
  /** How many people (a non-negative integer). */
  readonly people: number;
  /** Any finite number; the same seed gives the same population. */
  readonly seed: number;
}

export interface DemoData {
  readonly program: ProgramFact[];
  /** The people, in batches of `batchSize` (the last one shorter), made as they are read. */
  readonly people: Generator<Person[], void, undefined>;
}

/** Small batches keep each one in the young generation of the heap: 100,000 people take a few times longer in batches of 10,000. */
export const DEFAULT_BATCH_SIZE = 1_000;

/**
 * The proportions the generator aims at: shares of all people unless said otherwise.
 * The tests check a generated population against them.
 */
export const DEMO_SHARES = {
  finalOrder: 0.8,
  /** Of final orders. */
  finalOrderKind: { removal: 0.8, expedited_removal: 0.12, reinstatement: 0.08 },
  /** Of final orders: later vacated on reopening (the order gets a `through`). */
  finalOrderVacated: 0.03,
  /** Appeals (BIA appeal or petition for review) are taken from removal orders only. */
  appeal: 0.08,
  /** Of appeals. */
  appealWithStay: 0.5,
  /** Of appeals: decided, so the appeal has a `through`. */
  appealDecided: 0.4,
  stay: 0.03,
  /** Of stays: with an end date. */
  stayEnded: 0.7,
  /** Granted in the removal order's own decision, so only people with a removal order get one. */
  protection: 0.02,
  protectionKind: { withholding: 0.5, cat_withholding: 0.3, cat_deferral: 0.2 },
  lawfulStatus: 0.02,
  lawfulStatusKind: { lpr: 0.4, asylee: 0.3, parole: 0.3 },
  citizenshipClaim: 0.005,
  /** Of citizenship claims. */
  claimResolution: { pending: 0.45, rejected: 0.4, verified: 0.15 },
  hold: 0.02,
  holdKind: { medical: 0.5, legal: 0.3, investigative: 0.2 },
  custody: 0.35,
  /** Of stays in custody: released or moved, so the custody has a `through`. */
  custodyEnded: 0.55,
  /** Of adults in custody: moved once to another facility. */
  custodyTransfer: 0.15,
  /** Of Venezuelan adults in custody: held at the class order's facility. */
  venezuelanAtClassOrderFacility: 0.3,
  /** People who belong to a family group (of 2–5 people sharing nationality and case). */
  family: 0.1,
  travelDocument: 0.6,
  /** Of people with both a final order and custody. */
  notice: 0.4,
  /** Of notices. */
  noticeToCounsel: 0.6,
  /** Of facts other than nationality and family. */
  retracted: 0.005,
  /** Of retracted facts: re-recorded with the dates corrected. */
  retractedCorrected: 0.6,
  /**
   * TPS grants, as shares of that country's nationals; at most one grant per person. The
   * designations are those of the product's reference data (`data/tps-designations.json`).
   */
  tps: {
    VE: { 'VE-2023': 0.45, 'VE-2021': 0.25 },
    SV: { 'SV-2001': 0.12 },
    HN: { 'HN-1999': 0.06 },
    NI: { 'NI-1999': 0.05 },
    HT: { 'HT-2010': 0.25 },
    AF: { 'AF-2022': 0.15 },
    CM: { 'CM-2022': 0.1 },
    ET: { 'ET-2022': 0.1 },
  } as Readonly<Record<CountryCode, Readonly<Record<string, number>>>>,
} as const;

/** A local copy: an imported binding can cost a getter call per use in transpiled test runs. */
const MS_PER_DAY = DOMAIN_MS_PER_DAY;

type DayRange = readonly [first: Day, last: Day];
const range = (first: string, last: string): DayRange => [day(first), day(last)];

/** The date ranges facts are drawn from, uniformly, both ends inclusive. */
const RANGES = {
  finalOrder: range('2019-01-01', '2025-12-31'),
  /** First encounter of people who have no final order. */
  encounter: range('2016-01-01', '2025-09-30'),
  custody: range('2024-01-01', '2026-03-31'),
  hold: range('2024-01-01', '2026-03-31'),
  citizenshipClaim: range('2023-01-01', '2026-03-31'),
  travelDocumentIssued: range('2015-01-01', '2025-09-30'),
  parole: range('2022-10-01', '2024-10-31'),
  lprOrAsylum: range('2010-01-01', '2025-06-30'),
} as const;

/**
 * When each designation's grants are dated: from the designation's effective date (VE-2023:
 * the 2023 redesignation, 2023-10-03; VE-2021: 2021-03-09) through the end of its initial
 * registration or, where later registrations were open, the end of 2024 or January 2025.
 */
const TPS_GRANT_RANGES: Readonly<Record<string, DayRange>> = {
  'VE-2023': range('2023-10-03', '2025-01-31'),
  'VE-2021': range('2021-03-09', '2022-12-31'),
  'SV-2001': range('2001-03-09', '2002-09-09'),
  'HN-1999': range('1999-01-05', '1999-08-20'),
  'NI-1999': range('1999-01-05', '1999-08-20'),
  'HT-2010': range('2010-01-21', '2024-12-31'),
  'AF-2022': range('2022-05-20', '2024-12-31'),
  'CM-2022': range('2022-06-07', '2024-12-31'),
  'ET-2022': range('2022-12-12', '2024-12-31'),
};

/**
 * The CHNV parole processes (Cuba, Haiti, Nicaragua, Venezuela) were terminated by 90 FR
 * 13611 (25 March 2025): paroles not yet expired "will terminate on" 24 April 2025 and
 * parolees "must depart ... before their parole termination date", so the last day of
 * parole is 23 April 2025.
 */
const CHNV = new Set<CountryCode>(['CU', 'HT', 'NI', 'VE']);
const CHNV_PAROLE_LAST_DAY = day('2025-04-23');

/** Dates of records entered with an error are off by one of these many days. */
const CORRECTION_SHIFTS: readonly number[] = [-10, -5, -3, -2, -1, 1, 2, 3, 5, 10];

/** Of single people or family groups, the share that are a family, so that {@link DEMO_SHARES.family} of people are in one (mean size 3.5). */
const FAMILY_START = DEMO_SHARES.family / (3.5 - 2.5 * DEMO_SHARES.family);

const removalOrderShare = DEMO_SHARES.finalOrder * DEMO_SHARES.finalOrderKind.removal;

const table = <K extends string>(shares: Readonly<Record<K, number>>): WeightedTable<K> =>
  new WeightedTable(Object.entries(shares) as [K, number][]);

/** Everything prepared once per population. */
interface Tables {
  readonly nationality: WeightedTable<CountryCode>;
  readonly orderKind: WeightedTable<FinalOrderFact['kind']>;
  readonly protectionKind: WeightedTable<keyof typeof DEMO_SHARES.protectionKind>;
  readonly statusKind: WeightedTable<keyof typeof DEMO_SHARES.lawfulStatusKind>;
  readonly claim: WeightedTable<keyof typeof DEMO_SHARES.claimResolution>;
  readonly holdKind: WeightedTable<keyof typeof DEMO_SHARES.holdKind>;
  /** Adult facilities, weighted by size. */
  readonly facility: WeightedTable<Facility>;
  readonly familyFacility: Facility;
  readonly classOrderFacility: Facility;
  readonly inUseFrom: ReadonlyMap<string, Day>;
  /** Per TPS country: a designation, or `null` for no grant. */
  readonly tps: ReadonlyMap<CountryCode, WeightedTable<string | null>>;
  readonly passportYears: WeightedTable<number>;
}

function buildTables(): Tables {
  const tps = new Map<CountryCode, WeightedTable<string | null>>();
  for (const [country, grants] of Object.entries(DEMO_SHARES.tps)) {
    const entries: [string | null, number][] = Object.entries(grants);
    const granted = entries.reduce((sum, [, w]) => sum + w, 0);
    entries.push([null, 1 - granted]);
    tps.set(country, new WeightedTable(entries));
  }
  const familyFacility = FACILITIES.find((x) => x.family);
  const classOrderFacility = FACILITIES.find((x) => x.code === CLASS_ORDER_FACILITY);
  if (familyFacility === undefined || classOrderFacility === undefined) {
    throw new RepatriaError(
      'INVALID_STATE',
      'the demo facility list lacks a family or the class-order facility',
    );
  }
  const inUseFrom = new Map<string, Day>();
  for (const x of FACILITIES) if (x.inUseFrom !== undefined) inUseFrom.set(x.code, day(x.inUseFrom));
  return {
    nationality: new WeightedTable(demoNationalityShares()),
    orderKind: table(DEMO_SHARES.finalOrderKind),
    protectionKind: table(DEMO_SHARES.protectionKind),
    statusKind: table(DEMO_SHARES.lawfulStatusKind),
    claim: table(DEMO_SHARES.claimResolution),
    holdKind: table(DEMO_SHARES.holdKind),
    facility: new WeightedTable(FACILITIES.filter((x) => !x.family).map((x) => [x, x.approxBeds] as const)),
    familyFacility,
    classOrderFacility,
    inUseFrom,
    tps,
    // Passports: mostly 10-year books; 6 years is Mexico's common adult book; 5 for the rest.
    passportYears: new WeightedTable([
      [10, 0.5],
      [6, 0.15],
      [5, 0.35],
    ]),
  };
}

interface OrderDraw {
  readonly from: Day;
  readonly kind: FinalOrderFact['kind'];
}

interface PeriodDraw {
  readonly from: Day;
  readonly through: Day | null;
}

/** What the members of one family share: nationality, case (order, first encounter) and custody. */
interface FamilyCase {
  readonly group: string;
  readonly country: CountryCode;
  readonly order: OrderDraw | null;
  readonly encounter: Day;
  readonly custody: PeriodDraw | null;
  remaining: number;
}

const PLACEHOLDER: PersonFact = { id: '', type: 'nationality', country: 'XX', recordedAt: 0 };

const periodEnd = (through: Day | null, shift: number): Day | null =>
  through === null ? null : through + shift;

/** Writes one person's facts; fact ids are numbered in the order facts are added. */
class PersonWriter {
  readonly facts: PersonFact[] = [];
  private n: number;

  constructor(
    readonly id: string,
    private readonly random: Random,
    reserved: number,
  ) {
    this.n = reserved;
    // Slots for the nationality and family facts, filled in last (see `person`).
    for (let i = 0; i < reserved; i++) this.facts.push(PLACEHOLDER);
  }

  private nextId(): string {
    this.n += 1;
    return `${this.id}-${this.n}`;
  }

  /** Became known 30 minutes to `maxDays` days after the start of day `from`. */
  recordedAfter(from: Day, maxDays = 7): Instant {
    return from * MS_PER_DAY + this.random.int(30, maxDays * 1_440) * 60_000;
  }

  /**
   * Adds the fact `make` builds; returns it as stored. A few ({@link DEMO_SHARES.retracted})
   * are entered with an error, retracted days later and usually re-recorded, their dates
   * corrected, at the retraction; `make` is then called again with the shift in days.
   */
  add<F extends PersonFact>(make: (id: string, shift: number) => F): F {
    const fact = make(this.nextId(), 0);
    if (!this.random.chance(DEMO_SHARES.retracted)) {
      this.facts.push(fact);
      return fact;
    }
    const retractedAt =
      fact.recordedAt + this.random.int(1, 30) * MS_PER_DAY + this.random.int(0, 1_439) * 60_000;
    if (!this.random.chance(DEMO_SHARES.retractedCorrected)) {
      const retracted: F = { ...fact, retractedAt };
      this.facts.push(retracted);
      return retracted;
    }
    // The correction is recorded when the error is withdrawn (not before its own date).
    const draft = make(this.nextId(), this.random.pick(CORRECTION_SHIFTS));
    const correctedAt = Math.max(retractedAt, draft.recordedAt);
    const corrected: F = { ...draft, recordedAt: correctedAt };
    this.facts.push({ ...fact, retractedAt: correctedAt }, corrected);
    return corrected;
  }

  /** Replaces a fact already written, e.g. to end an order that a later grant of status vacated. */
  replace<F extends PersonFact>(old: F, replacement: F): void {
    const index = this.facts.lastIndexOf(old);
    if (index >= 0) this.facts[index] = replacement;
  }
}

/**
 * The demo store holds what was known by this instant. The generator dates some events
 * later (a stay that starts years after its order, a claim resolved next year); a store
 * cannot know today what will be recorded tomorrow, and an import refuses a `recorded_at`
 * after the moment it runs, so those are left out, as of this instant.
 */
export const DEMO_KNOWN_BY: Instant = Date.UTC(2026, 10, 1);

/**
 * The facts as a store would hold them at `instant`: those recorded later are left out, and
 * a retraction made later is not yet made. Facts are numbered again, so that ids stay
 * `<personId>-1`, `-2`, … in order with no gaps.
 */
function knownBy(personId: string, facts: readonly PersonFact[], instant: Instant): PersonFact[] {
  const out: PersonFact[] = [];
  for (const f of facts) {
    if (f.recordedAt >= instant) continue;
    const id = `${personId}-${out.length + 1}`;
    const retractedLater = f.retractedAt !== undefined && f.retractedAt >= instant;
    // Almost every fact is kept as it is: copied only when it changes.
    if (f.id === id && !retractedLater) {
      out.push(f);
      continue;
    }
    const known = { ...f, id };
    if (retractedLater) delete known.retractedAt;
    out.push(known);
  }
  return out;
}

/** Makes people one by one from a single random stream, consumed in person order. */
class PopulationGenerator {
  private readonly random: Random;
  private readonly tables = buildTables();
  private family: FamilyCase | null = null;

  constructor(
    seed: number,
    private readonly total: number,
  ) {
    this.random = new Random(seed);
  }

  person(index: number): Person {
    const r = this.random;
    const t = this.tables;
    const id = `P${String(index + 1).padStart(7, '0')}`;

    // A family is a run of consecutive people; start one only if two people are left.
    if (this.family === null && index + 1 < this.total && r.chance(FAMILY_START)) {
      const order = this.drawOrder();
      this.family = {
        group: `FAM-${id}`,
        country: t.nationality.pick(r),
        order,
        encounter: this.drawEncounter(order),
        custody: r.chance(DEMO_SHARES.custody) ? this.drawFamilyCustody() : null,
        remaining: Math.min(r.int(2, 5), this.total - index),
      };
    }
    const family = this.family;
    if (family !== null && --family.remaining === 0) this.family = null;

    const country = family?.country ?? t.nationality.pick(r);
    const w = new PersonWriter(id, r, family === null ? 1 : 2);

    const orderDraw = family === null ? this.drawOrder() : family.order;
    const order = orderDraw === null ? null : this.addOrder(w, orderDraw);
    const encounter = family?.encounter ?? this.drawEncounter(order);
    const removalOrder = order !== null && order.kind === 'removal' ? order : null;

    if (removalOrder !== null && r.chance(DEMO_SHARES.appeal / removalOrderShare))
      this.addAppeal(w, removalOrder);
    if (r.chance(DEMO_SHARES.stay)) this.addStay(w, order);
    this.addTps(w, country);
    if (removalOrder !== null && r.chance(DEMO_SHARES.protection / removalOrderShare))
      this.addProtection(w, removalOrder, country);
    if (r.chance(DEMO_SHARES.lawfulStatus)) this.addLawfulStatus(w, country, order);
    if (r.chance(DEMO_SHARES.citizenshipClaim)) this.addCitizenshipClaim(w);
    if (r.chance(DEMO_SHARES.travelDocument)) this.addTravelDocument(w, country, encounter);
    if (r.chance(DEMO_SHARES.hold)) this.addHold(w);
    const custody = family === null ? this.addCustody(w, country) : this.addFamilyCustody(w, family.custody);
    if (order !== null && custody !== null && r.chance(DEMO_SHARES.notice)) this.addNotice(w, order, custody);

    // Nationality (always listed first) and family: known since the first encounter, or
    // since the earliest record about the person if that is older.
    const facts = w.facts;
    const reserved = family === null ? 1 : 2;
    let firstKnown = encounter * MS_PER_DAY + r.int(6 * 60, 20 * 60) * 60_000;
    for (let i = reserved; i < facts.length; i++) firstKnown = Math.min(firstKnown, facts[i]!.recordedAt);
    facts[0] = { id: `${id}-1`, type: 'nationality', country, recordedAt: firstKnown };
    if (family !== null)
      facts[1] = { id: `${id}-2`, type: 'family', group: family.group, recordedAt: firstKnown };
    return { id, facts: knownBy(id, facts, DEMO_KNOWN_BY) };
  }

  private drawOrder(): OrderDraw | null {
    const r = this.random;
    if (!r.chance(DEMO_SHARES.finalOrder)) return null;
    return { from: r.within(RANGES.finalOrder), kind: this.tables.orderKind.pick(r) };
  }

  /**
   * When the person first came to the agency's notice: months or years before a removal
   * order (made after hearings), days before expedited removal or reinstatement (made at
   * the encounter).
   */
  private drawEncounter(order: OrderDraw | null): Day {
    const r = this.random;
    if (order === null) return r.within(RANGES.encounter);
    return order.kind === 'removal' ? order.from - r.int(60, 1_800) : order.from - r.int(0, 14);
  }

  private drawFamilyCustody(): PeriodDraw {
    const r = this.random;
    const [first, last] = RANGES.custody;
    const opened = this.tables.inUseFrom.get(this.tables.familyFacility.code) ?? first;
    const from = r.int(Math.max(opened, first), last);
    return { from, through: r.chance(DEMO_SHARES.custodyEnded) ? from + r.int(7, 120) : null };
  }

  private addOrder(w: PersonWriter, draw: OrderDraw): FinalOrderFact {
    const vacatedAfter = this.random.chance(DEMO_SHARES.finalOrderVacated) ? this.random.int(60, 900) : null;
    return w.add((id, s): FinalOrderFact => ({
      id,
      type: 'final_order',
      kind: draw.kind,
      from: draw.from + s,
      through: vacatedAfter === null ? null : draw.from + vacatedAfter + s,
      recordedAt: w.recordedAfter(draw.from + s),
    }));
  }

  /** Appeal to the BIA (filed within 30 days) or petition for review; half with a stay. */
  private addAppeal(w: PersonWriter, order: FinalOrderFact): void {
    const r = this.random;
    const from = order.from + r.int(1, 30);
    const stay = r.chance(DEMO_SHARES.appealWithStay);
    const through = r.chance(DEMO_SHARES.appealDecided) ? from + r.int(90, 720) : null;
    w.add((id, s) => ({
      id,
      type: 'appeal',
      stay,
      from: from + s,
      through: periodEnd(through, s),
      recordedAt: w.recordedAfter(from + s),
    }));
  }

  /** Individual stay of removal (court or agency). */
  private addStay(w: PersonWriter, order: FinalOrderFact | null): void {
    const r = this.random;
    const from = order === null ? r.within(RANGES.finalOrder) : order.from + r.int(30, 900);
    const through = r.chance(DEMO_SHARES.stayEnded) ? from + r.int(14, 365) : null;
    w.add((id, s) => ({
      id,
      type: 'stay',
      from: from + s,
      through: periodEnd(through, s),
      recordedAt: w.recordedAfter(from + s),
    }));
  }

  /** A TPS grant, recorded on the day it was granted; it protects while its designation does. */
  private addTps(w: PersonWriter, country: CountryCode): void {
    const designation = this.tables.tps.get(country)?.pick(this.random) ?? null;
    if (designation === null) return;
    const grants = TPS_GRANT_RANGES[designation];
    if (grants === undefined)
      throw new RepatriaError('INVALID_STATE', `no grant dates for designation ${designation}`);
    const from = this.random.within(grants);
    w.add((id, s) => ({
      id,
      type: 'tps',
      designation,
      from: from + s,
      through: null,
      recordedAt: w.recordedAfter(from + s, 1),
    }));
  }

  /** Withholding or CAT protection from the country of nationality, granted with the removal order. */
  private addProtection(w: PersonWriter, order: FinalOrderFact, country: CountryCode): void {
    const r = this.random;
    const kind = this.tables.protectionKind.pick(r);
    const from = order.from;
    // Deferral under CAT is the one that is sometimes terminated.
    const through = kind === 'cat_deferral' && r.chance(0.1) ? from + r.int(180, 1_500) : null;
    w.add((id, s) => ({
      id,
      type: 'protection',
      kind,
      country,
      from: from + s,
      through: periodEnd(through, s),
      recordedAt: w.recordedAfter(from + s),
    }));
  }

  /**
   * LPR, asylee or parole status. LPR and asylee status never overlap a final order: an
   * order made later ends the status; a status granted later follows the order's vacatur on
   * reopening. Parole may run beside an order; CHNV paroles end on 23 April 2025.
   */
  private addLawfulStatus(w: PersonWriter, country: CountryCode, order: FinalOrderFact | null): void {
    const r = this.random;
    const kind = this.tables.statusKind.pick(r);
    let from: Day;
    let through: Day | null = null;
    if (kind === 'parole') {
      from = r.within(RANGES.parole);
      through = from + 729;
      if (CHNV.has(country)) through = Math.min(through, CHNV_PAROLE_LAST_DAY);
    } else {
      from = r.within(RANGES.lprOrAsylum);
      if (order !== null && order.from > from) through = order.from - 1;
      else if (order !== null) {
        from = Math.max(from, order.from + 30);
        if (order.through === null || order.through >= from)
          w.replace(order, { ...order, through: from - 1 });
      }
    }
    const start = from;
    const end = through;
    w.add((id, s) => ({
      id,
      type: 'lawful_status',
      kind,
      from: start + s,
      through: periodEnd(end, s),
      recordedAt: w.recordedAfter(start + s),
    }));
  }

  /** A claim to US citizenship; its resolution is a new record that replaces (retracts) the pending one. */
  private addCitizenshipClaim(w: PersonWriter): void {
    const r = this.random;
    const from = r.within(RANGES.citizenshipClaim);
    const resolution = this.tables.claim.pick(r);
    const pending = w.add((id, s): CitizenshipClaimFact => ({
      id,
      type: 'citizenship_claim',
      country: 'US',
      from: from + s,
      recordedAt: w.recordedAfter(from + s),
    }));
    if (resolution === 'pending' || pending.retractedAt !== undefined) return;
    const resolvedOn = pending.from + r.int(20, 400);
    const known = Math.max(w.recordedAfter(resolvedOn, 3), pending.recordedAt + 60_000);
    w.replace(pending, { ...pending, retractedAt: known });
    w.add((id, s): CitizenshipClaimFact => ({
      id,
      type: 'citizenship_claim',
      country: 'US',
      from: pending.from,
      resolution,
      resolvedOn: resolvedOn + s,
      recordedAt: known,
    }));
  }

  /** A passport or travel document from the country of nationality, valid 5, 6 or 10 years. */
  private addTravelDocument(w: PersonWriter, country: CountryCode, encounter: Day): void {
    const from = this.random.within(RANGES.travelDocumentIssued);
    const through = addYears(from, this.tables.passportYears.pick(this.random)) - 1;
    // Known once issued and the person is known to the agency.
    const known = Math.max(from, encounter);
    w.add((id, s) => ({
      id,
      type: 'travel_document',
      country,
      from: from + s,
      through: through + s,
      recordedAt: w.recordedAfter(known + s, 30),
    }));
  }

  /** A short medical, legal or investigative hold. */
  private addHold(w: PersonWriter): void {
    const r = this.random;
    const kind = this.tables.holdKind.pick(r);
    const from = r.within(RANGES.hold);
    const through = from + r.int(3, 60);
    w.add((id, s) => ({
      id,
      type: 'hold',
      kind,
      from: from + s,
      through: through + s,
      recordedAt: w.recordedAfter(from + s, 2),
    }));
  }

  private addFamilyCustody(w: PersonWriter, custody: PeriodDraw | null): CustodyFact | null {
    if (custody === null) return null;
    const facility = this.tables.familyFacility.code;
    const { from, through } = custody;
    return w.add((id, s): CustodyFact => ({
      id,
      type: 'custody',
      facility,
      from: from + s,
      through: periodEnd(through, s),
      recordedAt: w.recordedAfter(from + s, 1),
    }));
  }

  /** Adult custody, sometimes followed by a transfer; returns the first stay. */
  private addCustody(w: PersonWriter, country: CountryCode): CustodyFact | null {
    const r = this.random;
    const t = this.tables;
    if (!r.chance(DEMO_SHARES.custody)) return null;
    const facility =
      country === 'VE' && r.chance(DEMO_SHARES.venezuelanAtClassOrderFacility)
        ? t.classOrderFacility
        : t.facility.pick(r);
    let from = r.within(RANGES.custody);
    const opened = t.inUseFrom.get(facility.code);
    if (opened !== undefined && from < opened) from = opened + r.int(0, 60);
    const transfer = r.chance(DEMO_SHARES.custodyTransfer);
    const through = transfer || r.chance(DEMO_SHARES.custodyEnded) ? from + r.int(7, 270) : null;
    const first = w.add((id, s): CustodyFact => ({
      id,
      type: 'custody',
      facility: facility.code,
      from: from + s,
      through: periodEnd(through, s),
      recordedAt: w.recordedAfter(from + s, 1),
    }));
    if (transfer && first.through !== null) {
      const nextFrom = first.through + 1;
      const next = this.transferFacility(facility, nextFrom);
      const nextThrough = r.chance(0.5) ? nextFrom + r.int(7, 180) : null;
      w.add((id, s) => ({
        id,
        type: 'custody',
        facility: next.code,
        from: nextFrom + s,
        through: periodEnd(nextThrough, s),
        recordedAt: w.recordedAfter(nextFrom + s, 1),
      }));
    }
    return first;
  }

  /** Another adult facility, in use on `onDay`, to transfer someone to. */
  private transferFacility(current: Facility, onDay: Day): Facility {
    const t = this.tables;
    for (let attempt = 0; attempt < 8; attempt++) {
      const next = t.facility.pick(this.random);
      if (next.code !== current.code && (t.inUseFrom.get(next.code) ?? onDay) <= onDay) return next;
    }
    return t.facility.items.find((x) => x.code !== current.code && !t.inUseFrom.has(x.code))!;
  }

  /** Notice of intended removal, served in custody after the order (and to counsel, sometimes). */
  private addNotice(w: PersonWriter, order: FinalOrderFact, custody: CustodyFact): void {
    const r = this.random;
    let servedOn = Math.max(order.from, custody.from) + r.int(0, 21);
    if (custody.through !== null) servedOn = Math.min(servedOn, custody.through);
    const counsel = r.chance(DEMO_SHARES.noticeToCounsel);
    w.add((id, s) => ({
      id,
      type: 'notice',
      servedOn: servedOn + s,
      counsel,
      recordedAt: w.recordedAfter(servedOn + s, 2),
    }));
  }
}

function checkOptions(options: DemoOptions, batchSize: number): void {
  if (!Number.isSafeInteger(options.people) || options.people < 0) {
    throw new RepatriaError(
      'INVALID_INPUT',
      `people must be a non-negative integer, got ${String(options.people)}`,
    );
  }
  if (!Number.isFinite(options.seed)) {
    throw new RepatriaError('INVALID_INPUT', `seed must be a finite number, got ${String(options.seed)}`);
  }
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RepatriaError(
      'INVALID_INPUT',
      `batch size must be a positive integer, got ${String(batchSize)}`,
    );
  }
}

/**
 * The demo people in batches of `batchSize`, made as they are read: memory holds one batch
 * however many people are asked for. Same options, same people, whatever the batch size.
 * Bad options throw `RepatriaError('INVALID_INPUT')` on the first `next()`.
 */
export function* demoPeople(
  options: DemoOptions,
  batchSize: number = DEFAULT_BATCH_SIZE,
): Generator<Person[], void, undefined> {
  checkOptions(options, batchSize);
  const generator = new PopulationGenerator(options.seed, options.people);
  for (let start = 0; start < options.people; start += batchSize) {
    const end = Math.min(start + batchSize, options.people);
    const batch: Person[] = [];
    for (let i = start; i < end; i++) batch.push(generator.person(i));
    yield batch;
  }
}

/**
 * The whole demo: its programme facts (return agreements and the class order; the TPS
 * designations come from the product's reference data) and a stream of people batches.
 * Bad options throw `RepatriaError('INVALID_INPUT')` at once.
 */
export function generateDemo(options: DemoOptions, batchSize: number = DEFAULT_BATCH_SIZE): DemoData {
  checkOptions(options, batchSize);
  return { program: demoProgram(), people: demoPeople(options, batchSize) };
}
