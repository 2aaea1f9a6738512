/**
 * Facts between the wire form (strings) and the domain (day numbers, epoch milliseconds).
 * Incoming facts go through the contract's parser, the one reader of facts for the CLI,
 * the import and the API; outgoing ones are written back in the interchange form.
 */
import { parseFact } from '../contract/fact-schema.js';
import type { InputIssue } from '../contract/input-issue.js';
import { formatDay, formatInstant, type Instant } from '../domain/dates.js';
import type { Fact, PersonFact, ProgramFact } from '../domain/facts.js';
import { knownDesignations, unknownDesignation } from '../ingest/designations.js';
import { ApiProblem, bodyIssues, type FieldIssue } from './problem.js';
import type {
  NewPersonFactJson,
  NewProgramFactJson,
  PersonFactJson,
  ProgramFactJson,
} from './schemas/facts.js';

/** Fields holding a day number in the domain and a date on the wire. */
const DAY_FIELDS = ['from', 'through', 'resolvedOn', 'servedOn'] as const;

/**
 * Reads facts sent to be recorded, stamped with the instant they are recorded at. Refuses
 * the whole list, naming every field at fault, if any fact is not valid.
 */
export function readNewFacts(
  facts: readonly NewPersonFactJson[],
  kind: 'person',
  recordedAt: Instant,
  prefix: string,
): PersonFact[];
export function readNewFacts(
  facts: readonly NewProgramFactJson[],
  kind: 'program',
  recordedAt: Instant,
  prefix: string,
): ProgramFact[];
export function readNewFacts(
  facts: readonly (NewPersonFactJson | NewProgramFactJson)[],
  kind: 'person' | 'program',
  recordedAt: Instant,
  prefix: string,
): Fact[] {
  const stamp = formatInstant(recordedAt);
  const out: Fact[] = [];
  const issues: FieldIssue[] = [];
  facts.forEach((fact, i) => {
    const parsed = parseFact({ ...fact, recordedAt: stamp }, kind);
    if (parsed.ok) out.push(parsed.value);
    else issues.push(...bodyIssues(withoutRecord(parsed.issues), `${prefix}.${i}`));
  });
  if (issues.length > 0) throw new ApiProblem('invalid-request', 'Some facts are not valid', issues);
  return out;
}

/**
 * Refuses TPS grants that name a designation with no record in the programme, with the check
 * and the words of the import (src/ingest/designations.ts), so that the API does not store a
 * grant the import would refuse. The programme is read only when a grant is among the facts.
 */
export async function checkDesignations(
  facts: readonly PersonFact[],
  program: () => Promise<readonly ProgramFact[]>,
  prefix: string,
): Promise<void> {
  if (!facts.some((f) => f.type === 'tps')) return;
  const known = knownDesignations(await program());
  const issues: FieldIssue[] = facts.flatMap((fact, i) => {
    const problem = unknownDesignation(fact, known);
    return problem === undefined
      ? []
      : [{ in: 'body', field: `${prefix}.${i}.${problem.field}`, reason: problem.reason }];
  });
  if (issues.length > 0) throw new ApiProblem('invalid-request', 'Some facts are not valid', issues);
}

/** The field path already says which fact; the parser's record name would say it twice. */
const withoutRecord = (issues: readonly InputIssue[]): InputIssue[] =>
  issues.map((i) => ({ ...i, record: '' }));

/** A stored fact in the interchange form: dates as `YYYY-MM-DD`, instants in UTC, no `through` when open. */
function factJson(fact: Fact): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fact)) {
    if (value === undefined || value === null) continue; // an open `through` is written by leaving it out
    if ((DAY_FIELDS as readonly string[]).includes(key)) out[key] = formatDay(value as number);
    else if (key === 'recordedAt' || key === 'retractedAt') out[key] = formatInstant(value as number);
    else out[key] = value;
  }
  return out;
}

// The domain facts and the wire schemas name the same fields; only dates and instants differ.
export const personFactJson = (fact: PersonFact): PersonFactJson => factJson(fact) as PersonFactJson;
export const programFactJson = (fact: ProgramFact): ProgramFactJson => factJson(fact) as ProgramFactJson;
