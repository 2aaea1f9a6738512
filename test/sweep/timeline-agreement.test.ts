/**
 * The "Done when" timeline check: on a 10,000-person demo population, the timeline over the
 * 365 days of 2025 gives, on every day and for every destination country, the counts of a
 * separate as-of sweep of that day.
 */
import { describe, expect, it } from 'vitest';
import { BLOCKER_CODES } from '../../src/domain/blockers.js';
import { formatDay, parseDay, parseInstant } from '../../src/domain/dates.js';
import type { Person } from '../../src/domain/facts.js';
import { sweepAsOf } from '../../src/domain/sweep/as-of.js';
import { columnsFromPeople } from '../../src/domain/sweep/assemble.js';
import { programTables } from '../../src/domain/sweep/program-tables.js';
import { summarize } from '../../src/domain/sweep/summary.js';
import { sweepTimeline } from '../../src/domain/sweep/timeline.js';
import { demoPeople, demoProgram } from '../../src/demo/population.js';
import { builtinProgram } from '../../src/reference/builtin-program.js';

const people: Person[] = [...demoPeople({ people: 10_000, seed: 7 })].flat();
const program = [...builtinProgram(), ...demoProgram()];
const columns = columnsFromPeople(people);
const first = parseDay('2025-01-01')!;
const last = parseDay('2025-12-31')!;

describe('timeline on a 10,000-person demo population', () => {
  for (const known of ['2025-05-01T12:00:00Z', '2025-11-15T00:00:00Z']) {
    it(`agrees with 365 separate as-of sweeps, as known at ${known}`, () => {
      const tables = programTables(program, columns.codes, parseInstant(known)!);
      const timeline = sweepTimeline(columns, tables, first, last);
      expect(timeline.days).toBe(365);
      const mismatches: string[] = [];
      for (let d = 0; d < timeline.days; d++) {
        const { byCountry } = summarize(sweepAsOf(columns, tables, first + d), columns.codes);
        expect(timeline.countries.filter((c, slot) => timeline.people[slot]! > 0).sort()).toEqual([...byCountry.keys()].sort());
        timeline.countries.forEach((country, slot) => {
          const expected = byCountry.get(country);
          if (expected === undefined) return;
          const got = {
            people: timeline.people[slot],
            removable: timeline.removable[slot * timeline.days + d],
            blockers: BLOCKER_CODES.map((_, b) => timeline.blockers[(slot * BLOCKER_CODES.length + b) * timeline.days + d]),
          };
          const want = { people: expected.people, removable: expected.removable, blockers: expected.blockers };
          if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${formatDay(first + d)} ${country}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
        });
      }
      expect(mismatches).toEqual([]);
    });
  }
});
