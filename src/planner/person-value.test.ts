import { describe, expect, it } from 'vitest';
import type { Person } from '../domain/facts.js';
import { parseDay } from '../domain/dates.js';
import { PERSON_VALUE_POLICY, personValue } from './person-value.js';

const d = (text: string): number => parseDay(text)!;
const KNOWN = Date.parse('2025-06-01T00:00:00Z');

const person = (extra: Person['facts']): Person => ({
  id: 'P1',
  facts: [{ id: 'n', type: 'nationality', country: 'GT', recordedAt: 0 }, ...extra],
});

describe('personValue', () => {
  it('is the base for someone neither held nor under a final order', () => {
    expect(personValue(person([]), KNOWN, d('2025-06-02'))).toBe(PERSON_VALUE_POLICY.base);
  });

  it('adds days held in the stay in effect and whole months since the final order, each capped', () => {
    const p = person([
      { id: 'c', type: 'custody', facility: 'F', from: d('2025-05-24'), through: null, recordedAt: 0 },
      { id: 'o', type: 'final_order', kind: 'removal', from: d('2025-03-04'), through: null, recordedAt: 0 },
    ]);
    // 10 days held (24 May .. 2 Jun), 90 days since the order: 3 months.
    expect(personValue(p, KNOWN, d('2025-06-02'))).toBe(1_000 + 4 * 10 + 10 * 3);
    const old = person([
      { id: 'c', type: 'custody', facility: 'F', from: d('2020-01-01'), through: null, recordedAt: 0 },
      { id: 'o', type: 'final_order', kind: 'removal', from: d('2010-01-01'), through: null, recordedAt: 0 },
    ]);
    expect(personValue(old, KNOWN, d('2025-06-02'))).toBe(1_000 + 4 * 365 + 10 * 60);
  });

  it('reads only facts known at the instant', () => {
    const p = person([
      { id: 'c', type: 'custody', facility: 'F', from: d('2025-05-24'), through: null, recordedAt: KNOWN + 1 },
    ]);
    expect(personValue(p, KNOWN, d('2025-06-02'))).toBe(1_000);
  });
});
