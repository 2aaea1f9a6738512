/** The hash chain alone: any change to any stored entry is found, at that entry. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, link, verifyChain, type ChainedEntry } from './audit-chain.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function chainOf(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const entry = link(
      {
        seq,
        when: 1_000 * seq,
        what: 'manifest.approved',
        who: `u${seq % 3}`,
        subjectType: 'manifest',
        subjectId: `M${seq % 4}`,
        correlationId: `c${seq}`,
        details: canonicalJson({ role: 'supervisor', version: seq }),
      },
      prev,
      sha256,
    );
    out.push(entry);
    prev = entry.hash;
  }
  return out;
}

const FIELDS = [
  'when',
  'what',
  'who',
  'subjectType',
  'subjectId',
  'correlationId',
  'details',
  'prevHash',
  'hash',
] as const;

describe('audit chain', () => {
  it('spells a value one way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }, 'x'] })).toBe('{"a":[{"d":2},"x"],"b":1}');
  });

  it('verifies an intact chain and reports its head', () => {
    const chain = chainOf(20);
    expect(verifyChain(chain, sha256)).toEqual({
      ok: true,
      entries: 20,
      head: { seq: 20, hash: chain[19]!.hash },
    });
    expect(verifyChain([], sha256)).toMatchObject({ ok: true, entries: 0 });
  });

  it('names the changed entry, whatever field of whichever entry is changed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.nat(),
        fc.constantFrom(...FIELDS),
        fc.string({ minLength: 1 }),
        (n, pick, field, junk) => {
          const chain = chainOf(n);
          const index = pick % n;
          const original = chain[index]!;
          const changed = field === 'when' ? original.when + 1 : `${original[field]}${junk}`;
          chain[index] = { ...original, [field]: changed };
          const verdict = verifyChain(chain, sha256);
          expect(verdict).toMatchObject({ ok: false, entries: index, broken: { seq: original.seq } });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('notices an entry removed from the middle', () => {
    const chain = chainOf(5);
    chain.splice(2, 1);
    expect(verifyChain(chain, sha256)).toMatchObject({
      ok: false,
      broken: { seq: 4, problem: 'missing_before' },
    });
  });
});
