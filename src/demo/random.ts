/**
 * A small seeded pseudo-random generator for the demo data: sfc32 (Chris Doty-Humphrey's
 * "small fast chaotic" generator, as in PractRand), seeded through splitmix32.
 *
 * Pure and deterministic: the same seed always gives the same sequence, on every machine,
 * whatever the clock. `Math.random` is never used, so that a demo can be regenerated
 * exactly from its `--seed`.
 */

/** splitmix32 step: spreads a 32-bit integer over all bits (used only for seeding). */
function splitmix32(state: number): { state: number; value: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return { state: next, value: z >>> 0 };
}

/** Folds any finite number (integers beyond 32 bits, fractions, negatives) into 32 bits. */
function seedBits(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${String(seed)}`);
  const high = Math.floor(seed / 0x1_0000_0000);
  const fraction = Math.floor((seed - Math.floor(seed)) * 0x1_0000_0000);
  return (seed | 0) ^ Math.imul(high | 0, 0x27d4eb2d) ^ Math.imul(fraction | 0, 0x165667b1);
}

/** Seeded generator with the helpers the demo needs. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seedBits(seed);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const step = splitmix32(s);
      s = step.state;
      words.push(step.value);
    }
    this.a = words[0]! | 0;
    this.b = words[1]! | 0;
    this.c = words[2]! | 0;
    this.d = words[3]! | 0;
    // Let the state mix before the first output is used.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** Next 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform integer in a `[first, last]` range, both inclusive. */
  within(range: readonly [first: number, last: number]): number {
    return this.int(range[0], range[1]);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One element, with probability proportional to its weight (see {@link WeightedTable}). */
  weighted<T>(table: WeightedTable<T>): T {
    return table.pick(this);
  }

  /** A shuffled copy (Fisher–Yates); the input is left as it was. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i]!;
      out[i] = out[j]!;
      out[j] = tmp;
    }
    return out;
  }
}

/**
 * Items with weights, prepared once (cumulative sums) so that each pick is a binary search.
 * Weights need not sum to one; zero-weight items are never picked.
 */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(entries: readonly (readonly [item: T, weight: number])[]) {
    if (entries.length === 0) throw new RangeError('a weighted table needs at least one entry');
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight >= 0) || !Number.isFinite(weight))
        throw new RangeError(`weight ${String(weight)} is not a finite non-negative number`);
      sum += weight;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new RangeError('a weighted table needs a positive total weight');
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
