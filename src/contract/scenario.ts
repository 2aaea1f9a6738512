/**
 * Scenario files (spec: facts-and-decisions.md, "Scenario file"): one scenario or an array,
 * each a person, programme facts, a query and, for test runners, an expected answer.
 */
import { z } from 'zod';
import type { BlockerCode } from '../domain/blockers.js';
import { BLOCKER_CODES } from '../domain/blockers.js';
import type { Day, Instant } from '../domain/dates.js';
import type { CountryCode, Person, PersonFact, ProgramFact } from '../domain/facts.js';
import { countryCode, inputIssues, isoDate, isoInstant, parsePersonFact, parseProgramFact } from './fact-schema.js';
import type { InputIssue, Parsed } from './input-issue.js';

export interface Scenario {
  readonly id: string;
  readonly description: string;
  readonly reference: 'none' | 'builtin';
  readonly program: readonly ProgramFact[];
  readonly person: Person;
  readonly query: { readonly on: Day; readonly knownAt: Instant; readonly destination?: CountryCode | undefined };
  readonly expect?: { readonly removable: boolean; readonly blockers: readonly BlockerCode[] } | undefined;
}

// The person and the query are strict, as the facts are: a misspelt key there would be
// dropped and change the answer without a word (`destinaton` decides for the nationality's
// country). Other keys at the top level are left to test runners, as `expect` is: files
// annotate scenarios, and `check` reads only what the spec defines.
const header = z.object({
  id: z.string().min(1, 'must not be empty'),
  description: z.string().default(''),
  reference: z.enum(['none', 'builtin']).default('none'),
  program: z.array(z.unknown()).default([]),
  person: z.strictObject({ id: z.string().min(1, 'must not be empty'), facts: z.array(z.unknown()) }),
  query: z.strictObject({ on: isoDate, knownAt: isoInstant, destination: countryCode.optional() }),
  expect: z.object({ removable: z.boolean(), blockers: z.array(z.enum(BLOCKER_CODES)) }).optional(),
});

/**
 * Parses one scenario. `builtin` is the product's reference programme, consulted to check
 * that every TPS grant names a designation that exists.
 */
export function parseScenario(raw: unknown, index: number, builtin: readonly ProgramFact[]): Parsed<Scenario> {
  const rawId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
  const name = rawId === undefined ? `scenario #${index + 1}` : `scenario "${rawId}"`;
  const head = header.safeParse(raw);
  if (!head.success) return { ok: false, issues: inputIssues(head.error.issues, name, header) };
  const s = head.data;
  const issues: InputIssue[] = [];
  const program: ProgramFact[] = [];
  const facts: PersonFact[] = [];
  const seen = new Set<string>();
  const noteId = (id: string): void => {
    if (seen.has(id)) issues.push({ record: `${name}, fact "${id}"`, field: 'id', reason: 'is used by another fact of this scenario' });
    seen.add(id);
  };
  for (const r of s.program) {
    const p = parseProgramFact(r, `${name}, `);
    if (p.ok) {
      noteId(p.value.id);
      program.push(p.value);
    } else issues.push(...p.issues);
  }
  for (const r of s.person.facts) {
    const p = parsePersonFact(r, `${name}, `);
    if (p.ok) {
      noteId(p.value.id);
      facts.push(p.value);
    } else issues.push(...p.issues);
  }
  const known = new Set(
    [...program, ...(s.reference === 'builtin' ? builtin : [])].flatMap((f) => (f.type === 'tps_designation' ? [f.designation] : [])),
  );
  for (const f of facts) {
    if (f.type === 'tps' && !known.has(f.designation)) {
      issues.push({
        record: `${name}, fact "${f.id}"`,
        field: 'designation',
        reason: `unknown designation "${f.designation}": no tps_designation record in the scenario${s.reference === 'builtin' ? ' or the reference data' : ' (reference is "none")'}`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      id: s.id,
      description: s.description,
      reference: s.reference,
      program: s.reference === 'builtin' ? [...builtin, ...program] : program,
      person: { id: s.person.id, facts },
      query: s.query,
      expect: s.expect,
    },
  };
}

/** Parses the text of a scenario file: one scenario or an array of them. */
export function parseScenarioFile(text: string, builtin: readonly ProgramFact[]): Parsed<Scenario[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ record: 'scenario file', field: '-', reason: `malformed JSON: ${(error as Error).message}` }] };
  }
  const list = Array.isArray(raw) ? raw : [raw];
  const out: Scenario[] = [];
  const issues: InputIssue[] = [];
  list.forEach((item, i) => {
    const p = parseScenario(item, i, builtin);
    if (p.ok) out.push(p.value);
    else issues.push(...p.issues);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
}
