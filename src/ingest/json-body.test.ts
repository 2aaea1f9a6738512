import { describe, expect, it } from 'vitest';
import type { Fact } from '../domain/facts.js';
import { factBody } from '../store/fact-codec.js';
import { ValueReader, ValueWriter } from './batch.js';
import { pushFactBody } from './json-body.js';

/** The bytes `pushFactBody` wrote for each fact, with a number between each two (the strings must end where they should). */
function written(facts: readonly Fact[]): Buffer[] {
  const out = new ValueWriter();
  for (const fact of facts) {
    pushFactBody(out, fact);
    out.pushNumber(7);
  }
  const reader = new ValueReader(out.finish());
  return facts.map(() => {
    reader.step();
    const bytes = Buffer.from(reader.bytes.subarray(reader.start, reader.start + reader.length));
    reader.step();
    expect(reader.number).toBe(7);
    return bytes;
  });
}

const TEXTS = [
  'VE',
  '',
  'P00000001-1',
  'x"y',
  'back\\slash',
  'tab\there',
  'line\nend',
  '\u0000',
  '\u001f',
  '\u007f',
  'é',
  'Núñez',
  '東京',
  '🙂',
  '\ud800',
  'a\udc00b',
  '</script>',
  "O'Brien",
  'x'.repeat(40_000),
];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  9,
  10,
  99,
  100,
  20_000,
  -25_567,
  1_735_776_000_000,
  -62_135_596_800_000,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2 ** 53,
  1.5,
  -0.25,
  1e21,
  1e-7,
  NaN,
  Infinity,
];

describe("a fact's body written in place", () => {
  it('is byte for byte the UTF-8 of factBody, for odd strings, numbers, booleans, nulls and left-out keys', () => {
    let seed = 11;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      seed ^= seed >>> 13;
      return seed % n;
    };
    const facts: Fact[] = [];
    for (let i = 0; i < 5_000; i += 1) {
      const fact: Record<string, unknown> = {
        id: TEXTS[next(TEXTS.length)],
        recordedAt: NUMBERS[next(NUMBERS.length)],
      };
      if (next(3) === 0) fact.retractedAt = NUMBERS[next(NUMBERS.length)];
      for (let k = next(6); k > 0; k -= 1) {
        const key = next(4) === 0 ? TEXTS[next(TEXTS.length)]! : `field${next(5)}`;
        const pick = next(6);
        fact[key] =
          pick === 0
            ? TEXTS[next(TEXTS.length)]
            : pick === 1
              ? NUMBERS[next(NUMBERS.length)]
              : pick === 2
                ? next(2) === 0
                : pick === 3
                  ? null
                  : pick === 4
                    ? undefined
                    : 'VE';
      }
      facts.push(fact as unknown as Fact);
    }
    const bytes = written(facts);
    facts.forEach((fact, i) => {
      expect(bytes[i]!.equals(Buffer.from(factBody(fact))), factBody(fact).slice(0, 200)).toBe(true);
    });
  });

  it('gives a fact holding an object or a list, such as a class order’s criteria, to JSON.stringify whole', () => {
    const facts = [
      {
        id: 'C1',
        type: 'class_order',
        recordedAt: 1,
        from: 20_000,
        through: null,
        criteria: { nationality: ['VE', 'HT'], facility: ['Otay "Mesa"'] },
        retractedAt: 5,
      },
      { id: 'C2', list: [1, 'two', null], recordedAt: 2 },
      {},
      { retractedAt: 3 },
    ] as unknown as Fact[];
    const bytes = written(facts);
    facts.forEach((fact, i) => {
      expect(bytes[i]!.toString('utf8')).toBe(factBody(fact));
    });
    expect(bytes[3]!.toString('utf8')).toBe('{}');
  });
});
