import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, formatDay, formatDayForPeople, formatInstant, isoWeekStart, parseDay, parseInstant } from './dates.js';

describe('dates', () => {
  it('round-trips every day between 1900 and 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromCivil(1900, 1, 1), max: dayFromCivil(2200, 12, 31) }), (d) => {
        expect(parseDay(formatDay(d))).toBe(d);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the platform calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30000, max: 100000 }), (d) => {
        expect(formatDay(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses impossible dates', () => {
    for (const bad of ['2025-02-30', '2025-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '24-01-01', '2024-1-1', '']) {
      expect(parseDay(bad)).toBeUndefined();
    }
    expect(parseDay('2024-02-29')).toBe(dayFromCivil(2024, 2, 29));
  });

  it('compares instants across offsets', () => {
    expect(parseInstant('2024-06-15T02:00:00+02:00')).toBe(parseInstant('2024-06-15T00:00:00Z'));
    expect(parseInstant('2025-05-19T16:00:00.250Z')).toBe(Date.parse('2025-05-19T16:00:00.250Z'));
    expect(parseInstant('2025-05-19')).toBeUndefined();
    expect(parseInstant('2025-05-19T25:00:00Z')).toBeUndefined();
    expect(formatInstant(parseInstant('2024-06-15T02:00:00+02:00')!)).toBe('2024-06-15T00:00:00Z');
  });

  it('finds the Monday of the ISO week', () => {
    expect(formatDay(isoWeekStart(parseDay('2025-03-05')!))).toBe('2025-03-03');
    expect(formatDay(isoWeekStart(parseDay('2025-03-09')!))).toBe('2025-03-03');
    expect(formatDay(isoWeekStart(parseDay('2025-03-10')!))).toBe('2025-03-10');
    expect(formatDay(isoWeekStart(parseDay('1969-12-31')!))).toBe('1969-12-29');
  });

  it('writes dates for people', () => {
    expect(formatDayForPeople(parseDay('2025-04-07')!)).toBe('7 Apr 2025');
  });
});
