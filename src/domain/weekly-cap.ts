/**
 * Weekly acceptance caps of return agreements (spec: plan-instance.md, rule 6), read the same
 * way by the planner and by the manifest rules: for a destination country and an ISO week
 * (Monday to Sunday), the people flown there that week are at most the cap of the agreement
 * in effect on each used flight's date — no cap when an agreement in effect has none, the
 * largest when several are in effect, and, when the cap changes inside the week, the
 * smallest cap in effect on the dates of that week's used flights.
 */
import type { Day } from './dates.js';
import { covers, type ReturnAgreementFact } from './facts.js';

/**
 * The cap in effect on a day: `Infinity` for none, `0` when no agreement is in effect
 * (nobody may be returned there that day).
 */
export function capOn(agreements: readonly ReturnAgreementFact[], day: Day): number {
  let cap = -1;
  for (const a of agreements) {
    if (!covers(a, day)) continue;
    cap = Math.max(cap, a.weeklyCap ?? Number.POSITIVE_INFINITY);
  }
  return cap < 0 ? 0 : cap;
}

/** People already committed to a destination on one day: held on a manifest, or flown. */
export interface CommittedLoad {
  readonly date: Day;
  readonly people: number;
}

/**
 * The room a week leaves to one more flight on `date`, given the load already committed to
 * other flights of the same country and week: the binding cap (the smallest cap in effect on
 * the dates of every used flight, this one included) less what is committed. `Infinity`
 * when no cap applies.
 */
export function weekRoom(agreements: readonly ReturnAgreementFact[], date: Day, committed: readonly CommittedLoad[]): { cap: number; held: number; room: number } {
  let cap = capOn(agreements, date);
  let held = 0;
  for (const c of committed) {
    if (c.people <= 0) continue;
    held += c.people;
    cap = Math.min(cap, capOn(agreements, c.date));
  }
  return { cap, held, room: Math.max(0, cap - held) };
}
