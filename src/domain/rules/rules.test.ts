import { describe, expect, it } from 'vitest';
import { BLOCKER_CODES, BLOCKER_SENTENCES } from '../blockers.js';
import { RULES } from './index.js';

describe('rules', () => {
  it('has exactly one rule per blocker code, each citing its legal basis', () => {
    expect(RULES.map((r) => r.code)).toEqual([...BLOCKER_CODES]);
    for (const r of RULES) expect(r.basis).toMatch(/(U\.S\.C\.|CFR|INA|Fed\. R\.)/);
  });

  it('has a plain-English sentence for every blocker code', () => {
    for (const code of BLOCKER_CODES) expect(BLOCKER_SENTENCES[code]).toMatch(/^[A-Z].{20,}\.$/);
  });
});
