/**
 * A TPS grant must name a designation the store has a record of. The import checks it row by
 * row and the API fact routes check it the same way, with these two functions, so that a
 * grant refused by one door is refused by the other with the same words.
 */
import type { PersonFact, ProgramFact } from '../domain/facts.js';

/**
 * The designations with at least one `tps_designation` record among `program`, withdrawn
 * records included: a grant naming a designation whose only record was retracted is a grant
 * of a real designation, not a typo; the decision then finds no record and does not protect.
 */
export function knownDesignations(program: readonly ProgramFact[]): Set<string> {
  const known = new Set<string>();
  for (const fact of program) if (fact.type === 'tps_designation') known.add(fact.designation);
  return known;
}

/** Why a fact may not be recorded for its designation, if it is a TPS grant naming one `known` does not hold. */
export function unknownDesignation(
  fact: PersonFact,
  known: ReadonlySet<string>,
): { readonly field: 'designation'; readonly reason: string } | undefined {
  if (fact.type !== 'tps' || known.has(fact.designation)) return undefined;
  return { field: 'designation', reason: `unknown designation "${fact.designation}"` };
}
