/**
 * Flight plan instances (spec: plan-instance.md, "Instance"), validated record by record.
 * Every problem names the record (`flight "FL1"`, `person "P3", fact "f2"`, `transfer #4`),
 * the field and the reason; nothing is planned from an instance with any problem.
 */
import { z } from 'zod';
import { formatDay, formatInstant } from '../domain/dates.js';
import type { Fact, PersonFact, ProgramFact } from '../domain/facts.js';
import type { Airport, Flight, PlanInstance, PlanPerson, Transfer } from '../planner/instance.js';
import { countryCode, isoDate, isoInstant, parsePersonFact, parseProgramFact } from './fact-schema.js';
import type { InputIssue, Parsed } from './input-issue.js';

/** A fact in its interchange form (dates and instants as ISO text). */
export type FactJson = Readonly<Record<string, unknown>>;

/** An instance in its interchange form, as written to and read from files. */
export interface PlanInstanceJson {
  readonly knownAt: string;
  readonly noticeDays: number;
  readonly reference: 'none' | 'builtin';
  readonly program: readonly FactJson[];
  readonly airports: readonly { readonly code: string; readonly country: string }[];
  readonly transfers: readonly {
    readonly facility: string;
    readonly airport: string;
    readonly cost: number;
  }[];
  readonly flights: readonly {
    readonly id: string;
    readonly date: string;
    readonly origin: string;
    readonly destination: string;
    readonly seats: number;
  }[];
  readonly persons: readonly {
    readonly id: string;
    readonly value: number;
    readonly facts: readonly FactJson[];
  }[];
}

const airportCode = z.string().regex(/^[A-Z]{3}$/, 'must be three upper-case letters (IATA-style)');
const nonEmpty = z.string().min(1, 'must not be empty').max(200, 'is longer than 200 characters');
const finiteNumber = z.number({ error: 'must be a finite number' });

const header = z.object({
  knownAt: isoInstant,
  noticeDays: z.number().int('must be a whole number of days').nonnegative('must not be negative'),
  program: z.array(z.unknown()).default([]),
  reference: z.enum(['none', 'builtin']).default('none'),
  airports: z.array(z.unknown()),
  transfers: z.array(z.unknown()),
  flights: z.array(z.unknown()),
  persons: z.array(z.unknown()),
});

const airportSchema = z.object({ code: airportCode, country: countryCode });
const transferSchema = z.object({
  facility: nonEmpty,
  airport: airportCode,
  cost: finiteNumber.nonnegative('must not be negative'),
});
const flightSchema = z.object({
  id: nonEmpty,
  date: isoDate,
  origin: airportCode,
  destination: airportCode,
  seats: z.number().int('must be a whole number').positive('must be at least 1'),
});
const personSchema = z.object({ id: nonEmpty, value: finiteNumber, facts: z.array(z.unknown()) });

const pathText = (p: readonly PropertyKey[]): string => (p.length === 0 ? '-' : p.map(String).join('.'));

/** `flight "FL1"` when the record has a usable id, else `flight #3` (1-based). */
function recordName(kind: string, raw: unknown, key: string, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof id === 'string' && id !== '' ? `${kind} ${JSON.stringify(id)}` : `${kind} #${index + 1}`;
}

function parseRecords<T>(
  list: readonly unknown[],
  schema: z.ZodType<T>,
  name: (raw: unknown, index: number) => string,
  issues: InputIssue[],
): { value: T; record: string }[] {
  const out: { value: T; record: string }[] = [];
  list.forEach((raw, i) => {
    const record = name(raw, i);
    const result = schema.safeParse(raw);
    if (result.success) out.push({ value: result.data, record });
    else
      issues.push(
        ...result.error.issues.map((issue) => ({
          record,
          field: pathText(issue.path),
          reason: issue.message,
        })),
      );
  });
  return out;
}

/**
 * Parses an instance already read as JSON. `builtin` is the product's reference programme,
 * added to the instance's own facts when `reference` is `builtin`.
 */
