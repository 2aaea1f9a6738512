/**
 * HOLD — a medical, legal or investigative hold on removal.
 * Basis: agency policy on fitness to travel and on holds requested by prosecutors or
 * investigators (8 CFR 241.4 custody reviews; ICE detention standards on medical clearance).
 * Reads: `hold`.
 */
import { spanOf } from '../spans.js';
import type { Rule } from './rule.js';

export const hold: Rule = {
  code: 'HOLD',
  basis: '8 CFR 241.4; ICE Performance-Based National Detention Standards, medical clearance for removal',
  spans: (ctx) => ctx.personFacts.hold.map((h) => spanOf(h, [h.id])),
};
