/**
 * Spans: the stretches of valid time on which a rule blocks removal, with the facts that
 * cause it. Open ends are infinities so that the arithmetic needs no special cases.
 */
import type { Day } from './dates.js';
import type { Period } from './facts.js';

export interface Span {
  readonly from: Day; // may be -Infinity
  readonly through: Day; // may be +Infinity
  readonly facts: readonly string[];
}

export const spanOf = (period: Period, facts: readonly string[]): Span => ({
  from: period.from,
  through: period.through ?? Number.POSITIVE_INFINITY,
  facts,
});

export const spanCovers = (span: Span, day: Day): boolean => span.from <= day && day <= span.through;

/** The overlap of two periods, or `undefined` when they do not meet. */
export function intersect(a: Span, b: Span, facts: readonly string[]): Span | undefined {
  const from = Math.max(a.from, b.from);
  const through = Math.min(a.through, b.through);
  return from <= through ? { from, through, facts } : undefined;
}

/**
 * The days on which a piecewise-constant predicate can change: every span start and every
 * day after a span end. Between two consecutive points nothing changes.
 */
export function boundaries(spans: readonly Span[]): Day[] {
  const points: Day[] = [];
  for (const s of spans) {
    if (Number.isFinite(s.from)) points.push(s.from);
    if (Number.isFinite(s.through)) points.push(s.through + 1);
  }
  return [...new Set(points)].sort((a, b) => a - b);
}

/**
 * Turns a predicate over days into spans, evaluating it once per segment between the given
 * change points. `facts` returns the causing facts on a day, or `undefined` when it does not apply.
 */
export function spansWhere(points: readonly Day[], facts: (day: Day) => readonly string[] | undefined): Span[] {
  const sorted = [...new Set(points)].sort((a, b) => a - b);
  const starts = [Number.NEGATIVE_INFINITY, ...sorted];
  const out: Span[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i]!;
    const through = i + 1 < starts.length ? starts[i + 1]! - 1 : Number.POSITIVE_INFINITY;
    const probe = Number.isFinite(from) ? from : sorted.length > 0 ? sorted[0]! - 1 : 0;
    const f = facts(probe);
    if (f !== undefined) out.push({ from, through, facts: f });
  }
  return out;
}

/** The last day of the unbroken run of spans that covers `day` (adjacent spans join), if any covers it. */
export function runEnd(spans: readonly Span[], day: Day): Day | undefined {
  let end: Day | undefined;
  for (const s of spans) if (spanCovers(s, day)) end = Math.max(end ?? s.through, s.through);
  if (end === undefined) return undefined;
  // Merge in start order: a later span joins the run if it starts no later than the day after its end.
  for (const s of [...spans].sort((a, b) => a.from - b.from)) {
    if (s.from <= end + 1 && s.through > end) end = s.through;
  }
  return end;
}
