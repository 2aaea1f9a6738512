/**
 * The value of returning a person, which the planner weighs against transfer costs when it
 * plans from the store (spec: plan-instance.md, "Objective"; the instance file states values,
 * the store does not hold them). One policy, deterministic, read from the person's facts as
 * known at an instant and asked on one day (the first day of the planning window):
 *
 *   value = BASE
 *         + PER_DAY_HELD   × days held in the custody stay in effect on that day (at most MAX_DAYS_HELD)
 *         + PER_ORDER_MONTH × whole 30-day months since the final order in effect began (at most MAX_ORDER_MONTHS)
 *
 * Why these terms: every day in detention is a cost to the public and to the person, so the
 * longest held go first; an old final order is a case the docket has carried longest. The
 * caps keep one term from drowning the other, and keep every value a whole number, so that a
 * plan's objective is exact in floating point. The base is above the dearest demo transfer
 * (a domestic charter leg), so that nobody is left out only because their facility is far.
 */
import type { Day, Instant } from '../domain/dates.js';
import { covers, type Person } from '../domain/facts.js';
import { isKnownAt } from '../domain/knowledge.js';
import { facilityOn, readPerson } from './person-readings.js';

export const PERSON_VALUE_POLICY = {
  base: 1_000,
  perDayHeld: 4,
  maxDaysHeld: 365,
  perOrderMonth: 10,
  maxOrderMonths: 60,
} as const;

/** The value of returning `person`, as known at `knownAt`, asked on `on`. */
export function personValue(person: Person, knownAt: Instant, on: Day): number {
  const p = PERSON_VALUE_POLICY;
  const readings = readPerson(person, knownAt, 0);
  let daysHeld = 0;
  if (facilityOn(readings, on) !== undefined) {
    // The stay in effect is the first covering one in the readings' order of authority.
    const stay = readings.custody.find((c) => covers(c, on));
    if (stay !== undefined) daysHeld = Math.min(p.maxDaysHeld, on - stay.from + 1);
  }
  let orderFrom: Day | undefined;
  for (const f of person.facts) {
    if (f.type !== 'final_order' || !isKnownAt(f, knownAt) || !covers(f, on)) continue;
    if (orderFrom === undefined || f.from < orderFrom) orderFrom = f.from;
  }
  const orderMonths =
    orderFrom === undefined ? 0 : Math.min(p.maxOrderMonths, Math.floor((on - orderFrom) / 30));
  return p.base + p.perDayHeld * daysHeld + p.perOrderMonth * orderMonths;
}
