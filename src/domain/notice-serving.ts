/**
 * Serving a notice of intended removal: an event with the language it was written in, whom it
 * reached (the person, counsel of record) and how it was delivered. The `notice` fact the
 * decision engine and the planner read (spec: facts-and-decisions.md) is derived from the
 * servings: `servedOn` is the day the last required recipient was served, and `counsel` is
 * true once counsel of record was served too — or once the officer serving the person has
 * recorded that the person has no counsel of record, so that nobody else is owed the notice.
 * The notice period runs from that day: a person served on Monday whose counsel is served on
 * Thursday has notice from Thursday.
 */
import type { Day, Instant } from './dates.js';

export const NOTICE_RECIPIENTS = ['person', 'counsel'] as const;
export type NoticeRecipient = (typeof NOTICE_RECIPIENTS)[number];

export const DELIVERY_METHODS = ['in_person', 'mail', 'electronic', 'fax', 'via_facility'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** ISO 639 language code, optionally with a region or script (`es`, `ht`, `pt-BR`, `quc`). */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export interface NoticeServing {
  readonly id: string;
  readonly personId: string;
  readonly servedOn: Day;
  /** Who this serving reached. */
  readonly to: readonly NoticeRecipient[];
  /** Stated when serving the person: the person has no counsel of record. */
  readonly noCounselOfRecord: boolean;
  readonly language: string;
  readonly method: DeliveryMethod;
  /** When the serving was recorded. */
  readonly recordedAt: Instant;
}

/** What the servings so far amount to, as the fields of a `notice` fact; `undefined` until the person is served. */
export function noticeFromServings(
  servings: readonly NoticeServing[],
): { readonly servedOn: Day; readonly counsel: boolean } | undefined {
  const toPerson = servings.filter((s) => s.to.includes('person')).map((s) => s.servedOn);
  if (toPerson.length === 0) return undefined;
  const personDay = Math.min(...toPerson);
  const toCounsel = servings.filter((s) => s.to.includes('counsel')).map((s) => s.servedOn);
  if (toCounsel.length > 0) return { servedOn: Math.max(personDay, Math.min(...toCounsel)), counsel: true };
  if (servings.some((s) => s.noCounselOfRecord)) return { servedOn: personDay, counsel: true };
  return { servedOn: personDay, counsel: false };
}
