/**
 * The shape of a removability rule: one blocker code, the law it implements, and the spans
 * of valid time on which it blocks removal, with the facts that cause it.
 */
import type { BlockerCode } from '../blockers.js';
import type { DecisionContext } from '../context.js';
import type { Span } from '../spans.js';

export interface Rule {
  readonly code: BlockerCode;
  /** The legal provision the rule implements, as people cite it. */
  readonly basis: string;
  readonly spans: (ctx: DecisionContext) => readonly Span[];
}
