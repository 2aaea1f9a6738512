/**
 * A plan under construction, unit by unit: which flight each unit is on, each flight's load
 * and each week's total, with the test that adding a unit to a flight keeps every seat and
 * weekly-cap rule (the cap binding a week is the smallest cap of its used flights, so using
 * a flight on a low-cap day can lower the cap for the whole week).
 */
import type { WeekGroup } from './caps.js';
import type { NetworkFlight } from './network.js';
import type { Unit } from './units.js';

export class Loading {
  /** Flight index of each unit, or -1. */
  readonly flightOf: Int32Array;
  /** Persons on each flight. */
  readonly load: Float64Array;
  private readonly groupOf: Int32Array;
  private readonly capOf: Float64Array;
  /** Persons flown in each week group. */
  private readonly total: Float64Array;

  constructor(
    readonly units: readonly Unit[],
    readonly flights: readonly NetworkFlight[],
    readonly groups: readonly WeekGroup[],
  ) {
    this.flightOf = new Int32Array(units.length).fill(-1);
    this.load = new Float64Array(flights.length);
    this.groupOf = new Int32Array(flights.length).fill(-1);
    this.capOf = new Float64Array(flights.length).fill(Number.POSITIVE_INFINITY);
    groups.forEach((g, gi) => {
      g.flights.forEach((f, i) => {
        this.groupOf[f] = gi;
        this.capOf[f] = g.caps[i]!;
      });
    });
    this.total = new Float64Array(groups.length);
  }

  /** The cap binding a week group if `extra` (a flight index, or -1) were used as well. */
  capWith(group: number, extra: number): number {
    let cap = Number.POSITIVE_INFINITY;
    for (const f of this.groups[group]!.flights)
      if (this.load[f]! > 0 || f === extra) cap = Math.min(cap, this.capOf[f]!);
    return cap;
  }

  weekTotal(group: number): number {
    return this.total[group]!;
  }

  groupOfFlight(flight: number): number {
    return this.groupOf[flight]!;
  }

  capOfFlight(flight: number): number {
    return this.capOf[flight]!;
  }

  canAdd(unit: number, flight: number): boolean {
    const size = this.units[unit]!.members.length;
    if (this.load[flight]! + size > this.flights[flight]!.seats) return false;
    const g = this.groupOf[flight]!;
    return g < 0 || this.total[g]! + size <= this.capWith(g, flight);
  }

  add(unit: number, flight: number): void {
    const size = this.units[unit]!.members.length;
    this.flightOf[unit] = flight;
    this.load[flight] = this.load[flight]! + size;
    const g = this.groupOf[flight]!;
    if (g >= 0) this.total[g] = this.total[g]! + size;
  }

  remove(unit: number): void {
    const flight = this.flightOf[unit]!;
    if (flight < 0) return;
    const size = this.units[unit]!.members.length;
    this.flightOf[unit] = -1;
    this.load[flight] = this.load[flight]! - size;
    const g = this.groupOf[flight]!;
    if (g >= 0) this.total[g] = this.total[g]! - size;
  }

  /** The unit's cost on a flight it may board. */
  costOn(unit: number, flight: number): number {
    const u = this.units[unit]!;
    const i = u.flights.indexOf(flight);
    if (i < 0) throw new Error(`unit ${unit} may not board flight ${flight}`);
    return u.costs[i]!;
  }

  /** What the unit gains where it is now (0 when on no flight). */
  gain(unit: number): number {
    const f = this.flightOf[unit]!;
    return f < 0 ? 0 : this.units[unit]!.value - this.costOn(unit, f);
  }
}
