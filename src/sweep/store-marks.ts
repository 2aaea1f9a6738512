/** Comparing store marks, and small parsing helpers shared by the two store sources. */
import { createHash } from 'node:crypto';
import type { StoreMark } from './population.js';

/**
 * A store's identity: its first event (instant, kind, subject and a digest of its details).
 * A store that was emptied and filled again starts with another event.
 */
export const storeIdentity = (at: number, kind: string, subject: string, details: string): string =>
  `${at}/${kind}/${subject}/${createHash('sha256').update(details).digest('hex').slice(0, 16)}`;

/**
 * Whether `now` is the same store as `before`, grown or not: same dialect, same first
 * event, and no fewer events. (The caller also checks that `before`'s last event is still there.)
 */
export const sameStore = (before: StoreMark, now: Pick<StoreMark, 'dialect' | 'identity' | 'lastSeq'>): boolean =>
  before.dialect === now.dialect && before.identity !== '' && before.identity === now.identity && now.lastSeq >= before.lastSeq;

/** The numbers of a comma-separated list (a `group_concat` of integers); `null` is none. */
export function parseNumberList(text: string | null): number[] {
  if (text === null || text === '') return [];
  return text.split(',').map((item) => {
    const value = Number(item);
    if (!Number.isSafeInteger(value)) throw new Error(`"${item}" is not an integer`);
    return value;
  });
}
