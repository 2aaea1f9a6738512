/**
 * `repatria order stay|appeal|protection|class-order`: records a court order (legal role) and,
 * in the same transaction, strikes whoever it protects from every manifest not yet departed.
 */
import { randomUUID } from 'node:crypto';
import { parsePersonFact, parseProgramFact } from '../../contract/fact-schema.js';
import { InvalidInputError, type InputIssue } from '../../contract/input-issue.js';
import {
  coverageIssues,
  registeredFacilities,
  unknownFacilityIssues,
} from '../../application/class-order-input.js';
import type { FactsResult } from '../../application/operations.js';
import { formatInstant } from '../../domain/dates.js';
import { describeReasons } from '../../domain/manifest/strike-codes.js';
import type { ActingOptions } from '../operations-commands.js';
import type { CliDeps } from '../program.js';
import type { StoreConfig } from '../store-config.js';
import { idList, withOperations } from './operations-context.js';

export interface OrderOptions extends ActingOptions {
  readonly person?: string;
  readonly from: string;
  readonly through?: string;
  readonly id?: string;
  /** `appeal`: commander's `--no-stay` sets this to false. */
  readonly stay?: boolean;
  readonly kind?: string;
  readonly country?: string;
  readonly citation?: string;
  readonly nationality?: string;
  readonly facility?: string;
  /** `class-order`: the order has no criterion and covers everyone. */
  readonly everyone?: boolean;
}

/** How this command names what `coverageIssues` speaks of. */
const OPTION_NAMES = {
  everyone: '--everyone',
  nationality: '--nationality',
  facility: '--facility',
} as const;

export type OrderKind = 'stay' | 'appeal' | 'protection' | 'class-order';

/** What recording `factId` did: the service records nothing for a repeat of a stored fact. */
function report(factId: string, result: FactsResult): string {
  if (result.factIds.length === 0)
    return `Fact ${factId} was already recorded with the same content; nothing changed.\n`;
  const lines = [`Recorded ${result.factIds.join(', ')} at ${formatInstant(result.recordedAt)}.`];
  if (result.struck.length === 0) lines.push('No one on a manifest not yet departed was affected.');
  for (const s of result.struck)
    lines.push(`  struck ${s.personId} from ${s.manifestId}: ${describeReasons(s.reasons)}`);
  return `${lines.join('\n')}\n`;
}

export const orderRun =
  (kind: OrderKind, opts: OrderOptions) =>
  (deps: CliDeps, store: StoreConfig): Promise<void> =>
    withOperations(opts, deps, store, async (ops, actor, opsStore) => {
      // The boundary schema of the import and the API validates the fact; recordedAt is the
      // instant the service records it, whatever is given here.
      const common = {
        id: opts.id ?? `${kind}-${randomUUID()}`,
        from: opts.from,
        ...(opts.through === undefined ? {} : { through: opts.through }),
        recordedAt: formatInstant(deps.io.now()),
      };
      if (kind === 'class-order') {
        const criteria = {
          ...(opts.nationality === undefined ? {} : { nationality: idList(opts.nationality) }),
          ...(opts.facility === undefined ? {} : { facility: idList(opts.facility) }),
        };
        const record = `fact "${common.id}"`;
        const issues: InputIssue[] = coverageIssues(criteria, opts.everyone, OPTION_NAMES).map((i) => ({
          record,
          ...i,
        }));
        const parsed = parseProgramFact({
          ...common,
          type: 'class_order',
          criteria,
          citation: opts.citation,
        });
        if (!parsed.ok) issues.push(...parsed.issues);
        if (criteria.facility !== undefined) {
          issues.push(
            ...unknownFacilityIssues(criteria, await registeredFacilities(opsStore)).map((i) => ({
              record,
              ...i,
            })),
          );
        }
        if (!parsed.ok || issues.length > 0) throw new InvalidInputError(issues);
        deps.io.out(report(parsed.value.id, await ops.recordProgramFacts(actor, [parsed.value])));
        return;
      }
      const raw =
        kind === 'stay'
          ? { ...common, type: 'stay' }
          : kind === 'appeal'
            ? { ...common, type: 'appeal', stay: opts.stay !== false }
            : { ...common, type: 'protection', kind: opts.kind, country: opts.country };
      const parsed = parsePersonFact(raw);
      if (!parsed.ok) throw new InvalidInputError(parsed.issues);
      deps.io.out(
        report(parsed.value.id, await ops.recordPersonFacts(actor, opts.person ?? '', [parsed.value])),
      );
    });
