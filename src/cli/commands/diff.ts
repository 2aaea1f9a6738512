/**
 * `repatria diff --on DATE --known-at I1 --versus I2 [--country XX] [--format table|json|jsonl]`:
 * the people whose decision on DATE differs between what was known at I1 and at I2, and the
 * facts that made the difference (recorded or retracted in between), with the citation of
 * each programme fact. Person facts are named by their ids, read from the store for the
 * people listed only.
 */
import { formatDay, formatInstant } from '../../domain/dates.js';
import type { Person } from '../../domain/facts.js';
import type { FactStore } from '../../domain/ports.js';
import { sweepAsOf } from '../../domain/sweep/as-of.js';
import { codesOfMask } from '../../domain/sweep/blocker-bits.js';
import type { PersonColumns } from '../../domain/sweep/columns.js';
import { diffSweeps, type PersonChange } from '../../domain/sweep/diff.js';
import { idAt } from '../../domain/sweep/id-table.js';
import { programTables } from '../../domain/sweep/program-tables.js';
import { NO_COUNTRY } from '../../domain/sweep/summary.js';
import { UsageError } from '../exit.js';
import type { CliIo } from '../io.js';
import { choiceOption, countryOption, dayOption, instantOption } from '../options.js';
import { loadForCli, type SnapshotOptions } from '../population.js';
import { withStore, type StoreConfig } from '../store-config.js';
import { renderTable } from '../table.js';
import { BatchedWriter } from '../batched-writer.js';

const FORMATS = ['table', 'json', 'jsonl'] as const;

export interface DiffCommandOptions extends SnapshotOptions {
  readonly on?: string | undefined;
  readonly knownAt?: string | undefined;
  readonly versus?: string | undefined;
  readonly country?: string | undefined;
  readonly format?: string | undefined;
  readonly store: StoreConfig;
}

/** A changed person as printed. */
interface Change {
  readonly id: string;
  readonly country: string;
  readonly before: { readonly removable: boolean; readonly blockers: string[] };
  readonly after: { readonly removable: boolean; readonly blockers: string[] };
  readonly facts: string[];
}

const countryName = (columns: PersonColumns, code: number): string => (code < 0 ? NO_COUNTRY : columns.codes[code]!);

/** The ids of a person's facts at the given positions, checked against the columns (the store may have moved on). */
async function factIds(store: FactStore, columns: PersonColumns, change: PersonChange): Promise<string[]> {
  if (change.rows.length === 0) return [];
  const person: Person | undefined = await store.getPerson(idAt(columns.ids, change.person));
  const start = columns.factStart[change.person]!;
  return change.rows.map((ordinal) => {
    const fact = person?.facts[ordinal];
    return fact !== undefined && fact.recordedAt === columns.recordedAt[start + ordinal] ? fact.id : `(fact ${ordinal + 1} of ${idAt(columns.ids, change.person)})`;
  });
}

const describe = (mask: number): { removable: boolean; blockers: string[] } => ({ removable: mask === 0, blockers: codesOfMask(mask) });

/** `-TPS_PROTECTED +HOLD → removable`: what changed, for people. */
function changeText(change: Change): string {
  const lost = change.before.blockers.filter((c) => !change.after.blockers.includes(c)).map((c) => `-${c}`);
  const gained = change.after.blockers.filter((c) => !change.before.blockers.includes(c)).map((c) => `+${c}`);
  const outcome = change.before.removable === change.after.removable ? '' : change.after.removable ? ' → removable' : ' → not removable';
  const codes = [...lost, ...gained].join(' ');
  return `${codes === '' ? 'destination changed' : codes}${outcome}`;
}

