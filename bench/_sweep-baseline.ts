/**
 * The baseline of the sweep benchmark: the same as-of counts as one SQL query in PostgreSQL,
 * as a team would write it over a table of typed fact rows, loaded with COPY.
 *
 * The tables hold exactly the population the engine sweeps (written from its columns), with
 * SQL's own idioms: NULL for open ends, text for types and codes, arrays for class-order
 * criteria. The query is one statement, written for one pass over the facts (see
 * BASELINE_QUERY). PostgreSQL gets a fair chance: analysed tables, memory enough to hash
 * and sort in, parallel query allowed.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BLOCKER_CODES } from '../src/domain/blockers.js';
import type { Day, Instant } from '../src/domain/dates.js';
import type { ProgramFact } from '../src/domain/facts.js';
import { BLOCKER_COUNT } from '../src/domain/sweep/blocker-bits.js';
import type { PersonColumns } from '../src/domain/sweep/columns.js';
import { NO_DAY, OPEN_END, ROW_TYPE } from '../src/domain/sweep/fact-row.js';
import { idAt } from '../src/domain/sweep/id-table.js';
import { emptyCounts, type Counts } from '../src/domain/sweep/summary.js';

const TYPE_NAMES: string[] = [];
for (const [name, number] of Object.entries(ROW_TYPE)) TYPE_NAMES[number] = name;

const SCHEMA = `
  create table people (id text collate "C" primary key);
  create table person_facts (
    person_id text collate "C" not null, ord int not null, type text not null, flag smallint not null,
    from_day int, through_day int, aux_day int, code text not null,
    recorded_at bigint not null, retracted_at bigint);
  create table tps_designations (designation text not null, ord int not null, from_day int not null, through_day int,
    recorded_at bigint not null, retracted_at bigint);
  create table class_orders (nationality text[], facility text[], from_day int not null, through_day int,
    recorded_at bigint not null, retracted_at bigint);
  create table return_agreements (country text not null, requires_document boolean not null, from_day int not null, through_day int,
    recorded_at bigint not null, retracted_at bigint);
`;

const text = (value: string | number | boolean | null): string => (value === null ? '\\N' : String(value));
const line = (values: readonly (string | number | boolean | null)[]): string => `${values.map(text).join('\t')}\n`;
const day = (d: number, none: number): number | null => (d === none ? null : d);
const instant = (t: number): number | null => (Number.isFinite(t) ? t : null);

/** COPY text rows from a generator of chunks. */
async function copyIn(client: pg.Client, table: string, chunks: () => Generator<string>): Promise<void> {
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`copy ${table} from stdin`)));
}

