/**
 * Properties of the removability decision (spec: facts-and-decisions.md), each over at least
 * 1,000 random people, programmes and queries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personFactBody, personFacts, programFacts, query } from '../../test/factories/arbitraries.js';
import { decide, type Decision } from './decision.js';
import type { PersonFact } from './facts.js';

const RUNS = { numRuns: 1000 };
const codes = (d: Decision): string[] => d.blockers.map((b) => b.code);
const answer = (d: Decision): string => `${d.removable}:${codes(d).join(',')}`;

/** A fact that, when known, can only add reasons not to remove. */
const blockingFact = personFactBody.filter(
  (f) =>
    f.type === 'stay' ||
    f.type === 'hold' ||
    f.type === 'lawful_status' ||
    f.type === 'protection' ||
    f.type === 'tps' ||
    (f.type === 'appeal' && f.stay) ||
    (f.type === 'citizenship_claim' && f.resolution !== 'rejected'),
);

describe('the decision', () => {
  it('never becomes removable when a blocking fact is added, and keeps every blocker', () => {
    fc.assert(
      fc.property(personFacts('f'), programFacts(), query, blockingFact, (facts, program, q, extra) => {
        const before = decide({ id: 'P', facts }, program, q);
        const after = decide({ id: 'P', facts: [...facts, { ...extra, id: 'extra' }] }, program, q);
        if (!before.removable) expect(after.removable).toBe(false);
        expect(codes(after)).toEqual(expect.arrayContaining(codes(before)));
      }),
      RUNS,
    );
  });

  it('is not changed by a fact recorded after knownAt', () => {
    fc.assert(
      fc.property(personFacts('f'), programFacts(), query, personFactBody, fc.integer({ min: 1, max: 10 ** 9 }), (facts, program, q, extra, later) => {
        const late = { ...extra, id: 'late', recordedAt: q.knownAt + later, retractedAt: undefined } as PersonFact;
        expect(decide({ id: 'P', facts: [...facts, late] }, program, q)).toEqual(decide({ id: 'P', facts }, program, q));
      }),
      RUNS,
    );
  });

  it('is not changed by a fact retracted at or before knownAt', () => {
    fc.assert(
      fc.property(personFacts('f'), programFacts(), query, personFactBody, fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), (facts, program, q, extra, before, span) => {
        const retractedAt = q.knownAt - before;
        const gone = { ...extra, id: 'gone', recordedAt: retractedAt - span, retractedAt } as PersonFact;
        expect(decide({ id: 'P', facts: [...facts, gone] }, program, q)).toEqual(decide({ id: 'P', facts }, program, q));
      }),
      RUNS,
    );
  });

  it('is not changed by a programme fact recorded after knownAt or retracted by then', () => {
    fc.assert(
      fc.property(personFacts('f'), programFacts(), programFacts(2), query, fc.boolean(), (facts, program, extra, q, retract) => {
        const hidden = extra.map((f, i) =>
          retract ? { ...f, id: `x${i}`, recordedAt: q.knownAt - 10, retractedAt: q.knownAt } : { ...f, id: `x${i}`, recordedAt: q.knownAt + 1, retractedAt: undefined },
        );
        expect(decide({ id: 'P', facts }, [...program, ...hidden], q)).toEqual(decide({ id: 'P', facts }, program, q));
      }),
      RUNS,
    );
  });

  it('differs on changesOn from the answer on `on`, and on no day between', () => {
    fc.assert(
      fc.property(personFacts('f'), programFacts(), query, (facts, program, q) => {
        const person = { id: 'P', facts };
        const first = decide(person, program, q);
        const end = first.changesOn ?? q.on + 400;
        for (let d = q.on + 1; d < end; d++) {
          expect(answer(decide(person, program, { ...q, on: d }))).toBe(answer(first));
        }
        if (first.changesOn !== null) {
          expect(answer(decide(person, program, { ...q, on: first.changesOn }))).not.toBe(answer(first));
        }
      }),
      RUNS,
    );
  });

  it('reports `until` as the last day of the unbroken run of each blocker', () => {
    fc.assert(
      fc.property(personFacts('f'), programFacts(), query, (facts, program, q) => {
        const person = { id: 'P', facts };
        const first = decide(person, program, q);
        for (const b of first.blockers) {
          const last = b.until ?? q.on + 400;
          for (let d = q.on; d <= last; d += Math.max(1, Math.floor((last - q.on) / 20))) {
            expect(codes(decide(person, program, { ...q, on: d }))).toContain(b.code);
          }
          expect(codes(decide(person, program, { ...q, on: last }))).toContain(b.code);
          if (b.until !== null) expect(codes(decide(person, program, { ...q, on: b.until + 1 }))).not.toContain(b.code);
        }
      }),
      RUNS,
    );
  });
});
