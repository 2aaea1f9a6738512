import { describe, expect, it } from 'vitest';
import type { WeekGroup } from './caps.js';
import { greedyByValue } from './greedy.js';
import { Loading } from './loading.js';
import type { NetworkFlight } from './network.js';
import { byBestGain, fillGreedily, repairCaps, repairSeats } from './rounding.js';
import type { Unit } from './units.js';

const flight = (index: number, date: number, seats: number): NetworkFlight => ({
  id: `FL${index}`,
  index,
  date,
  origin: 'AAA',
  destination: 'XAA',
  seats,
  country: 'XA',
  week: 0,
});
const single = (u: number, value: number, flights: number[], cost = 10): Unit => ({
  members: [u],
  value,
  flights,
  costs: flights.map(() => cost),
});

describe('rounding repair', () => {
  // Monday (cap 5) and Friday (cap 2) of one week.
  const flights = [flight(0, 0, 10), flight(1, 4, 10)];
  const week: WeekGroup = { country: 'XA', week: 0, flights: [0, 1], caps: [5, 2] };

  it('takes the least valuable off an overfull flight', () => {
    const units = [single(0, 100, [0]), single(1, 300, [0]), single(2, 200, [0])];
    const loading = new Loading(units, [flight(0, 0, 2)], []);
    units.forEach((_, u) => {
      loading.add(u, 0);
    });
    repairSeats(loading);
    expect(Array.from(loading.flightOf)).toEqual([-1, 0, 0]);
  });

  it('empties the low-cap day or trims to its cap, whichever loses less', () => {
    // Five on Monday worth 100 each, one on Friday worth 1,000: the week's cap is then 2.
    const units = [...Array.from({ length: 5 }, (_, u) => single(u, 110, [0, 1])), single(5, 1010, [1])];
    const loading = new Loading(units, flights, [week]);
    units.forEach((_, u) => {
      loading.add(u, u < 5 ? 0 : 1);
    });
    repairCaps(loading);
    // Dropping Friday loses 1,000; trimming to 2 loses 4 × 100: trimming wins.
    expect(loading.weekTotal(0)).toBe(2);
    expect(loading.flightOf[5]).toBe(1);
    expect(loading.capWith(0, -1)).toBe(2);
  });

  it('fills left-over room best gain first, never beyond a cap that falls when a flight is used', () => {
    const units = [...Array.from({ length: 4 }, (_, u) => single(u, 110, [0, 1])), single(4, 60, [1])];
    const loading = new Loading(units, flights, [week]);
    fillGreedily(loading, byBestGain(loading));
    expect(loading.weekTotal(0)).toBe(4);
    expect(Array.from(loading.flightOf)).toEqual([0, 0, 0, 0, -1]);
    expect(loading.canAdd(4, 1)).toBe(false);
  });

  it('the greedy baseline keeps every rule too', () => {
    const units = [...Array.from({ length: 6 }, (_, u) => single(u, 110 + u, [0, 1])), single(6, 5, [0])];
    const loading = new Loading(units, flights, [week]);
    greedyByValue(loading);
    expect(loading.weekTotal(0)).toBeLessThanOrEqual(loading.capWith(0, -1));
    expect(loading.flightOf[6]).toBe(-1);
  });
});
