/**
 * fast-check arbitraries for people and programmes over a short stretch of days, so that
 * periods overlap, touch and nest often and the edge cases of the rules are hit.
 */
import fc from 'fast-check';
import { dayFromCivil, MS_PER_DAY, type Day, type Instant } from '../../src/domain/dates.js';
import type { PersonFact, ProgramFact } from '../../src/domain/facts.js';

/** Omit over each member of a union, keeping the union discriminated. */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export const BASE_DAY: Day = dayFromCivil(2025, 1, 1);
export const SPAN_DAYS = 120;
export const COUNTRIES = ['XA', 'XB'] as const;

export const day = fc.integer({ min: BASE_DAY, max: BASE_DAY + SPAN_DAYS });
/** Instants on the same days, at whole hours, so that ties with knownAt happen. */
export const instant: fc.Arbitrary<Instant> = fc
  .tuple(day, fc.integer({ min: 0, max: 23 }))
  .map(([d, h]) => d * MS_PER_DAY + h * 3_600_000);

const period = fc
  .tuple(day, fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }))
  .map(([from, len]) => ({ from, through: len === undefined ? null : from + len }));

const recorded = fc
  .tuple(instant, fc.option(fc.integer({ min: 0, max: 30 * 24 }), { nil: undefined }))
  .map(([recordedAt, after]) => ({ recordedAt, retractedAt: after === undefined ? undefined : recordedAt + after * 3_600_000 }));

const country = fc.constantFrom(...COUNTRIES);

/** One person fact of any type, without an id (ids are given when the list is built). */
export const personFactBody: fc.Arbitrary<WithoutId<PersonFact>> = fc.oneof(
  fc.record({ type: fc.constant('nationality' as const), country }),
  fc.record({ type: fc.constant('final_order' as const), kind: fc.constantFrom('removal' as const, 'expedited_removal' as const, 'reinstatement' as const), p: period }).map(({ p, ...r }) => ({ ...r, ...p })),
  fc.record({ type: fc.constant('appeal' as const), stay: fc.boolean(), p: period }).map(({ p, ...r }) => ({ ...r, ...p })),
  fc.record({ type: fc.constant('stay' as const), p: period }).map(({ p, ...r }) => ({ ...r, ...p })),
  fc.record({ type: fc.constant('tps' as const), designation: fc.constantFrom('XA-2020', 'XB-2020'), p: period }).map(({ p, ...r }) => ({ ...r, ...p })),
  fc.record({ type: fc.constant('protection' as const), kind: fc.constant('withholding' as const), country, p: period }).map(({ p, ...r }) => ({ ...r, ...p })),
  fc.record({ type: fc.constant('lawful_status' as const), kind: fc.constant('parole'), p: period }).map(({ p, ...r }) => ({ ...r, ...p })),
  fc.record({ type: fc.constant('citizenship_claim' as const), country: fc.constant('US'), from: day, resolution: fc.constantFrom(undefined, 'verified' as const, 'rejected' as const), resolvedOn: day }),
  fc.record({ type: fc.constant('travel_document' as const), country, from: day, len: fc.integer({ min: 0, max: 90 }) }).map(({ len, ...r }) => ({ ...r, through: r.from + len })),
  fc.record({ type: fc.constant('hold' as const), kind: fc.constant('medical' as const), p: period }).map(({ p, ...r }) => ({ ...r, ...p })),
  fc.record({ type: fc.constant('custody' as const), facility: fc.constantFrom('F1', 'F2'), p: period }).map(({ p, ...r }) => ({ ...r, ...p })),
).chain((body) => recorded.map((r) => ({ ...body, ...r })));

export const personFacts = (prefix: string, max = 10): fc.Arbitrary<PersonFact[]> =>
  fc.array(personFactBody, { maxLength: max }).map((list) => list.map((f, i) => ({ ...f, id: `${prefix}${i}` })));

const programFactBody: fc.Arbitrary<WithoutId<ProgramFact>> = fc.oneof(
  fc.record({ type: fc.constant('tps_designation' as const), designation: fc.constantFrom('XA-2020', 'XB-2020'), citation: fc.constant('test'), p: period }).map(({ p, ...r }) => ({ ...r, country: r.designation.slice(0, 2), ...p })),
  fc.record({ type: fc.constant('class_order' as const), criteria: fc.record({ nationality: fc.constantFrom(undefined, ['XA'], ['XB']), facility: fc.constantFrom(undefined, ['F1']) }), citation: fc.constant('test'), p: period }).map(({ p, criteria, ...r }) => ({ ...r, criteria: Object.fromEntries(Object.entries(criteria).filter(([, v]) => v !== undefined)), ...p })),
  fc.record({ type: fc.constant('return_agreement' as const), country, requiresTravelDocument: fc.boolean(), transport: fc.constant('receiving' as const), p: period }).map(({ p, ...r }) => ({ ...r, ...p })),
).chain((body) => recorded.map((r) => ({ ...body, ...r })));

export const programFacts = (max = 8): fc.Arbitrary<ProgramFact[]> =>
  fc.array(programFactBody, { maxLength: max }).map((list) => list.map((f, i) => ({ ...f, id: `g${i}` })));

/** A query inside the same stretch of time, with or without an explicit destination. */
export const query = fc.record({
  on: day,
  knownAt: instant,
  destination: fc.constantFrom(undefined, ...COUNTRIES),
});
