/** Sweep = decide for 100,000 demo people, pairs 1–10 (split in two files so that both cores work). */
import { describe, it } from 'vitest';
import { checkAgreement, randomPairs } from './demo-agreement.js';

describe('as-of sweep on a 100,000-person demo population', () => {
  it('agrees with the one-person decision for every person on random (date, knownAt) pairs 1–10', () => {
    checkAgreement(randomPairs().slice(0, 10));
  });
});
