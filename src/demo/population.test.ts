import { describe, expect, it } from 'vitest';
import { parsePersonFact, parseProgramFact } from '../contract/fact-schema.js';
import { formatDay, formatInstant, parseDay, parseInstant, type Day } from '../domain/dates.js';
import { decideWith } from '../domain/decision.js';
import { programView } from '../domain/context.js';
import type { Fact, Person, PersonFact, ProgramFact, TpsDesignationFact } from '../domain/facts.js';
import { NONDETAINED_FINAL_ORDERS_2024_11_24, demoNationalityShares } from './docket.js';
import { FACILITIES, facilityByCode } from './facilities.js';
import { DEFAULT_BATCH_SIZE, DEMO_KNOWN_BY, DEMO_SHARES, demoPeople, demoProgram, generateDemo } from './population.js';
import { CLASS_ORDER_FACILITY } from './program.js';

const d = (text: string): Day => parseDay(text)!;
const t = (text: string): number => parseInstant(text)!;

const everyone = (people: number, seed: number, batchSize?: number): Person[] =>
  [...demoPeople({ people, seed }, batchSize)].flat();

const DAY_FIELDS = new Set(['from', 'through', 'servedOn', 'resolvedOn']);
const INSTANT_FIELDS = new Set(['recordedAt', 'retractedAt']);

/** The interchange (JSON) form of a domain fact, as the spec writes it. */
function toInterchange(fact: Fact): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fact)) {
    if (value === undefined || value === null) continue;
    if (DAY_FIELDS.has(key)) out[key] = formatDay(value as number);
    else if (INSTANT_FIELDS.has(key)) out[key] = formatInstant(value as number);
    else out[key] = value;
  }
  return out;
}

const SAMPLE = everyone(20_000, 42);
const facts = SAMPLE.flatMap((p) => p.facts);
const has = (p: Person, type: PersonFact['type']): boolean =>
  p.facts.some((f) => f.type === type && f.retractedAt === undefined);
const shareOf = (pred: (p: Person) => boolean, among: readonly Person[] = SAMPLE): number =>
  among.filter(pred).length / among.length;
const nationality = (p: Person): string => {
  const n = p.facts[0];
  if (n?.type !== 'nationality') throw new Error(`${p.id} does not start with its nationality`);
  return n.country;
};

