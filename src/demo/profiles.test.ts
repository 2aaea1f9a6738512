import { describe, expect, it } from 'vitest';
import { A_NUMBER } from '../domain/profile.js';
import { demoProfile } from './profiles.js';

describe('demo profiles', () => {
  it('are the same for the same id and seed, and differ across seeds', () => {
    expect(demoProfile('P0000042', 1)).toEqual(demoProfile('P0000042', 1));
    const ids = Array.from({ length: 50 }, (_, i) => `P${String(i + 1).padStart(7, '0')}`);
    const differ = ids.filter((id) => demoProfile(id, 1).name !== demoProfile(id, 2).name).length;
    expect(differ).toBeGreaterThan(40);
  });

  it('give every person a distinct, well-formed A-number', () => {
    const numbers = new Set<string>();
    for (let i = 1; i <= 20_000; i++) {
      const p = demoProfile(`P${String(i).padStart(7, '0')}`, 1);
      expect(p.aNumber).toMatch(A_NUMBER);
      numbers.add(p.aNumber!);
    }
    expect(numbers.size).toBe(20_000);
  });
});
