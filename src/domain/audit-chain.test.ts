/** The hash chain alone: any change to any stored entry is found, at that entry. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  checkEnd,
  EMPTY_CHAIN,
  GENESIS_HASH,
  link,
  verifyChain,
  type ChainedEntry,
  type ChainHead,
} from './audit-chain.js';

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

/** The end its writer recorded after writing all of `chain`. */
const endOf = (chain: readonly ChainedEntry[]): ChainHead => {
  const last = chain.at(-1);
  return last === undefined ? EMPTY_CHAIN : { seq: last.seq, hash: last.hash };
};

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
    expect(verifyChain(chain, endOf(chain), sha256)).toEqual({
      ok: true,
      entries: 20,
      head: { seq: 20, hash: chain[19]!.hash },
    });
    expect(verifyChain([], EMPTY_CHAIN, sha256)).toMatchObject({ ok: true, entries: 0 });
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
          const written = endOf(chain);
          const index = pick % n;
          const original = chain[index]!;
          const changed = field === 'when' ? original.when + 1 : `${original[field]}${junk}`;
          chain[index] = { ...original, [field]: changed };
          const verdict = verifyChain(chain, written, sha256);
          expect(verdict).toMatchObject({ ok: false, entries: index, broken: { seq: original.seq } });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('notices an entry removed from the middle', () => {
    const chain = chainOf(5);
    const written = endOf(chain);
    chain.splice(2, 1);
    expect(verifyChain(chain, written, sha256)).toMatchObject({
      ok: false,
      broken: { seq: 4, problem: 'missing_before' },
    });
  });

  it('notices entries removed from the end, which leave an intact but shorter chain', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), (n, pick) => {
        const chain = chainOf(n);
        const written = endOf(chain);
        const kept = pick % n;
        const verdict = verifyChain(chain.slice(0, kept), written, sha256);
        expect(verdict).toMatchObject({
          ok: false,
          entries: kept,
          broken: { seq: kept + 1, problem: 'truncated' },
        });
        if (!verdict.ok)
          expect(verdict.broken.message).toMatch(
            new RegExp(
              `^entry ${kept + 1} is missing: the log was written up to entry ${n} but ends at entry ${kept}`,
            ),
          );
      }),
      { numRuns: 200 },
    );
  });

  it('notices a last entry removed and replaced by another that hashes right', () => {
    const chain = chainOf(6);
    const written = endOf(chain);
    const last = chain[5]!;
    chain[5] = link(
      { ...last, details: canonicalJson({ role: 'planner', version: 6 }) },
      last.prevHash,
      sha256,
    );
    expect(verifyChain(chain, written, sha256)).toMatchObject({
      ok: false,
      entries: 5,
      broken: { seq: 6, problem: 'altered' },
    });
  });

  it('notices entries past the end the writer recorded', () => {
    const chain = chainOf(6);
    expect(verifyChain(chain, endOf(chain.slice(0, 4)), sha256)).toMatchObject({
      ok: false,
      entries: 4,
      broken: { seq: 5, problem: 'unrecorded' },
    });
  });

  it('accepts entries appended during a walk, and every entry committed before it', () => {
    const chain = chainOf(8);
    const walked = endOf(chain);
    // The walk began when 5 entries were recorded and saw 8; by its end, 10 were recorded.
    const before = { seq: 5, hash: chain[4]!.hash };
    const after = { seq: 10, hash: 'a later hash' };
    expect(checkEnd({ walked, hashAtBefore: chain[4]!.hash, before, after })).toBeUndefined();
    expect(
      checkEnd({ walked: EMPTY_CHAIN, hashAtBefore: undefined, before: EMPTY_CHAIN, after: EMPTY_CHAIN }),
    ).toBeUndefined();
    expect(
      checkEnd({ walked: { seq: 4, hash: chain[3]!.hash }, hashAtBefore: undefined, before, after }),
    ).toMatchObject({
      seq: 5,
      problem: 'truncated',
    });
  });
});
