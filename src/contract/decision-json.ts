/** The decision in the interchange form of `repatria check` (spec: facts-and-decisions.md). */
import { formatDay } from '../domain/dates.js';
import type { Decision } from '../domain/decision.js';

export interface DecisionJson {
  id: string;
  removable: boolean;
  blockers: { code: string; facts: string[]; until: string | null }[];
  basis: string[];
  changesOn: string | null;
}

export function decisionJson(id: string, d: Decision): DecisionJson {
  return {
    id,
    removable: d.removable,
    blockers: d.blockers.map((b) => ({ code: b.code, facts: [...b.facts], until: b.until === null ? null : formatDay(b.until) })),
    basis: [...d.basis],
    changesOn: d.changesOn === null ? null : formatDay(d.changesOn),
  };
}