function* personRows(columns: PersonColumns): Generator<string> {
  let chunk = '';
  for (let p = 0; p < columns.ids.count; p++) {
    const id = idAt(columns.ids, p);
    const start = columns.factStart[p]!;
    for (let i = start; i < columns.factStart[p + 1]!; i++) {
      chunk += line([
        id,
        i - start,
        TYPE_NAMES[columns.type[i]!]!,
        columns.flag[i]!,
        day(columns.from[i]!, NO_DAY),
        day(columns.through[i]!, OPEN_END),
        day(columns.aux[i]!, NO_DAY),
        columns.codes[columns.code[i]!]!,
        columns.recordedAt[i]!,
        instant(columns.retractedAt[i]!),
      ]);
    }
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

function* peopleRows(columns: PersonColumns): Generator<string> {
  let chunk = '';
  for (let p = 0; p < columns.ids.count; p++) {
    chunk += `${idAt(columns.ids, p)}\n`;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

const array = (values: readonly string[] | undefined): string | null => (values === undefined ? null : `{${values.join(',')}}`);

function* programRows(program: readonly ProgramFact[], type: ProgramFact['type']): Generator<string> {
  let out = '';
  program.forEach((f, ord) => {
    if (f.type !== type) return;
    const known = [f.recordedAt, f.retractedAt ?? null] as const;
    if (f.type === 'tps_designation') out += line([f.designation, ord, f.from, f.through, ...known]);
    if (f.type === 'class_order') out += line([array(f.criteria.nationality), array(f.criteria.facility), f.from, f.through, ...known]);
    if (f.type === 'return_agreement') out += line([f.country, f.requiresTravelDocument, f.from, f.through, ...known]);
  });
  yield out;
}

/** Loads the population with COPY; returns the seconds it took. */
export async function loadBaseline(client: pg.Client, columns: PersonColumns, program: readonly ProgramFact[]): Promise<number> {
  const started = performance.now();
  await client.query(SCHEMA);
  await copyIn(client, 'people', () => peopleRows(columns));
  await copyIn(client, 'person_facts', () => personRows(columns));
  await copyIn(client, 'tps_designations', () => programRows(program, 'tps_designation'));
  await copyIn(client, 'class_orders', () => programRows(program, 'class_order'));
  await copyIn(client, 'return_agreements', () => programRows(program, 'return_agreement'));
  await client.query('analyze');
  return (performance.now() - started) / 1000;
}

const covers = (alias: string): string => `${alias}.from_day <= $1 and (${alias}.through_day is null or ${alias}.through_day >= $1)`;
const knownAt = (alias: string): string => `${alias}.recorded_at <= $2 and (${alias}.retracted_at is null or ${alias}.retracted_at > $2)`;

/**
 * The one statement: counts per destination country of people, removable people and each
 * blocker, on $1 as known at $2. One pass over the known facts, grouped by person (the
 * destination is the first known nationality, taken in the same pass), then the people
 * with no fact and the agreements and class orders joined in.
 */
export const BASELINE_QUERY = `
with winners as (
  select distinct on (designation) designation, from_day, through_day
  from tps_designations d where ${knownAt('d')}
  order by designation, recorded_at desc, ord desc
),
agreements as (
  select country, bool_and(requires_document) as needs_document
  from return_agreements a where ${knownAt('a')} and ${covers('a')}
  group by country
),
per_person as (
  select k.person_id,
    (array_agg(k.code order by k.ord) filter (where k.type = 'nationality'))[1] as country,
    bool_or(k.type = 'final_order' and ${covers('k')}) as has_order,
    bool_or(k.type = 'appeal' and k.flag = 1 and ${covers('k')}) as appeal_pending,
    bool_or(k.type = 'citizenship_claim' and k.from_day <= $1 and (k.flag <> 2 or (k.aux_day is not null and $1 < k.aux_day))) as citizenship_claim,
    bool_or(k.type = 'hold' and ${covers('k')}) as hold,
    bool_or(k.type = 'lawful_status' and ${covers('k')}) as lawful_status,
    bool_or(k.type = 'stay' and ${covers('k')}) as stay_of_removal,
    bool_or(k.type = 'tps' and ${covers('k')} and ${covers('w')}) as tps_protected,
    array_agg(k.code) filter (where k.type = 'protection' and ${covers('k')}) as protections,
    array_agg(k.code) filter (where k.type = 'travel_document' and ${covers('k')}) as documents,
    array_agg(k.code) filter (where k.type = 'nationality') as nationalities,
    array_agg(k.code) filter (where k.type = 'custody' and ${covers('k')}) as facilities
  from person_facts k
  left join winners w on k.type = 'tps' and w.designation = k.code
  where ${knownAt('k')}
  group by k.person_id
),
decided as (
  select pp.country,
    coalesce(pp.appeal_pending, false) as appeal_pending,
    coalesce(pp.citizenship_claim, false) as citizenship_claim,
    exists (
      select 1 from class_orders c
      where ${knownAt('c')} and ${covers('c')}
        and (c.nationality is null or c.nationality && pp.nationalities)
        and (c.facility is null or c.facility && pp.facilities)
    ) as class_order,
    coalesce(pp.hold, false) as hold,
    coalesce(pp.lawful_status, false) as lawful_status,
    not coalesce(pp.has_order, false) as no_final_order,
    (pp.country is null or a.country is null) as no_return_agreement,
    (pp.country is not null and coalesce(a.needs_document, false) and not coalesce(pp.country = any(pp.documents), false)) as no_travel_document,
    coalesce(pp.country = any(pp.protections), false) as protected_from_country,
    coalesce(pp.stay_of_removal, false) as stay_of_removal,
    coalesce(pp.tps_protected, false) as tps_protected
  from people p
  left join per_person pp on pp.person_id = p.id
  left join agreements a on a.country = pp.country
)
select coalesce(country, '??') as country, count(*)::int as people,
  count(*) filter (where not (${BLOCKER_CODES.map((c) => c.toLowerCase()).join(' or ')}))::int as removable,
  ${BLOCKER_CODES.map((c) => `count(*) filter (where ${c.toLowerCase()})::int as ${c.toLowerCase()}`).join(',\n  ')}
from decided
group by 1
order by 1`;

/** Runs the baseline query; returns the counts by country and the seconds it took. */
export async function runBaseline(client: pg.Client, on: Day, at: Instant): Promise<{ seconds: number; byCountry: Map<string, Counts> }> {
  const started = performance.now();
  const { rows } = await client.query<Record<string, string | number>>(BASELINE_QUERY, [on, at]);
  const seconds = (performance.now() - started) / 1000;
  const byCountry = new Map<string, Counts>();
  for (const row of rows) {
    const counts = emptyCounts();
    counts.people = Number(row.people);
    counts.removable = Number(row.removable);
    for (let b = 0; b < BLOCKER_COUNT; b++) counts.blockers[b] = Number(row[BLOCKER_CODES[b]!.toLowerCase()]);
    byCountry.set(String(row.country), counts);
  }
  return { seconds, byCountry };
}
