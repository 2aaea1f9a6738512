import { describe, expect, it } from 'vitest';
import type { BulkValue } from '../store/store-connection.js';
import { unpackValues, ValueReader, ValueWriter, NUMBER, STRING, BYTES, NULL } from './batch.js';

/** Values of every kind, in sizes that make each of the writer's arrays grow more than once. */
function values(seed: number): BulkValue[] {
  const out: BulkValue[] = [];
  let x = seed;
  const next = (n: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return x % n;
  };
  const pieces = ['P00000001-1', 'é', '東京', '🙂', '"\\\n\t', 'x'.repeat(31), 'y'.repeat(33), 'Núñez', '', '\u0000'];
  for (let i = 0; i < 20_000; i += 1) {
    switch (next(5)) {
      case 0:
        out.push(null);
        break;
      case 1:
        out.push(next(2) === 0 ? -next(1e9) * 1e6 : next(1e9) / 7);
        break;
      case 2: {
        let text = '';
        for (let k = next(4); k >= 0; k -= 1) text += pieces[next(pieces.length)]!;
        out.push(text);
        break;
      }
      case 3:
        out.push(Buffer.from(Array.from({ length: next(60) }, () => next(256))));
        break;
      default:
        // Now and then a value larger than everything written so far: the buffer grows under it.
        out.push(next(20) === 0 ? (next(2) === 0 ? 'z'.repeat(70_000 + next(1000)) : Buffer.alloc(70_000 + next(1000), next(256))) : 'short');
    }
  }
  return out;
}

const comparable = (v: BulkValue): unknown => (v instanceof Uint8Array ? `bytes:${Buffer.from(v).toString('hex')}` : v);

describe('packed batch values', () => {
  it('read back exactly as pushed, strings as UTF-8 and blobs placed in place, through growth and reuse', () => {
    const writer = new ValueWriter();
    for (const seed of [1, 2, 3]) {
      const given = values(seed);
      for (const v of given) writer.push(v);
      const packed = writer.finish();
      expect(unpackValues(packed).map(comparable)).toEqual(given.map(comparable));
      expect(packed.bytes.byteLength).toBe(given.reduce<number>((n, v) => n + (typeof v === 'string' ? Buffer.byteLength(v) : v instanceof Uint8Array ? v.length : 0), 0));
    }
  });

  it('packs the next batch into the memory of one given back, leaving the batches not given back as they were', () => {
    const writer = new ValueWriter();
    const given = values(4);
    const batch = (): ReturnType<ValueWriter['finish']> => {
      for (const v of given) writer.push(v);
      return writer.finish();
    };
    const first = batch();
    const second = batch();
    writer.recycle(first);
    const third = batch();
    const fourth = batch();
    // Compared as booleans: a failed comparison of two buffers would print every byte.
    const same = (a: ReturnType<ValueWriter['finish']>, b: ReturnType<ValueWriter['finish']>): boolean[] =>
      [a.kinds.buffer === b.kinds.buffer, a.numbers.buffer === b.numbers.buffer, a.bytes.buffer === b.bytes.buffer, a.byteLengths.buffer === b.byteLengths.buffer];
    // The batch being built when one is given back is already in memory of its own: the one after it takes the memory given.
    expect(same(third, first)).toEqual([false, false, false, false]);
    expect(same(third, second)).toEqual([false, false, false, false]);
    expect(same(fourth, first)).toEqual([true, true, true, true]);
    for (const packed of [second, third, fourth]) expect(unpackValues(packed).map(comparable)).toEqual(given.map(comparable));
  });

  it('steps over values without making them, giving their kind, number or bytes', () => {
    const writer = new ValueWriter();
    const given: BulkValue[] = [7, null, 'Núñez', Buffer.from([1, 2, 3]), -1.5];
    for (const v of given) writer.push(v);
    const reader = new ValueReader(writer.finish());
    expect(reader.step()).toBe(NUMBER);
    expect(reader.number).toBe(7);
    expect(reader.step()).toBe(NULL);
    expect(reader.step()).toBe(STRING);
    expect(reader.bytes.toString('utf8', reader.start, reader.start + reader.length)).toBe('Núñez');
    expect(reader.step()).toBe(BYTES);
    expect([...reader.bytes.subarray(reader.start, reader.start + reader.length)]).toEqual([1, 2, 3]);
    expect(reader.step()).toBe(NUMBER);
    expect(reader.number).toBe(-1.5);
  });
});