export function parsePlanInstanceValue(raw: unknown, builtin: readonly ProgramFact[]): Parsed<PlanInstance> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      issues: [{ record: 'instance', field: '-', reason: 'an instance must be a JSON object' }],
    };
  }
  const head = header.safeParse(raw);
  if (!head.success) {
    return {
      ok: false,
      issues: head.error.issues.map((i) => ({
        record: 'instance',
        field: pathText(i.path),
        reason: i.message,
      })),
    };
  }
  const h = head.data;
  const issues: InputIssue[] = [];

  const program: ProgramFact[] = [];
  const programIds = new Set<string>();
  for (const r of h.program) {
    const p = parseProgramFact(r, 'program, ');
    if (!p.ok) {
      issues.push(...p.issues);
      continue;
    }
    if (programIds.has(p.value.id))
      issues.push({
        record: `program, fact "${p.value.id}"`,
        field: 'id',
        reason: 'is used by another programme fact',
      });
    programIds.add(p.value.id);
    program.push(p.value);
  }
  const fullProgram = h.reference === 'builtin' ? [...builtin, ...program] : program;
  const designations = new Set(
    fullProgram.flatMap((f) => (f.type === 'tps_designation' ? [f.designation] : [])),
  );

  const airports: Airport[] = [];
  const airportByCode = new Map<string, Airport>();
  for (const { value, record } of parseRecords(
    h.airports,
    airportSchema,
    (r, i) => recordName('airport', r, 'code', i),
    issues,
  )) {
    if (airportByCode.has(value.code)) {
      issues.push({ record, field: 'code', reason: 'is listed more than once' });
      continue;
    }
    airportByCode.set(value.code, value);
    airports.push(value);
  }
  const unknownAirport = (code: string): string => `unknown airport "${code}": it is not in "airports"`;

  const transfers: Transfer[] = [];
  const pairs = new Set<string>();
  for (const { value, record } of parseRecords(
    h.transfers,
    transferSchema,
    (_r, i) => `transfer #${i + 1}`,
    issues,
  )) {
    if (!airportByCode.has(value.airport))
      issues.push({ record, field: 'airport', reason: unknownAirport(value.airport) });
    const pair = `${value.facility}\u0000${value.airport}`;
    if (pairs.has(pair))
      issues.push({
        record,
        field: 'airport',
        reason: `another transfer already links facility "${value.facility}" to "${value.airport}"`,
      });
    pairs.add(pair);
    transfers.push(value);
  }

  const flights: Flight[] = [];
  const flightIds = new Set<string>();
  for (const { value, record } of parseRecords(
    h.flights,
    flightSchema,
    (r, i) => recordName('flight', r, 'id', i),
    issues,
  )) {
    if (flightIds.has(value.id)) issues.push({ record, field: 'id', reason: 'is used by another flight' });
    flightIds.add(value.id);
    if (!airportByCode.has(value.origin))
      issues.push({ record, field: 'origin', reason: unknownAirport(value.origin) });
    if (!airportByCode.has(value.destination))
      issues.push({ record, field: 'destination', reason: unknownAirport(value.destination) });
    if (value.origin === value.destination)
      issues.push({ record, field: 'destination', reason: 'is the same airport as origin' });
    flights.push(value);
  }

  const persons: PlanPerson[] = [];
  const personIds = new Set<string>();
  for (const { value, record } of parseRecords(
    h.persons,
    personSchema,
    (r, i) => recordName('person', r, 'id', i),
    issues,
  )) {
    if (personIds.has(value.id)) issues.push({ record, field: 'id', reason: 'is used by another person' });
    personIds.add(value.id);
    const facts: PersonFact[] = [];
    const factIds = new Set<string>();
    for (const f of value.facts) {
      const p = parsePersonFact(f, `${record}, `);
      if (!p.ok) {
        issues.push(...p.issues);
        continue;
      }
      const fact = p.value;
      if (factIds.has(fact.id))
        issues.push({
          record: `${record}, fact "${fact.id}"`,
          field: 'id',
          reason: 'is used by another fact of this person',
        });
      factIds.add(fact.id);
      if (fact.type === 'tps' && !designations.has(fact.designation)) {
        issues.push({
          record: `${record}, fact "${fact.id}"`,
          field: 'designation',
          reason: `unknown designation "${fact.designation}": no tps_designation record in the instance${h.reference === 'builtin' ? ' or the reference data' : ' (reference is "none")'}`,
        });
      }
      facts.push(fact);
    }
    persons.push({ id: value.id, value: value.value, facts });
  }

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      knownAt: h.knownAt,
      noticeDays: h.noticeDays,
      reference: h.reference,
      program: fullProgram,
      airports,
      transfers,
      flights,
      persons,
    },
  };
}

/** Parses the text of an instance file. */
export function parsePlanInstance(text: string, builtin: readonly ProgramFact[]): Parsed<PlanInstance> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      issues: [
        { record: 'instance file', field: '-', reason: `malformed JSON: ${(error as Error).message}` },
      ],
    };
  }
  return parsePlanInstanceValue(raw, builtin);
}

const DAY_FIELDS: ReadonlySet<string> = new Set(['from', 'through', 'servedOn', 'resolvedOn']);
const INSTANT_FIELDS: ReadonlySet<string> = new Set(['recordedAt', 'retractedAt']);

/** A domain fact in its interchange form: day numbers as dates, instants as ISO text, no open `through`. */
export function factJson(fact: Fact): FactJson {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fact)) {
    if (value === undefined || value === null) continue;
    if (DAY_FIELDS.has(key) && typeof value === 'number') out[key] = formatDay(value);
    else if (INSTANT_FIELDS.has(key) && typeof value === 'number') out[key] = formatInstant(value);
    else out[key] = value;
  }
  return out;
}

/**
 * An instance in its interchange form, the inverse of {@link parsePlanInstanceValue}. With
 * `reference: builtin`, the built-in facts (`builtin`) are left out of `program`, as they
 * were never part of the file.
 */
export function planInstanceJson(
  instance: PlanInstance,
  builtin: readonly ProgramFact[] = [],
): PlanInstanceJson {
  const shipped = new Set(instance.reference === 'builtin' ? builtin : []);
  return {
    knownAt: formatInstant(instance.knownAt),
    noticeDays: instance.noticeDays,
    reference: instance.reference,
    program: instance.program.filter((f) => !shipped.has(f)).map(factJson),
    airports: instance.airports.map((a) => ({ code: a.code, country: a.country })),
    transfers: instance.transfers.map((t) => ({ facility: t.facility, airport: t.airport, cost: t.cost })),
    flights: instance.flights.map((f) => ({
      id: f.id,
      date: formatDay(f.date),
      origin: f.origin,
      destination: f.destination,
      seats: f.seats,
    })),
    persons: instance.persons.map((p) => ({ id: p.id, value: p.value, facts: p.facts.map(factJson) })),
  };
}
