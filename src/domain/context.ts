/**
 * What one decision reads: the person's and the programme's facts as known at `knownAt`,
 * sorted by type once, and the destination the question is about.
 */
import type { Instant } from './dates.js';
import type {
  ClassOrderFact,
  CountryCode,
  Person,
  PersonFact,
  ProgramFact,
  ReturnAgreementFact,
  TpsDesignationFact,
} from './facts.js';
import { isKnownAt } from './knowledge.js';

type FactsOfType<T extends PersonFact['type']> = readonly Extract<PersonFact, { type: T }>[];

export interface DecisionContext {
  readonly personFacts: { readonly [T in PersonFact['type']]: FactsOfType<T> };
  /** Nationalities in the order listed: the first is the default destination. */
  readonly nationalities: readonly CountryCode[];
  /** `null` when the query names none and no nationality is known. */
  readonly destination: CountryCode | null;
  /** The winning record of each designation as known at `knownAt`. */
  readonly designations: ReadonlyMap<string, TpsDesignationFact>;
  readonly classOrders: readonly ClassOrderFact[];
  /** Return agreements with the destination country only. */
  readonly agreements: readonly ReturnAgreementFact[];
}

/**
 * Among the records of one designation known at `knownAt`, the latest `recordedAt` wins and
 * the last listed breaks a tie (spec, "Precise readings"). A retracted record is simply not
 * known, so the previous one comes back.
 */
export function winningDesignations(
  program: readonly ProgramFact[],
  knownAt: Instant,
): Map<string, TpsDesignationFact> {
  const winners = new Map<string, TpsDesignationFact>();
  for (const fact of program) {
    if (fact.type !== 'tps_designation' || !isKnownAt(fact, knownAt)) continue;
    const current = winners.get(fact.designation);
    if (current === undefined || fact.recordedAt >= current.recordedAt) winners.set(fact.designation, fact);
  }
  return winners;
}

/** Known programme facts, prepared once so that many people can be decided against them. */
export interface ProgramView {
  readonly designations: ReadonlyMap<string, TpsDesignationFact>;
  readonly classOrders: readonly ClassOrderFact[];
  readonly agreementsByCountry: ReadonlyMap<CountryCode, readonly ReturnAgreementFact[]>;
}

export function programView(program: readonly ProgramFact[], knownAt: Instant): ProgramView {
  const classOrders: ClassOrderFact[] = [];
  const agreementsByCountry = new Map<CountryCode, ReturnAgreementFact[]>();
  for (const fact of program) {
    if (!isKnownAt(fact, knownAt)) continue;
    if (fact.type === 'class_order') classOrders.push(fact);
    else if (fact.type === 'return_agreement') {
      const list = agreementsByCountry.get(fact.country) ?? [];
      list.push(fact);
      agreementsByCountry.set(fact.country, list);
    }
  }
  return { designations: winningDesignations(program, knownAt), classOrders, agreementsByCountry };
}

export function buildContext(
  person: Person,
  program: ProgramView,
  knownAt: Instant,
  destination: CountryCode | undefined,
): DecisionContext {
  const personFacts = groupByType(person.facts.filter((f) => isKnownAt(f, knownAt)));
  const nationalities = personFacts.nationality.map((n) => n.country);
  const dest = destination ?? nationalities[0] ?? null;
  return {
    personFacts,
    nationalities,
    destination: dest,
    designations: program.designations,
    classOrders: program.classOrders,
    agreements: dest === null ? [] : (program.agreementsByCountry.get(dest) ?? []),
  };
}

/** Facts grouped by type, every type present (empty when none), order of listing kept. */
export function groupByType(facts: readonly PersonFact[]): DecisionContext['personFacts'] {
  // A literal rather than a Map turned into an object: every decision builds one, and a
  // literal of fixed keys is one allocation of a fixed shape that the rules read quickly.
  // Typed as a Record, the compiler checks that it names every type.
  const groups: Record<PersonFact['type'], PersonFact[]> = {
    nationality: [],
    final_order: [],
    appeal: [],
    stay: [],
    tps: [],
    protection: [],
    lawful_status: [],
    citizenship_claim: [],
    travel_document: [],
    hold: [],
    custody: [],
    notice: [],
    family: [],
  };
  for (const fact of facts) groups[fact.type].push(fact);
  // Each list holds only facts of its key's type, which is what the mapped type states.
  return groups as unknown as DecisionContext['personFacts'];
}
