/**
 * The reference the optimiser is tested against: the whole planning problem as a MIP with
 * one binary per person and flight, built here from the spec alone (nothing of src/planner
 * but its types), written as CPLEX LP text and solved by HiGHS to proven optimality.
 *
 *   b[p,f] = 1 when person p flies on flight f (only where p may board f on their own)
 *   Σ_f b[p,f] ≤ 1;  family members: b[p,f] = b[q,f] (and 0 where one of them may not board)
 *   Σ_p b[p,f] ≤ seats(f)
 *   weekly caps, one binary u[f] per flight: b[p,f] ≤ u[f];  Σ_week b ≤ cap(date f) + M·(1 − u[f])
 *   maximise Σ (value(p) − cost(p,f))·b[p,f]
 */
import highsPackage from 'highs';
import { programView } from '../../src/domain/context.js';
import { isoWeekStart } from '../../src/domain/dates.js';
import { decideWith } from '../../src/domain/decision.js';
import { covers, type CustodyFact } from '../../src/domain/facts.js';
import { isKnownAt } from '../../src/domain/knowledge.js';
import type { PlanInstance } from '../../src/planner/instance.js';

type Loader = (typeof highsPackage)['default'];
const loadHighs: Loader =
  (highsPackage as unknown as { default?: Loader }).default ?? (highsPackage as unknown as Loader);

export interface ReferenceOptimum {
  readonly status: string;
  readonly objective: number;
  readonly variables: number;
}

export async function personLevelOptimum(instance: PlanInstance): Promise<ReferenceOptimum> {
  const highs = await loadHighs();
  const view = programView(instance.program, instance.knownAt);
  const country = new Map(instance.airports.map((a) => [a.code, a.country]));
  const transfer = new Map(instance.transfers.map((t) => [`${t.facility}>${t.airport}`, t.cost]));

  // cost[p][f], or undefined where p may not board f.
  const cost = instance.persons.map((person) => {
    const facts = person.facts.filter((f) => isKnownAt(f, instance.knownAt));
    const nationalities = facts.flatMap((f) => (f.type === 'nationality' ? [f.country] : []));
    const notices = facts.flatMap((f) => (f.type === 'notice' ? [f.servedOn] : []));
    const custody = facts.filter((f): f is CustodyFact => f.type === 'custody');
    return instance.flights.map((flight) => {
      const to = country.get(flight.destination)!;
      if (!nationalities.includes(to)) return undefined;
      if (
        !decideWith(person, view, { on: flight.date, knownAt: instance.knownAt, destination: to }).removable
      )
        return undefined;
      if (!notices.some((s) => s + instance.noticeDays <= flight.date)) return undefined;
      // Overlapping stays: the one begun last, then recorded last, then listed last.
      const held = custody
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => covers(c, flight.date))
        .sort((a, b) => b.c.from - a.c.from || b.c.recordedAt - a.c.recordedAt || b.i - a.i);
      const facility = held[0]?.c.facility;
      return facility === undefined ? undefined : transfer.get(`${facility}>${flight.origin}`);
    });
  });
  const family = instance.persons.map((person) => {
    const first = person.facts.find((f) => f.type === 'family' && isKnownAt(f, instance.knownAt));
    return first?.type === 'family' ? first.group : undefined;
  });
  const members = new Map<string, number[]>();
  family.forEach((g, p) => g !== undefined && members.set(g, [...(members.get(g) ?? []), p]));
  // A family member may take a flight only if every member may.
  for (const list of members.values()) {
    instance.flights.forEach((_, f) => {
      if (list.some((p) => cost[p]![f] === undefined)) for (const p of list) cost[p]![f] = undefined;
    });
  }

  const b = (p: number, f: number): string => `b_${p}_${f}`;
  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  instance.persons.forEach((person, p) => {
    const mine: string[] = [];
    instance.flights.forEach((_, f) => {
      const c = cost[p]![f];
      if (c === undefined) return;
      mine.push(b(p, f));
      binaries.push(b(p, f));
      const gain = person.value - c;
      if (gain !== 0) objective.push(`${gain >= 0 ? '+' : '-'} ${Math.abs(gain)} ${b(p, f)}`);
    });
    if (mine.length > 0) rows.push(`one_${p}: ${mine.map((v) => `+ ${v}`).join(' ')} <= 1`);
  });
  for (const list of members.values()) {
    for (let i = 1; i < list.length; i++) {
      instance.flights.forEach((_, f) => {
        if (cost[list[0]!]![f] !== undefined)
          rows.push(`fam_${list[0]!}_${list[i]!}_${f}: + ${b(list[0]!, f)} - ${b(list[i]!, f)} = 0`);
      });
    }
  }
  const on = (f: number): string[] =>
    instance.persons.flatMap((_, p) => (cost[p]![f] === undefined ? [] : [b(p, f)]));
  instance.flights.forEach((flight, f) => {
    if (on(f).length > 0)
      rows.push(
        `seats_${f}: ${on(f)
          .map((v) => `+ ${v}`)
          .join(' ')} <= ${flight.seats}`,
      );
  });
  const weeks = new Map<string, number[]>();
  instance.flights.forEach((flight, f) => {
    const key = `${country.get(flight.destination)!}|${isoWeekStart(flight.date)}`;
    weeks.set(key, [...(weeks.get(key) ?? []), f]);
  });
  for (const flights of weeks.values()) {
    const all = flights.flatMap(on);
    if (all.length === 0) continue;
    const bigM = flights.reduce((s, f) => s + instance.flights[f]!.seats, 0);
    for (const f of flights) {
      const flight = instance.flights[f]!;
      const to = country.get(flight.destination)!;
      const caps = (view.agreementsByCountry.get(to) ?? [])
        .filter((a) => covers(a, flight.date))
        .map((a) => a.weeklyCap ?? Infinity);
      const cap = caps.length === 0 ? 0 : Math.max(...caps);
      if (cap >= bigM || on(f).length === 0) continue;
      const used = `u_${f}`;
      binaries.push(used);
      for (const v of on(f)) rows.push(`use_${v}: + ${v} - ${used} <= 0`);
      rows.push(`cap_${f}: ${all.map((v) => `+ ${v}`).join(' ')} + ${bigM - cap} ${used} <= ${bigM}`);
    }
  }
  if (binaries.length === 0) return { status: 'Empty', objective: 0, variables: 0 };
  const text = [
    'Maximize',
    ` obj: ${objective.length > 0 ? objective.join(' ') : `0 ${binaries[0]!}`}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Binary',
    ...binaries.map((v) => ` ${v}`),
    'End',
    '',
  ].join('\n');
  const result = highs.solve(text, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 });
  return { status: result.Status, objective: result.ObjectiveValue, variables: binaries.length };
}
