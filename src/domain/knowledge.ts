/**
 * Transaction time: which facts the system knew at an instant.
 *
 * A fact takes part iff `recordedAt <= knownAt` and it was not retracted at or before
 * `knownAt` (spec, "Bitemporal facts"). A retraction makes the fact as if never recorded
 * for every later `knownAt`, so the earlier answers stay reproducible.
 */
import type { Instant } from './dates.js';
import type { Recorded } from './facts.js';

export const isKnownAt = (fact: Recorded, knownAt: Instant): boolean =>
  fact.recordedAt <= knownAt && (fact.retractedAt === undefined || fact.retractedAt > knownAt);

export const knownAt = <F extends Recorded>(facts: readonly F[], instant: Instant): F[] =>
  facts.filter((f) => isKnownAt(f, instant));
