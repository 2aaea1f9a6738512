/**
 * Hand-made instances for tests: a tiny network (one US airport, airports in the made-up
 * countries XA and XB), and people described by what matters to the planner.
 */
import {
  parsePlanInstanceValue,
  type FactJson,
  type PlanInstanceJson,
} from '../../src/contract/plan-instance.js';
import type { PlanInstance } from '../../src/planner/instance.js';

export const RECORDED = '2025-01-01T00:00:00Z';

export interface PersonSpec {
  readonly id: string;
  readonly value?: number;
  readonly nationality?: string | null;
  /** Facility held at from 2025-01-01, open-ended; `null` for no custody. */
  readonly custody?: string | null;
  /** Day the notice was served; `null` for none. */
  readonly notice?: string | null;
  /** A final order from 2024-01-01; `false` for none. */
  readonly order?: boolean;
  readonly family?: string;
  readonly facts?: readonly FactJson[];
}

export function personJson(spec: PersonSpec): PlanInstanceJson['persons'][number] {
  const facts: FactJson[] = [];
  if (spec.nationality !== null)
    facts.push({ type: 'nationality', country: spec.nationality ?? 'XA', recordedAt: RECORDED });
  if (spec.custody !== null)
    facts.push({ type: 'custody', facility: spec.custody ?? 'F1', from: '2025-01-01', recordedAt: RECORDED });
  if (spec.notice !== null)
    facts.push({
      type: 'notice',
      servedOn: spec.notice ?? '2025-02-01',
      counsel: false,
      recordedAt: RECORDED,
    });
  if (spec.order !== false)
    facts.push({ type: 'final_order', kind: 'removal', from: '2024-01-01', recordedAt: RECORDED });
  if (spec.family !== undefined) facts.push({ type: 'family', group: spec.family, recordedAt: RECORDED });
  facts.push(...(spec.facts ?? []));
  return { id: spec.id, value: spec.value ?? 1000, facts: facts.map((f, i) => ({ id: `f${i + 1}`, ...f })) };
}

export function agreement(
  country: string,
  extra: { from?: string; through?: string; weeklyCap?: number; requiresTravelDocument?: boolean } = {},
): FactJson {
  return {
    id: `ra-${country}-${extra.from ?? 'std'}`,
    type: 'return_agreement',
    country,
    from: '2020-01-01',
    requiresTravelDocument: false,
    transport: 'sending',
    recordedAt: RECORDED,
    ...extra,
  };
}

/** One flight FL1 from AAA to XAA (country XA) on Monday 2025-03-10 with 10 seats, unless told otherwise. */
export function instanceJson(
  persons: readonly PersonSpec[],
  extra: Partial<PlanInstanceJson> = {},
): PlanInstanceJson {
  return {
    knownAt: '2025-03-01T00:00:00Z',
    noticeDays: 7,
    reference: 'none',
    program: [agreement('XA'), agreement('XB')],
    airports: [
      { code: 'AAA', country: 'US' },
      { code: 'BBB', country: 'US' },
      { code: 'XAA', country: 'XA' },
      { code: 'XBB', country: 'XB' },
    ],
    transfers: [
      { facility: 'F1', airport: 'AAA', cost: 100 },
      { facility: 'F2', airport: 'BBB', cost: 50 },
    ],
    flights: [{ id: 'FL1', date: '2025-03-10', origin: 'AAA', destination: 'XAA', seats: 10 }],
    persons: persons.map(personJson),
    ...extra,
  };
}

export function parsed(json: PlanInstanceJson): PlanInstance {
  const result = parsePlanInstanceValue(json, []);
  if (!result.ok)
    throw new Error(result.issues.map((i) => `${i.record}: ${i.field}: ${i.reason}`).join('\n'));
  return result.value;
}
