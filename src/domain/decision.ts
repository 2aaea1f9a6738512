/**
 * The removability decision: may this person lawfully be removed on `on`, to `destination`,
 * as the law was known at `knownAt` — and if not, why, because of which facts, until when,
 * and on which date the answer next changes (spec: facts-and-decisions.md, "Decision").
 */
import type { BlockerCode } from './blockers.js';
import { buildContext, programView, type ProgramView } from './context.js';
import type { Day, Instant } from './dates.js';
import type { CountryCode, Person, ProgramFact } from './facts.js';
import { RULES } from './rules/index.js';
import { boundaries, runEnd, spanCovers, type Span } from './spans.js';
import { covers } from './facts.js';

export interface DecisionQuery {
  readonly on: Day;
  readonly knownAt: Instant;
  readonly destination?: CountryCode | undefined;
}

export interface Blocker {
  readonly code: BlockerCode;
  /** Ids of the person and programme facts that cause the blocker. */
  readonly facts: readonly string[];
  /** Last day of the unbroken run of days from `on` on which the code applies; `null` = no end. */
  readonly until: Day | null;
}

export interface Decision {
  readonly personId: string;
  readonly on: Day;
  readonly knownAt: Instant;
  readonly destination: CountryCode | null;
  readonly removable: boolean;
  /** Sorted by code. */
  readonly blockers: readonly Blocker[];
  /** Ids of every final order in effect on `on`. */
  readonly basis: readonly string[];
  /** First day after `on` on which `removable` or the set of blocker codes differs; `null` if never. */
  readonly changesOn: Day | null;
}

// `blockingOn` gives each rule a bit of a 32-bit integer.
if (RULES.length > 31) throw new Error(`${RULES.length} rules: blockingOn has bits for 31`);

interface RuleSpans {
  readonly code: BlockerCode;
  readonly spans: readonly Span[];
}

/**
 * The rules that block removal on `day`, one bit per rule in `all`'s order: two days have the
 * same blocker codes exactly when their masks are equal. A number rather than a list of codes,
 * since it is taken at every change point of every decision.
 */
function blockingOn(all: readonly RuleSpans[], day: Day): number {
  let mask = 0;
  for (let i = 0; i < all.length; i++) if (all[i]!.spans.some((s) => spanCovers(s, day))) mask |= 1 << i;
  return mask;
}

/** Decides one person against a prepared programme view (many people, one `knownAt`). */
export function decideWith(person: Person, program: ProgramView, query: DecisionQuery): Decision {
  const ctx = buildContext(person, program, query.knownAt, query.destination);
  const all: RuleSpans[] = RULES.map((rule) => ({ code: rule.code, spans: rule.spans(ctx) }));
  const { on } = query;

  const blockers: Blocker[] = [];
  for (const { code, spans } of all) {
    const end = runEnd(spans, on);
    if (end === undefined) continue;
    const facts = [...new Set(spans.filter((s) => spanCovers(s, on)).flatMap((s) => s.facts))];
    blockers.push({ code, facts, until: Number.isFinite(end) ? end : null });
  }

  // The answer is constant between change points, so only those need testing.
  const today = blockingOn(all, on);
  let changesOn: Day | null = null;
  for (const point of boundaries(all.flatMap((r) => r.spans))) {
    if (point <= on) continue;
    if (blockingOn(all, point) !== today) {
      changesOn = point;
      break;
    }
  }

  return {
    personId: person.id,
    on,
    knownAt: query.knownAt,
    destination: ctx.destination,
    removable: blockers.length === 0,
    blockers,
    basis: ctx.personFacts.final_order.filter((o) => covers(o, on)).map((o) => o.id),
    changesOn,
  };
}

/** `removable(person, on, knownAt, destination?)` of the spec. */
export function decide(person: Person, program: readonly ProgramFact[], query: DecisionQuery): Decision {
  return decideWith(person, programView(program, query.knownAt), query);
}
