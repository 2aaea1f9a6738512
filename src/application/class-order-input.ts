/**
 * What the doors made for recording a class order (`repatria order class-order`,
 * `POST /class-orders`) check before the order is recorded, beyond the fact's own schema.
 *
 * The interchange contract (spec: facts-and-decisions.md) bars "removal of everyone who
 * matches all given criteria", so an order with no criterion, `criteria: {}`, matches the
 * whole population. That stays what such an order means, and the generic doors (programme
 * facts, the import) take it as the contract writes it. But at the doors where a person
 * types an order in, leaving out `--nationality` and `--facility` is far likelier a slip than
 * an order covering everyone: there, an order with no criterion must say so (`everyone`),
 * and the stored fact is the contract's `criteria: {}` all the same.
 */
import type { ClassOrderFact } from '../domain/facts.js';
import type { OperationsStore } from './ports.js';

/** A field at fault, named as the door's caller names it, and why. */
export interface ClassOrderIssue {
  readonly field: string;
  readonly reason: string;
}

/** How the door spells the switch that says the order covers everyone (`--everyone`, `"everyone": true`). */
export interface DoorNames {
  readonly everyone: string;
  readonly nationality: string;
  readonly facility: string;
}

/** An order covers everyone if and only if it has no criterion and the caller said so. */
export function coverageIssues(
  criteria: ClassOrderFact['criteria'],
  everyone: boolean | undefined,
  names: DoorNames,
): ClassOrderIssue[] {
  const hasCriterion = criteria.nationality !== undefined || criteria.facility !== undefined;
  if (everyone === true && hasCriterion) {
    return [
      {
        field: 'criteria',
        reason: `is given with ${names.everyone}: an order that covers everyone has no criterion; give one or the other`,
      },
    ];
  }
  if (everyone !== true && !hasCriterion) {
    return [
      {
        field: 'criteria',
        reason: `has no criterion: give ${names.nationality} or ${names.facility}, or ${names.everyone} if the order covers everyone`,
      },
    ];
  }
  return [];
}

/**
 * The facility criteria the store does not know, when it knows any. A store with no facility
 * registered (no flight network loaded) has nothing to check them against, and an order may
 * name a facility that custody facts name before the network is loaded.
 */
export function unknownFacilityIssues(
  criteria: ClassOrderFact['criteria'],
  registered: ReadonlySet<string>,
): ClassOrderIssue[] {
  if (registered.size === 0) return [];
  return (criteria.facility ?? []).flatMap((code, i) =>
    registered.has(code)
      ? []
      : [
          {
            field: `criteria.facility.${i}`,
            reason: `unknown facility "${code}": no facility of that id is registered`,
          },
        ],
  );
}

/** The ids of the registered detention facilities. */
export async function registeredFacilities(
  store: Pick<OperationsStore, 'transaction'>,
): Promise<Set<string>> {
  const facilities = await store.transaction('read', (tx) => tx.facilities());
  return new Set(facilities.map((f) => f.id));
}
