/**
 * The "Done when" agreement check, shared by the two halves that run in parallel: on a
 * 100,000-person demo population, the as-of sweep gives every person exactly the blocker
 * codes of the one-person decision, for 20 random (date, knownAt) pairs.
 */
import { expect } from 'vitest';
import { programView } from '../../src/domain/context.js';
import { formatDay, formatInstant, MS_PER_DAY, parseDay } from '../../src/domain/dates.js';
import { decideWith } from '../../src/domain/decision.js';
import type { Person, ProgramFact } from '../../src/domain/facts.js';
import { sweepAsOf } from '../../src/domain/sweep/as-of.js';
import { columnsFromPeople } from '../../src/domain/sweep/assemble.js';
import { codesOfMask } from '../../src/domain/sweep/blocker-bits.js';
import { findIdString } from '../../src/domain/sweep/id-table.js';
import { programTables } from '../../src/domain/sweep/program-tables.js';
import { demoPeople, demoProgram } from '../../src/demo/population.js';
import { Random } from '../../src/demo/random.js';
import { builtinProgram } from '../../src/reference/builtin-program.js';

export const DEMO_PEOPLE = 100_000;
export const PAIRS = 20;

/** The 20 pairs: dates over the years the demo's facts cover, knowledge from the TPS litigation of 2025 on. */
export function randomPairs(): { on: number; knownAt: number }[] {
  const random = new Random(20_251_128);
  const dates: [number, number] = [parseDay('2024-01-01')!, parseDay('2026-06-30')!];
  const known: [number, number] = [parseDay('2025-01-01')!, parseDay('2026-03-31')!];
  return Array.from({ length: PAIRS }, () => ({
    on: random.within(dates),
    knownAt: random.within(known) * MS_PER_DAY + random.int(0, MS_PER_DAY - 1),
  }));
}

export function checkAgreement(pairs: readonly { on: number; knownAt: number }[]): void {
  const people: Person[] = [];
  for (const batch of demoPeople({ people: DEMO_PEOPLE, seed: 1 })) people.push(...batch);
  const program: ProgramFact[] = [...builtinProgram(), ...demoProgram()];
  const columns = columnsFromPeople(people);
  const rowOf = people.map((p) => findIdString(columns.ids, p.id));
  for (const { on, knownAt } of pairs) {
    const result = sweepAsOf(columns, programTables(program, columns.codes, knownAt), on);
    const view = programView(program, knownAt);
    const disagreements: string[] = [];
    people.forEach((person, k) => {
      const expected = decideWith(person, view, { on, knownAt });
      const mask = result.blockers[rowOf[k]!]!;
      const got = codesOfMask(mask).join(',');
      const want = expected.blockers.map((b) => b.code).join(',');
      if (got !== want || (mask === 0) !== expected.removable) disagreements.push(`${person.id}: sweep [${got}], decide [${want}]`);
    });
    expect(disagreements, `on ${formatDay(on)} as known at ${formatInstant(knownAt)}`).toEqual([]);
  }
}
