import { describe, expect, it } from 'vitest';
import { BinaryCopyReader, int8Field } from './copy-binary.js';

/** A binary COPY stream of rows of (bytea, int8 or NULL). */
function stream(rows: readonly [Buffer, bigint | null][]): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)];
  for (const [bytes, n] of rows) {
    const head = Buffer.alloc(6);
    head.writeInt16BE(2, 0);
    head.writeInt32BE(bytes.length, 2);
    const tail = Buffer.alloc(n === null ? 4 : 12);
    tail.writeInt32BE(n === null ? -1 : 8, 0);
    if (n !== null) tail.writeBigInt64BE(n, 4);
    parts.push(head, bytes, tail);
  }
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1, 0);
  parts.push(trailer);
  return Buffer.concat(parts);
}

describe('BinaryCopyReader', () => {
  const rows: [Buffer, bigint | null][] = [
    [Buffer.from([1, 2, 3]), 1_700_000_000_000n],
    [Buffer.alloc(0), null],
    [Buffer.from('hello'), -5n],
  ];

  it('reads rows however the stream is cut into chunks', () => {
    const whole = stream(rows);
    for (const size of [1, 2, 3, 7, 64, whole.length]) {
      const seen: [string, number | null][] = [];
      const reader = new BinaryCopyReader(2, (row) => {
        seen.push([row.bytes.subarray(row.starts[0], row.starts[0]! + row.lengths[0]!).toString('hex'), int8Field(row, 1)]);
      });
      for (let at = 0; at < whole.length; at += size) reader.push(whole.subarray(at, at + size));
      reader.end();
      expect(seen).toEqual([
        ['010203', 1_700_000_000_000],
        ['', null],
        [Buffer.from('hello').toString('hex'), -5],
      ]);
    }
  });

  it('refuses a stream cut short or with other rows', () => {
    const whole = stream(rows);
    const short = new BinaryCopyReader(2, () => undefined);
    short.push(whole.subarray(0, whole.length - 3));
    expect(() => {
      short.end();
    }).toThrow(/ended early/);
    expect(() => {
      new BinaryCopyReader(3, () => undefined).push(whole);
    }).toThrow(/2 fields, not 3/);
  });
});
