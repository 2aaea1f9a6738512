/**
 * What the fact-recording routes share: who may record or retract which fact, and how query
 * times are read. (A repeated request is made harmless by the manifest service: see
 * `repeatsFact` in src/domain/fact-content.ts.)
 */
import { mayRecord, mayRetract, recordersOf, retractorsOf } from '../domain/access.js';
import { endOfDay, parseDay, parseInstant, type Day, type Instant } from '../domain/dates.js';
import type { Fact } from '../domain/facts.js';
import { ApiProblem, type FieldIssue } from './problem.js';
import type { UserContext } from './route.js';

/** Refuses the request, naming each fact, when the caller's role may not record a fact's type. */
export function checkRemit(
  ctx: UserContext,
  facts: readonly { readonly type: Fact['type'] }[],
  prefix: string,
): void {
  const issues: FieldIssue[] = [];
  facts.forEach((fact, i) => {
    if (!mayRecord(ctx.principal.role, fact.type)) {
      issues.push({
        in: 'body',
        field: `${prefix}.${i}.type`,
        reason: `${fact.type} facts are recorded by ${recordersOf(fact.type).join(', ')}`,
      });
    }
  });
  if (issues.length > 0)
    throw new ApiProblem(
      'forbidden',
      `The ${ctx.principal.role} role may not record some of these facts`,
      issues,
    );
}

/** Refuses a retraction by a role that may not record the fact's type. */
export function checkRetractRemit(
  ctx: UserContext,
  fact: { readonly id: string; readonly type: Fact['type'] },
): void {
  if (!mayRetract(ctx.principal.role, fact.type)) {
    throw new ApiProblem(
      'forbidden',
      `${fact.type} facts are retracted by ${retractorsOf(fact.type).join(', ')}`,
    );
  }
}

/** `knownAt` of a query: an instant, or a date meaning the end of that day; default now. */
export function knownAtOf(text: string | undefined, now: Instant): Instant {
  if (text === undefined) return now;
  const instant = parseInstant(text);
  if (instant !== undefined) return instant;
  const day = parseDay(text);
  // The schema has checked the text; a miss here is a bug, not bad input.
  if (day === undefined) throw new Error(`knownAt ${text} passed validation but does not parse`);
  return endOfDay(day);
}

/** `on` of a query: a date; default the UTC day of `now`. */
export function dayOf(text: string | undefined, now: Instant): Day {
  if (text === undefined) return Math.floor(now / 86_400_000);
  const day = parseDay(text);
  if (day === undefined) throw new Error(`date ${text} passed validation but does not parse`);
  return day;
}
