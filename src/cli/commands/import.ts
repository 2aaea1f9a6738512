/**
 * `repatria import --people FILE.jsonl | --program FILE.json`: the simple, exact door.
 * Every record is validated first; one bad record refuses the whole file, naming its line,
 * and nothing of it is stored.
 */
import { readFileSync } from 'node:fs';
import { parsePersonFact, parseProgramFact } from '../../contract/fact-schema.js';
import { InvalidInputError, type InputIssue } from '../../contract/input-issue.js';
import type { Person, PersonFact, ProgramFact } from '../../domain/facts.js';
import { UsageError } from '../exit.js';
import type { CliIo } from '../io.js';
import { CLI_ACTOR, seedReference } from '../reference-seed.js';
import { withStore, type StoreConfig } from '../store-config.js';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Parses JSON lines of people; blank lines are skipped. */
export function parsePeopleLines(text: string, knownDesignations: ReadonlySet<string>): { people: Person[]; issues: InputIssue[] } {
  const people: Person[] = [];
  const issues: InputIssue[] = [];
  const seenPeople = new Set<string>();
  const seenFacts = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `line ${index + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      issues.push({ record: where, field: '-', reason: `malformed JSON: ${(error as Error).message}` });
      return;
    }
    const obj = raw as { id?: unknown; facts?: unknown };
    if (typeof raw !== 'object' || raw === null || typeof obj.id !== 'string' || obj.id === '') {
      issues.push({ record: where, field: 'id', reason: 'a person needs a non-empty string id' });
      return;
    }
    const record = `${where}, person "${obj.id}"`;
    if (seenPeople.has(obj.id)) issues.push({ record, field: 'id', reason: 'appears on an earlier line of this file' });
    seenPeople.add(obj.id);
    if (!Array.isArray(obj.facts)) {
      issues.push({ record, field: 'facts', reason: 'must be an array of person facts' });
      return;
    }
    const facts: PersonFact[] = [];
    for (const f of obj.facts) {
      const p = parsePersonFact(f, `${record}, `);
      if (!p.ok) {
        issues.push(...p.issues);
        continue;
      }
      if (seenFacts.has(p.value.id)) issues.push({ record: `${record}, fact "${p.value.id}"`, field: 'id', reason: 'is used by another fact of this file' });
      seenFacts.add(p.value.id);
      if (p.value.type === 'tps' && !knownDesignations.has(p.value.designation)) {
        issues.push({ record: `${record}, fact "${p.value.id}"`, field: 'designation', reason: `unknown designation "${p.value.designation}"` });
      }
      facts.push(p.value);
    }
    people.push({ id: obj.id, facts });
  });
  return { people, issues };
}

export function parseProgramArray(text: string): { facts: ProgramFact[]; issues: InputIssue[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { facts: [], issues: [{ record: 'programme file', field: '-', reason: `malformed JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(raw)) return { facts: [], issues: [{ record: 'programme file', field: '-', reason: 'must be a JSON array of programme facts' }] };
  const facts: ProgramFact[] = [];
  const issues: InputIssue[] = [];
  raw.forEach((item: unknown, i) => {
    const p = parseProgramFact(item, `element ${i + 1}, `);
    if (p.ok) facts.push(p.value);
    else issues.push(...p.issues);
  });
  return { facts, issues };
}

export async function runImport(
  opts: { people?: string | undefined; program?: string | undefined; store: StoreConfig },
  io: CliIo,
): Promise<void> {
  if ((opts.people === undefined) === (opts.program === undefined)) {
    throw new UsageError('give exactly one of --people FILE.jsonl or --program FILE.json');
  }
  await withStore(opts.store, io.now, async (store) => {
    await seedReference(store);
    if (opts.program !== undefined) {
      const { facts, issues } = parseProgramArray(readText(opts.program));
      if (issues.length > 0) throw new InvalidInputError(issues);
      const summary = await store.recordProgramFacts(facts, CLI_ACTOR);
      io.out(`imported ${summary.facts} programme facts (${summary.unchanged} already stored)\n`);
      return;
    }
    const designations = new Set((await store.programFacts()).flatMap((f) => (f.type === 'tps_designation' ? [f.designation] : [])));
    const { people, issues } = parsePeopleLines(readText(opts.people!), designations);
    if (issues.length > 0) throw new InvalidInputError(issues);
    const summary = await store.addPeople(people, CLI_ACTOR);
    io.out(`imported ${summary.people} people and ${summary.facts} facts (${summary.unchanged} facts already stored)\n`);
  });
}
