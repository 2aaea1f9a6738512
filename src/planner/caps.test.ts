import { describe, expect, it } from 'vitest';
import type { ReturnAgreementFact } from '../domain/facts.js';
import { capOn } from '../domain/weekly-cap.js';
import { bindingCap, type WeekGroup } from './caps.js';

const agreement = (from: number, through: number | null, weeklyCap?: number): ReturnAgreementFact => ({
  id: `a${from}`,
  type: 'return_agreement',
  country: 'XA',
  from,
  through,
  weeklyCap,
  requiresTravelDocument: false,
  transport: 'sending',
  recordedAt: 0,
});

describe('capOn', () => {
  it('is 0 when no agreement is in effect: nobody may be returned that day', () => {
    expect(capOn([], 10)).toBe(0);
    expect(capOn([agreement(20, null, 5)], 10)).toBe(0);
  });
  it('is the agreement cap, or none (Infinity) when the agreement has none', () => {
    expect(capOn([agreement(0, null, 5)], 10)).toBe(5);
    expect(capOn([agreement(0, null)], 10)).toBe(Number.POSITIVE_INFINITY);
  });
  it('takes the least restrictive of several agreements in effect', () => {
    expect(capOn([agreement(0, null, 5), agreement(5, null, 9)], 10)).toBe(9);
    expect(capOn([agreement(0, null, 5), agreement(5, null)], 10)).toBe(Number.POSITIVE_INFINITY);
    expect(capOn([agreement(0, 9, 50), agreement(5, null, 9)], 10)).toBe(9);
  });
});

describe('bindingCap', () => {
  const week: WeekGroup = {
    country: 'XA',
    week: 7,
    flights: [0, 1, 2],
    caps: [10, 4, Number.POSITIVE_INFINITY],
  };
  it('is the smallest cap among the flights used', () => {
    expect(bindingCap(week, (f) => f === 0)).toBe(10);
    expect(bindingCap(week, (f) => f !== 2)).toBe(4);
    expect(bindingCap(week, (f) => f === 2)).toBe(Number.POSITIVE_INFINITY);
    expect(bindingCap(week, () => false)).toBe(Number.POSITIVE_INFINITY);
  });
});
