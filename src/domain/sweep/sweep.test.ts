import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personFacts, programFacts, query, BASE_DAY, SPAN_DAYS, instant } from '../../../test/factories/arbitraries.js';
import { BLOCKER_CODES } from '../blockers.js';
import { decide } from '../decision.js';
import type { Person, ProgramFact } from '../facts.js';
import { sweepAsOf } from './as-of.js';
import { columnsFromPeople } from './assemble.js';
import { BLOCKER_BIT, codesOfMask } from './blocker-bits.js';
import type { PersonColumns } from './columns.js';
import { programTables } from './program-tables.js';
import { blockerRecord, NO_COUNTRY, summarize } from './summary.js';
import { sweepTimeline } from './timeline.js';
import { idAt } from './id-table.js';

const population = fc
  .array(personFacts('f', 8), { minLength: 1, maxLength: 8 })
  .map((lists): Person[] => lists.map((facts, i) => ({ id: `P${i}`, facts: facts.map((f) => ({ ...f, id: `P${i}-${f.id}` })) })));

const rowOf = (columns: PersonColumns, id: string): number => {
  for (let p = 0; p < columns.ids.count; p++) if (idAt(columns.ids, p) === id) return p;
  throw new Error(`no ${id}`);
};

describe('blocker bits', () => {
  it('number the codes in BLOCKER_CODES order', () => {
    expect(BLOCKER_CODES.map((c) => BLOCKER_BIT[c])).toEqual(BLOCKER_CODES.map((_, i) => i));
    expect(codesOfMask((1 << BLOCKER_CODES.length) - 1)).toEqual([...BLOCKER_CODES]);
  });
});

/** Dates and instants where answers change: every boundary of every fact, and next to it. */
function edges(program: readonly ProgramFact[], people: readonly Person[]): { days: number[]; instants: number[] } {
  const days = new Set<number>([BASE_DAY]);
  const instants = new Set<number>([0]);
  for (const fact of [...program, ...people.flatMap((p) => p.facts)]) {
    for (const t of [fact.recordedAt, fact.retractedAt]) if (t !== undefined) for (const d of [-1, 0, 1]) instants.add(t + d);
    const record = fact as { from?: number; through?: number | null; resolvedOn?: number };
    for (const day of [record.from, record.through, record.resolvedOn]) {
      if (typeof day === 'number') for (const d of [-1, 0, 1]) days.add(day + d);
    }
  }
  return { days: [...days], instants: [...instants] };
}

/** A programme, people, and queries on every edge date at a few edge instants (where off-by-ones hide). */
const scenario = fc.tuple(programFacts(), population).chain(([program, people]) => {
  const { days, instants } = edges(program, people);
  const knownAts = fc.array(fc.constantFrom(...instants), { minLength: 1, maxLength: 3 });
  const queries = knownAts.map((list) => list.flatMap((knownAt) => days.map((on) => ({ on, knownAt }))));
  return fc.tuple(fc.constant(program), fc.constant(people), fc.oneof(queries, fc.array(query, { minLength: 1, maxLength: 2 })));
});

describe('sweepAsOf', () => {
  it('agrees with decide() for every person, date and knownAt', () => {
    fc.assert(
      fc.property(scenario, ([program, people, queries]) => {
        const columns = columnsFromPeople(people);
        for (const { on, knownAt } of queries) {
          const result = sweepAsOf(columns, programTables(program, columns.codes, knownAt), on);
          for (const person of people) {
            const p = rowOf(columns, person.id);
            const expected = decide(person, program, { on, knownAt });
            expect({ id: person.id, removable: result.blockers[p] === 0, blockers: codesOfMask(result.blockers[p]!) }).toEqual({
              id: person.id,
              removable: expected.removable,
              blockers: expected.blockers.map((b) => b.code),
            });
            const destination = result.destination[p]!;
            expect(destination < 0 ? null : columns.codes[destination]).toBe(expected.destination);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('sweepTimeline', () => {
  it('gives, on every day, the counts of the as-of sweep of that day', () => {
    fc.assert(
      fc.property(
        programFacts(),
        population,
        instant,
        fc.integer({ min: -20, max: SPAN_DAYS }),
        fc.integer({ min: 0, max: 60 }),
        (program, people, knownAt, offset, length) => {
          const columns = columnsFromPeople(people);
          const tables = programTables(program, columns.codes, knownAt);
          const first = BASE_DAY + offset;
          const timeline = sweepTimeline(columns, tables, first, first + length);
          for (let d = 0; d <= length; d++) {
            const { byCountry } = summarize(sweepAsOf(columns, tables, first + d), columns.codes);
            timeline.countries.forEach((country, slot) => {
              const counts = byCountry.get(country);
              const blockers = BLOCKER_CODES.map((_, b) => timeline.blockers[(slot * BLOCKER_CODES.length + b) * timeline.days + d]);
              expect({ country, day: d, people: timeline.people[slot], removable: timeline.removable[slot * timeline.days + d], blockers }).toEqual({
                country,
                day: d,
                people: counts?.people ?? 0,
                removable: counts?.removable ?? 0,
                blockers: counts?.blockers ?? BLOCKER_CODES.map(() => 0),
              });
            });
            for (const country of byCountry.keys()) expect(timeline.countries).toContain(country);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('summarize', () => {
  it('counts people once under each of their blockers, by destination', () => {
    const program: ProgramFact[] = [];
    const people: Person[] = [
      { id: 'A', facts: [{ id: 'a1', type: 'nationality', country: 'XA', recordedAt: 0 }] },
      { id: 'B', facts: [] },
    ];
    const columns = columnsFromPeople(people);
    const summary = summarize(sweepAsOf(columns, programTables(program, columns.codes, 0), 1), columns.codes);
    expect(summary.total.people).toBe(2);
    expect(blockerRecord(summary.total)).toMatchObject({ NO_FINAL_ORDER: 2, NO_RETURN_AGREEMENT: 2 });
    expect([...summary.byCountry.keys()]).toEqual([NO_COUNTRY, 'XA']);
  });
});