export async function runDiff(opts: DiffCommandOptions, io: CliIo): Promise<void> {
  if (opts.on === undefined || opts.knownAt === undefined || opts.versus === undefined) {
    throw new UsageError('--on, --known-at and --versus are required');
  }
  const now = io.now();
  const on = dayOption('--on', opts.on, 0);
  const before = instantOption('--known-at', opts.knownAt, now);
  const after = instantOption('--versus', opts.versus, now);
  const country = countryOption('--country', opts.country);
  const format = choiceOption('--format', opts.format, FORMATS, 'table');

  const { population } = await loadForCli(opts.store, opts, io);
  const { columns, program } = population;
  const sweep = (knownAt: number): { result: ReturnType<typeof sweepAsOf>; tables: ReturnType<typeof programTables> } => {
    const tables = programTables(program, columns.codes, knownAt);
    return { result: sweepAsOf(columns, tables, on), tables };
  };
  const selected = diffSweeps(columns, program, sweep(before), sweep(after)).filter(
    (c) => country === undefined || countryName(columns, c.before.destination) === country || countryName(columns, c.after.destination) === country,
  );

  const citations = new Map<string, string>();
  const changes: Change[] = await withStore(opts.store, io.now, async (store) => {
    const out: Change[] = [];
    for (const c of selected) {
      for (const fact of c.programFacts) citations.set(fact.id, 'citation' in fact ? fact.citation : `return agreement with ${fact.country}`);
      out.push({
        id: idAt(columns.ids, c.person),
        country: countryName(columns, c.after.destination >= 0 ? c.after.destination : c.before.destination),
        before: describe(c.before.blockers),
        after: describe(c.after.blockers),
        facts: [...(await factIds(store, columns, c)), ...c.programFacts.map((f) => f.id)],
      });
    }
    return out;
  });

  const header = { on: formatDay(on), knownAt: formatInstant(before), versus: formatInstant(after) };
  if (format === 'jsonl') {
    const writer = new BatchedWriter(io.out);
    for (const change of changes) writer.add(`${JSON.stringify(change)}\n`);
    writer.flush();
    return;
  }
  // Causes: the same change for the same facts, counted.
  // A person whose own facts changed as well is counted apart: the programme facts alone are
  // then not the whole cause, and the summary must not say they are.
  const causes = new Map<string, { change: string; facts: string[]; personFacts: boolean; people: number }>();
  for (const change of changes) {
    const programFacts = change.facts.filter((id) => citations.has(id));
    const personFacts = programFacts.length < change.facts.length;
    const text = changeText(change);
    const key = `${text}|${programFacts.join(',')}|${String(personFacts)}`;
    const cause = causes.get(key) ?? { change: text, facts: programFacts, personFacts, people: 0 };
    cause.people += 1;
    causes.set(key, cause);
  }
  const ranked = [...causes.values()].sort((a, b) => b.people - a.people || (a.change < b.change ? -1 : 1));
  if (format === 'json') {
    const out = {
      ...header,
      people: columns.ids.count,
      changed: changes.length,
      causes: ranked.map((c) => ({
        change: c.change,
        people: c.people,
        facts: c.facts.map((id) => ({ id, citation: citations.get(id) })),
        personFacts: c.personFacts,
      })),
      changes,
    };
    io.out(`${JSON.stringify(out)}\n`);
    return;
  }
  io.out(
    `Decisions on ${header.on} as known at ${header.knownAt} versus ${header.versus}: ` +
      `${changes.length.toLocaleString('en-US')} of ${columns.ids.count.toLocaleString('en-US')} people changed.\n\n`,
  );
  if (changes.length === 0) return;
  const PERSON_FACTS = 'person facts recorded or retracted in between';
  const because = (c: { facts: readonly string[]; personFacts: boolean }): string =>
    [...c.facts.map((id) => `${id} (${citations.get(id)})`), ...(c.personFacts ? [PERSON_FACTS] : [])].join('; ');
  io.out(renderTable(['people', 'change', 'because'], ranked.map((c) => [c.people, c.change, because(c)])));
  io.out('\n');
  io.out(
    renderTable(
      ['person', 'country', 'before', 'after', 'facts'],
      changes.map((c) => [
        c.id,
        c.country,
        c.before.removable ? 'removable' : c.before.blockers.join(' '),
        c.after.removable ? 'removable' : c.after.blockers.join(' '),
        c.facts.join(' '),
      ]),
    ),
  );
}
