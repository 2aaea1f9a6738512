import { describe, expect, it } from 'vitest';
import { Random, WeightedTable } from './random.js';

const draws = (seed: number, n: number): number[] => {
  const r = new Random(seed);
  return Array.from({ length: n }, () => r.uint32());
};

describe('Random', () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    expect(draws(1, 100)).toEqual(draws(1, 100));
    expect(draws(1, 100)).not.toEqual(draws(2, 100));
    expect(draws(0, 100)).not.toEqual(draws(2 ** 32, 100));
    expect(draws(1.5, 10)).not.toEqual(draws(1, 10));
    expect(draws(-1, 10)).not.toEqual(draws(1, 10));
  });

  it('is pinned: these values must not change, or every demo changes', () => {
    expect(draws(42, 3)).toMatchInlineSnapshot(`
      [
        1028872839,
        2516511472,
        400437680,
      ]
    `);
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const r = new Random(7);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) seen.add(r.int(-2, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(() => r.int(3, 2)).toThrow(RangeError);
  });

  it('draws next() uniformly in [0, 1)', () => {
    const r = new Random(3);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const v = r.next();
      if (v < 0 || v >= 1) outside++;
      sum += v;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it('honours chance() and weighted tables', () => {
    const r = new Random(11);
    const n = 50_000;
    let hits = 0;
    for (let i = 0; i < n; i++) if (r.chance(0.3)) hits++;
    expect(hits / n).toBeGreaterThan(0.29);
    expect(hits / n).toBeLessThan(0.31);

    const table = new WeightedTable([
      ['a', 1],
      ['never', 0],
      ['b', 3],
    ] as const);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < n; i++) counts[r.weighted(table)]++;
    expect(counts.never).toBe(0);
    expect(counts.b / n).toBeGreaterThan(0.74);
    expect(counts.b / n).toBeLessThan(0.76);
  });

  it('shuffles into a permutation without touching the input, and picks members', () => {
    const r = new Random(5);
    const input = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = r.shuffle(input);
    expect(input).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...shuffled].sort((a, b) => a - b)).toEqual(input);
    expect(shuffled).not.toEqual(input);
    expect(input).toContain(r.pick(input));
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it('refuses bad seeds and weights', () => {
    expect(() => new Random(Number.NaN)).toThrow(RangeError);
    expect(() => new WeightedTable([])).toThrow(RangeError);
    expect(() => new WeightedTable([['a', -1]])).toThrow(RangeError);
    expect(() => new WeightedTable([['a', 0]])).toThrow(RangeError);
  });
});
