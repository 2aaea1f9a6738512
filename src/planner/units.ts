/**
 * Units: the people who travel together. A family group (the group of each member's first
 * known `family` fact) is one unit that may board only the flights every member may board,
 * at the sum of its members' costs, for the sum of their values; everyone else is a unit
 * of one (spec: plan-instance.md, rule 4 and "Readings").
 */
import type { PlanPerson, ReasonCode } from './instance.js';
import type { PersonOptions } from './eligibility.js';

export interface Unit {
  /** Person indices, in instance order. */
  readonly members: readonly number[];
  readonly value: number;
  /** Flights every member may board, ascending. */
  readonly flights: readonly number[];
  /** The unit's cost on each of `flights`: the sum over members. */
  readonly costs: readonly number[];
}

export const unitSize = (unit: Unit): number => unit.members.length;

export function buildUnits(persons: readonly PlanPerson[], options: readonly PersonOptions[]): Unit[] {
  const groups = new Map<string, number[]>();
  const units: number[][] = [];
  persons.forEach((_, i) => {
    const group = options[i]!.readings.familyGroup;
    if (group === undefined) {
      units.push([i]);
      return;
    }
    const members = groups.get(group);
    if (members === undefined) {
      const list = [i];
      groups.set(group, list);
      units.push(list);
    } else members.push(i);
  });
  return units.map((members) => {
    const value = members.reduce((s, m) => s + persons[m]!.value, 0);
    if (members.length === 1) {
      const o = options[members[0]!]!;
      return { members, value, flights: o.flights, costs: o.costs };
    }
    // Intersect the members' sorted flight lists, adding up costs.
    let flights = options[members[0]!]!.flights;
    let costs = options[members[0]!]!.costs;
    for (const m of members.slice(1)) {
      const o = options[m]!;
      const nextFlights: number[] = [];
      const nextCosts: number[] = [];
      let a = 0;
      let b = 0;
      while (a < flights.length && b < o.flights.length) {
        const fa = flights[a]!;
        const fb = o.flights[b]!;
        if (fa === fb) {
          nextFlights.push(fa);
          nextCosts.push(costs[a]! + o.costs[b]!);
          a++;
          b++;
        } else if (fa < fb) a++;
        else b++;
      }
      flights = nextFlights;
      costs = nextCosts;
    }
    return { members, value, flights, costs };
  });
}

/** Best gain of flying the unit at all: value less its cheapest cost; `-Infinity` with no flight. */
export function bestNet(unit: Unit): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const c of unit.costs) best = Math.max(best, unit.value - c);
  return best;
}

/**
 * Why each member of a unit the plan leaves out is left out: a member who may board no
 * flight on their own keeps their own reasons; the others are kept off by the family
 * (`FAMILY_BLOCKED`), by cost (`NOT_WORTH`: no flight gains anything) or by capacity.
 */
export function unassignedReasons(
  unit: Unit,
  options: readonly PersonOptions[],
): Map<number, readonly ReasonCode[]> {
  const out = new Map<number, readonly ReasonCode[]>();
  for (const m of unit.members) {
    const own = options[m]!;
    if (own.flights.length === 0) out.set(m, own.reasons);
    else if (unit.flights.length === 0) out.set(m, ['FAMILY_BLOCKED']);
    else if (bestNet(unit) <= 0) out.set(m, ['NOT_WORTH']);
    else out.set(m, ['CAPACITY']);
  }
  return out;
}