describe('demo population: determinism and streaming', () => {
  it('gives identical people for identical options, whatever the batch size', () => {
    const a = everyone(3_000, 7);
    expect(everyone(3_000, 7)).toEqual(a);
    expect(everyone(3_000, 7, 1)).toEqual(a);
    expect(everyone(3_000, 7, 2_999)).toEqual(a);
    expect(everyone(3_000, 8)).not.toEqual(a);
    // A longer run starts with the same people... except where a family would be cut short.
    expect(everyone(4_000, 7).slice(0, 100)).toEqual(a.slice(0, 100));
  });

  it('numbers people P0000001… and their facts <personId>-<n>, all unique', () => {
    expect(SAMPLE.map((p) => p.id).slice(0, 3)).toEqual(['P0000001', 'P0000002', 'P0000003']);
    expect(SAMPLE.at(-1)?.id).toBe('P0020000');
    const ids = new Set<string>();
    const misnumbered: string[] = [];
    for (const p of SAMPLE) {
      p.facts.forEach((f, i) => {
        if (f.id !== `${p.id}-${i + 1}`) misnumbered.push(f.id);
        ids.add(f.id);
      });
    }
    expect(misnumbered).toEqual([]);
    expect(ids.size).toBe(facts.length);
  });

  it('streams a million people in batches without holding them all', () => {
    const stream = demoPeople({ people: 1_000_000, seed: 1 });
    const first = stream.next();
    expect(first.done).toBe(false);
    expect(first.value).toHaveLength(DEFAULT_BATCH_SIZE);
    expect(first.value?.[0]?.id).toBe('P0000001');
    const second = stream.next().value;
    expect(second?.[0]?.id).toBe(`P${String(DEFAULT_BATCH_SIZE + 1).padStart(7, '0')}`);
    stream.return();
    expect(stream.next().done).toBe(true);

    const demo = generateDemo({ people: 25_000, seed: 1 }, 10_000);
    expect([...demo.people].map((b) => b.length)).toEqual([10_000, 10_000, 5_000]);
    expect([...demoPeople({ people: 0, seed: 1 })]).toEqual([]);
  });

  it('generates all 1,000,000 people in bounded memory', () => {
    const before = process.memoryUsage().heapUsed;
    let count = 0;
    let peak = 0;
    let last = '';
    for (const batch of demoPeople({ people: 1_000_000, seed: 3 })) {
      count += batch.length;
      last = batch.at(-1)?.id ?? last;
      if (count % 100_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    expect(count).toBe(1_000_000);
    expect(last).toBe('P1000000');
    // Holding a million people (over 3 million facts) would take well over a gigabyte.
    expect(peak).toBeLessThan(400_000_000);
  });

  it('generates 100,000 people quickly', () => {
    expect([...demoPeople({ people: 5_000, seed: 9 })]).toHaveLength(5); // warm-up
    const start = performance.now();
    let count = 0;
    for (const batch of demoPeople({ people: 100_000, seed: 9 })) count += batch.length;
    const ms = performance.now() - start;
    expect(count).toBe(100_000);
    expect(ms).toBeLessThan(2_000);
  });

  it('refuses bad options', () => {
    expect(() => generateDemo({ people: -1, seed: 1 })).toThrow(/people/);
    expect(() => generateDemo({ people: 1.5, seed: 1 })).toThrow(/people/);
    expect(() => generateDemo({ people: 10, seed: Number.NaN })).toThrow(/seed/);
    expect(() => generateDemo({ people: 10, seed: 1 }, 0)).toThrow(/batch/);
    expect(() => demoPeople({ people: -1, seed: 1 }).next()).toThrow(/people/);
  });
});

describe('demo population: every fact has the spec shape', () => {
  it('passes the interchange schema, periods in order, real dates', () => {
    const problems: string[] = [];
    for (const f of facts) {
      const parsed = parsePersonFact(toInterchange(f));
      if (!parsed.ok) problems.push(JSON.stringify(parsed.issues));
      for (const key of DAY_FIELDS) {
        const v = (f as unknown as Record<string, unknown>)[key];
        if (v === undefined || v === null) continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < d('1995-01-01') || v > d('2040-12-31'))
          problems.push(`${f.id}.${key} = ${JSON.stringify(v)}`);
      }
      if ('through' in f && f.through !== null && f.through < f.from)
        problems.push(`${f.id}: through before from`);
      if (f.retractedAt !== undefined && f.retractedAt <= f.recordedAt)
        problems.push(`${f.id}: retracted before recorded`);
      if (
        !Number.isInteger(f.recordedAt) ||
        f.recordedAt < t('1999-01-01T00:00:00Z') ||
        f.recordedAt > t('2041-01-01T00:00:00Z')
      ) {
        problems.push(`${f.id}: recordedAt ${f.recordedAt}`);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('records facts after they happen', () => {
    const early: string[] = [];
    for (const f of facts) {
      const start = f.type === 'notice' ? f.servedOn : 'from' in f ? f.from : undefined;
      // A travel document may be issued before the person is known; it is recorded later.
      if (start === undefined || f.type === 'travel_document') continue;
      if (f.recordedAt <= start * 86_400_000) early.push(f.id);
    }
    expect(early).toEqual([]);
  });

  it('records and retracts nothing after DEMO_KNOWN_BY, which is in the past', () => {
    const late = facts.filter((f) => f.recordedAt >= DEMO_KNOWN_BY || (f.retractedAt ?? 0) >= DEMO_KNOWN_BY);
    expect(late.map((f) => f.id)).toEqual([]);
    expect(DEMO_KNOWN_BY).toBeLessThan(Date.now());
    // The generator does date some stays after it: they are left out, not moved.
    expect(facts.some((f) => f.type === 'stay' && f.recordedAt > t('2026-06-01T00:00:00Z'))).toBe(true);
  });

  it('uses known countries, facilities and designations', () => {
    const countries = new Set(NONDETAINED_FINAL_ORDERS_2024_11_24.map((c) => c.country));
    const designations = new Set(Object.values(DEMO_SHARES.tps).flatMap((g) => Object.keys(g)));
    const unknown = facts.filter(
      (f) =>
        ((f.type === 'nationality' || f.type === 'travel_document' || f.type === 'protection') &&
          !countries.has(f.country)) ||
        (f.type === 'custody' && facilityByCode(f.facility) === undefined) ||
        (f.type === 'tps' && !designations.has(f.designation)) ||
        (f.type === 'citizenship_claim' && f.country !== 'US'),
    );
    expect(unknown).toEqual([]);
  });

  it('lists exactly one nationality, first; documents and protection are from that country', () => {
    const wrong = SAMPLE.filter((p) => {
      const country = nationality(p);
      return (
        p.facts.filter((f) => f.type === 'nationality').length !== 1 ||
        p.facts.some(
          (f) => (f.type === 'travel_document' || f.type === 'protection') && f.country !== country,
        )
      );
    });
    expect(wrong).toEqual([]);
  });

  it('keeps families of 2–5 consecutive people of one nationality', () => {
    const groups = new Map<string, Person[]>();
    for (const p of SAMPLE) {
      const fam = p.facts.find((f) => f.type === 'family');
      if (fam?.type === 'family') groups.set(fam.group, [...(groups.get(fam.group) ?? []), p]);
    }
    expect(groups.size).toBeGreaterThan(300);
    for (const members of groups.values()) {
      expect(members.length).toBeGreaterThanOrEqual(2);
      expect(members.length).toBeLessThanOrEqual(5);
      expect(new Set(members.map(nationality)).size).toBe(1);
      const numbers = members.map((m) => Number(m.id.slice(1)));
      expect(numbers.at(-1)! - numbers[0]!).toBe(members.length - 1);
    }
  });

  it('serves notices only on people with a final order who are in custody', () => {
    const wrong = SAMPLE.filter(
      (p) =>
        p.facts.some((f) => f.type === 'notice') &&
        !(p.facts.some((f) => f.type === 'final_order') && p.facts.some((f) => f.type === 'custody')),
    );
    expect(wrong).toEqual([]);
  });
});

describe('demo population: proportions (20,000 people)', () => {
  const within = (actual: number, target: number, tolerance: number): void => {
    expect(actual).toBeGreaterThan(target - tolerance);
    expect(actual).toBeLessThan(target + tolerance);
  };

  it('follows the docket nationality mix, with Venezuela at 12%', () => {
    for (const [country, share] of demoNationalityShares()) {
      within(
        shareOf((p) => nationality(p) === country),
        share,
        Math.max(0.004, share * 0.15),
      );
    }
    within(
      shareOf((p) => nationality(p) === 'VE'),
      0.12,
      0.012,
    );
  });

  it('gives people facts in the intended shares', () => {
    within(
      shareOf((p) => has(p, 'final_order')),
      DEMO_SHARES.finalOrder,
      0.02,
    );
    within(
      shareOf((p) => has(p, 'appeal')),
      DEMO_SHARES.appeal,
      0.012,
    );
    within(
      shareOf((p) => has(p, 'stay')),
      DEMO_SHARES.stay,
      0.006,
    );
    within(
      shareOf((p) => has(p, 'protection')),
      DEMO_SHARES.protection,
      0.005,
    );
    within(
      shareOf((p) => has(p, 'lawful_status')),
      DEMO_SHARES.lawfulStatus,
      0.005,
    );
    within(
      shareOf((p) => p.facts.some((f) => f.type === 'citizenship_claim')),
      DEMO_SHARES.citizenshipClaim,
      0.0025,
    );
    within(
      shareOf((p) => has(p, 'hold')),
      DEMO_SHARES.hold,
      0.005,
    );
    within(
      shareOf((p) => has(p, 'custody')),
      DEMO_SHARES.custody,
      0.02,
    );
    within(
      shareOf((p) => has(p, 'travel_document')),
      DEMO_SHARES.travelDocument,
      0.02,
    );
    within(
      shareOf((p) => has(p, 'family')),
      DEMO_SHARES.family,
      0.02,
    );
    const orderedInCustody = SAMPLE.filter((p) => has(p, 'final_order') && has(p, 'custody'));
    within(
      shareOf((p) => p.facts.some((f) => f.type === 'notice'), orderedInCustody),
      DEMO_SHARES.notice,
      0.04,
    );
  });

  it('mixes order kinds, appeal stays and final-order years as intended', () => {
    const orders = facts.filter((f) => f.type === 'final_order');
    within(orders.filter((o) => o.kind === 'removal').length / orders.length, 0.8, 0.03);
    within(orders.filter((o) => o.kind === 'expedited_removal').length / orders.length, 0.12, 0.02);
    // 2019–2025, give or take a corrected record's shift of up to ten days.
    expect(orders.filter((o) => o.from < d('2018-12-20') || o.from > d('2026-01-10'))).toEqual([]);
    const years = new Set(orders.map((o) => formatDay(o.from).slice(0, 4)));
    expect([...years].sort()).toEqual(
      expect.arrayContaining(['2019', '2020', '2021', '2022', '2023', '2024', '2025']),
    );
    const appeals = facts.filter((f) => f.type === 'appeal');
    within(appeals.filter((a) => a.stay).length / appeals.length, 0.5, 0.07);
    expect(appeals.some((a) => a.through !== null)).toBe(true);
    expect(facts.filter((f) => f.type === 'custody' && f.from < d('2023-12-20'))).toEqual([]);
  });

  it('grants Venezuelan TPS under both designations, dated as intended', () => {
    const venezuelans = SAMPLE.filter((p) => nationality(p) === 'VE');
    const holds = (designation: string) => (p: Person) =>
      p.facts.some((f) => f.type === 'tps' && f.designation === designation);
    within(shareOf(holds('VE-2023'), venezuelans), 0.45, 0.04);
    within(shareOf(holds('VE-2021'), venezuelans), 0.25, 0.04);
    const misdated = facts.filter(
      (f) =>
        f.type === 'tps' &&
        ((f.designation === 'VE-2023' && f.from < d('2023-10-03') - 10) ||
          (f.designation === 'VE-2021' && f.from < d('2021-03-09') - 10) ||
          f.through !== null),
    );
    expect(misdated).toEqual([]);
    for (const code of ['SV-2001', 'HN-1999', 'NI-1999', 'HT-2010'])
      expect(facts.some((f) => f.type === 'tps' && f.designation === code)).toBe(true);
  });

  it('retracts about 0.5% of facts, some re-recorded', () => {
    const retracted = facts.filter(
      (f) => f.retractedAt !== undefined && f.type !== 'citizenship_claim',
    ).length;
    within(retracted / facts.length, DEMO_SHARES.retracted * 0.85, 0.002);
  });

  it('holds some Venezuelans at the class order facility, and families only at the family facility once open', () => {
    const byCode = (code: string) => facts.filter((f) => f.type === 'custody' && f.facility === code);
    expect(byCode(CLASS_ORDER_FACILITY).length).toBeGreaterThan(100);
    for (const facility of FACILITIES) {
      const opened = facility.inUseFrom === undefined ? undefined : d(facility.inUseFrom);
      if (opened !== undefined)
        expect(byCode(facility.code).filter((f) => 'from' in f && f.from < opened - 10)).toEqual([]);
    }
    const family = FACILITIES.find((f) => f.family)!;
    const held = SAMPLE.filter((p) =>
      p.facts.some((f) => f.type === 'custody' && f.facility === family.code),
    );
    expect(held.length).toBeGreaterThan(0);
    expect(held.filter((p) => !has(p, 'family'))).toEqual([]);
  });
});

describe('demo programme', () => {
  const program = demoProgram();

  it('passes the interchange schema with unique ids', () => {
    for (const f of program) expect(parseProgramFact(toInterchange(f)).ok, f.id).toBe(true);
    expect(new Set(program.map((f) => f.id)).size).toBe(program.length);
    expect(program.some((f) => f.type === 'tps_designation')).toBe(false);
  });

  it('has agreements for every country of the population except Iran and Afghanistan', () => {
    const countries = new Set(program.flatMap((f) => (f.type === 'return_agreement' ? [f.country] : [])));
    for (const c of NONDETAINED_FINAL_ORDERS_2024_11_24)
      expect(countries.has(c.country), c.country).toBe(!['IR', 'AF'].includes(c.country));
    const ve = program.find((f) => f.type === 'return_agreement' && f.country === 'VE');
    expect(ve).toMatchObject({
      from: d('2025-01-31'),
      transport: 'receiving',
      weeklyCap: 400,
      through: null,
    });
    const cu = program.find((f) => f.type === 'return_agreement' && f.country === 'CU');
    expect(cu).toMatchObject({ weeklyCap: 50, requiresTravelDocument: true });
  });

  it('has one class order for Venezuelans at a Texas facility from 19 April 2025', () => {
    const orders = program.filter((f) => f.type === 'class_order');
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      criteria: { nationality: ['VE'], facility: [CLASS_ORDER_FACILITY] },
      from: d('2025-04-19'),
      through: null,
    });
    expect(orders[0]?.citation).toContain('A.A.R.P. v. Trump, No. 24A1007');
    expect(facilityByCode(CLASS_ORDER_FACILITY)?.state).toBe('TX');
  });

  it('describes facilities with unique codes, airports and costs', () => {
    expect(new Set(FACILITIES.map((f) => f.code)).size).toBe(FACILITIES.length);
    expect(FACILITIES.length).toBeGreaterThanOrEqual(25);
    for (const f of FACILITIES) {
      expect(f.code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(f.removalAirport).toMatch(/^[A-Z]{3}$/);
      expect(f.transferCostUsd).toBeGreaterThan(0);
      if (f.inUseFrom !== undefined) expect(parseDay(f.inUseFrom)).toBeDefined();
    }
  });
});

describe('demo population through the decision engine', () => {
  // The product's reference data holds the real records; these two stand in for the
  // state of VE-2023 and VE-2021 after the Supreme Court's stay of 19 May 2025.
  const designations: TpsDesignationFact[] = [
    {
      id: 'VE-2023/test',
      type: 'tps_designation',
      designation: 'VE-2023',
      country: 'VE',
      from: d('2023-10-03'),
      through: d('2025-04-07'),
      citation: 'test stand-in',
      recordedAt: t('2025-05-19T00:00:00Z'),
    },
    {
      id: 'VE-2021/test',
      type: 'tps_designation',
      designation: 'VE-2021',
      country: 'VE',
      from: d('2021-03-09'),
      through: d('2025-11-07'),
      citation: 'test stand-in',
      recordedAt: t('2025-09-08T00:00:00Z'),
    },
  ];
  const program: ProgramFact[] = [...demoProgram(), ...designations];
  const knownAt = t('2026-01-01T00:00:00Z');
  const view = programView(program, knownAt);
  const codesOn = (on: string): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const p of SAMPLE) {
      const decision = decideWith(p, view, { on: d(on), knownAt });
      for (const b of decision.blockers) counts.set(b.code, (counts.get(b.code) ?? 0) + 1);
      if (decision.removable) counts.set('REMOVABLE', (counts.get('REMOVABLE') ?? 0) + 1);
    }
    return counts;
  };

  it('shows TPS ending, the class order and missing agreements', () => {
    const march = codesOn('2025-03-01');
    const june = codesOn('2025-06-01');
    const december = codesOn('2025-12-01');
    expect(march.get('TPS_PROTECTED') ?? 0).toBeGreaterThan(1_000);
    expect(june.get('TPS_PROTECTED') ?? 0).toBeLessThan((march.get('TPS_PROTECTED') ?? 0) * 0.75);
    expect(december.get('TPS_PROTECTED') ?? 0).toBeLessThan(june.get('TPS_PROTECTED') ?? 0);
    expect(june.get('CLASS_ORDER') ?? 0).toBeGreaterThan(0);
    expect(march.get('CLASS_ORDER') ?? 0).toBe(0);
    expect(june.get('NO_RETURN_AGREEMENT') ?? 0).toBeGreaterThan(0);
    expect(june.get('REMOVABLE') ?? 0).toBeGreaterThan(SAMPLE.length / 4);
    for (const code of [
      'APPEAL_PENDING',
      'STAY_OF_REMOVAL',
      'PROTECTED_FROM_COUNTRY',
      'HOLD',
      'NO_TRAVEL_DOCUMENT',
      'NO_FINAL_ORDER',
    ]) {
      expect(june.get(code) ?? 0, code).toBeGreaterThan(0);
    }
  });
});
