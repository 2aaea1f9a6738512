/**
 * What makes two records the same fact: every field but its transaction time. A client that
 * retries a request sends the same fact again; the server stamps `recordedAt`, so only the
 * content tells a harmless repeat from a conflicting reuse of an id.
 */
import type { Fact } from './facts.js';

/** The JSON of a fact's content: every field but `recordedAt` and `retractedAt`, keys sorted. */
export function factContent(fact: Fact): string {
  const entries = Object.entries(fact)
    .filter(([key, value]) => key !== 'recordedAt' && key !== 'retractedAt' && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** Whether `incoming` repeats `stored`: same id, type and content. */
export const repeatsFact = (incoming: Fact, stored: Fact | undefined): boolean =>
  stored !== undefined && stored.type === incoming.type && factContent(stored) === factContent(incoming);
