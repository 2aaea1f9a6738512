/**
 * `repatria plan --from D --to D` (plan from the store and save draft manifests) and
 * `repatria plan export-instance --from D --to D --out FILE` (the store's problem as an
 * instance file of spec/plan-instance.md), through src/application/planning.ts.
 */
import { writeFileSync } from 'node:fs';
import { exportInstance, planFromStore, type StorePlan } from '../../application/planning.js';
import { formatDay, formatInstant, type Day } from '../../domain/dates.js';
import { loadSolver } from '../../planner/highs-solver.js';
import { UsageError } from '../exit.js';
import type { CliIo } from '../io.js';
import type { ActingOptions } from '../operations-commands.js';
import type { CliDeps } from '../program.js';
import type { StoreConfig } from '../store-config.js';
import { renderTable } from '../table.js';
import { instantOption } from '../options.js';
import { dateOption, withOperations } from './operations-context.js';

export interface StorePlanOptions {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly knownAt?: string | undefined;
  readonly db?: string | undefined;
  readonly as?: string | undefined;
  readonly role?: string | undefined;
  readonly format?: string | undefined;
  readonly dryRun?: boolean | undefined;
  readonly out?: string | undefined;
}

/** Plans run as a planner unless told otherwise. */
const DEFAULT_ACTOR = 'planner';

function window(opts: StorePlanOptions, command: string, now: number): { from: Day; to: Day; knownAt: number } {
  if (opts.from === undefined || opts.to === undefined)
    throw new UsageError(`${command} needs --from DATE and --to DATE (the first and last flight date)`);
  const from = dateOption('--from', opts.from);
  const to = dateOption('--to', opts.to);
  if (to < from) throw new UsageError(`option --to: ${opts.to} is before --from ${opts.from}`);
  return { from, to, knownAt: instantOption('--known-at', opts.knownAt, now) };
}

const acting = (opts: StorePlanOptions): ActingOptions => ({
  as: opts.as ?? DEFAULT_ACTOR,
  role: opts.role ?? 'planner',
  db: opts.db,
});

const ratio = (objective: number, bound: number): number | null => (bound > 0 ? objective / bound : null);
const money = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** ISO week label: `2025-W23`. */
function isoWeekLabel(monday: Day): string {
  const thursday = monday + 3;
  const year = Number(formatDay(thursday).slice(0, 4));
  const jan4 = Date.UTC(year, 0, 4) / 86_400_000;
  const week1Monday = jan4 - ((((jan4 + 3) % 7) + 7) % 7);
  return `${year}-W${String(Math.floor((monday - week1Monday) / 7) + 1).padStart(2, '0')}`;
}

/** The plan as JSON: what the API returns too, with dates as ISO text. */
export function storePlanJson(result: StorePlan): Record<string, unknown> {
  const reasons: Record<string, number> = {};
  for (const u of result.plan.unassigned) for (const r of u.reasons) reasons[r] = (reasons[r] ?? 0) + 1;
  return {
    from: formatDay(result.from),
    to: formatDay(result.to),
    knownAt: formatInstant(result.knownAt),
    method: result.stats.method,
    persons: result.instance.persons.length,
    assigned: result.plan.assignments.length,
    objective: result.plan.objective,
    bound: result.plan.bound,
    objectiveOverBound: ratio(result.plan.objective, result.plan.bound),
    saved: result.saved,
    flights: result.flights.map((f) => ({
      id: f.id,
      date: formatDay(f.date),
      origin: f.origin,
      destination: f.destination,
      country: f.country,
      suppliedBy: f.suppliedBy,
      seats: f.seats,
      seatsUsed: f.seatsUsed,
      manifestId: f.manifestId,
    })),
    caps: result.caps.map((c) => ({
      country: c.country,
      week: isoWeekLabel(c.week),
      weekOf: formatDay(c.week),
      cap: c.cap,
      used: c.used,
    })),
    unassignedByReason: reasons,
  };
}

export function storePlanText(result: StorePlan): string {
  const { plan } = result;
  const r = ratio(plan.objective, plan.bound);
  const reasons = new Map<string, number>();
  for (const u of plan.unassigned) for (const x of u.reasons) reasons.set(x, (reasons.get(x) ?? 0) + 1);
  const saved = result.flights.filter((f) => f.manifestId !== null).length;
  return [
    `plan ${formatDay(result.from)} to ${formatDay(result.to)} as known at ${formatInstant(result.knownAt)} (${result.stats.method}): ` +
      `assigned ${plan.assignments.length.toLocaleString('en-US')} of ${result.instance.persons.length.toLocaleString('en-US')} persons in custody; ` +
      `objective ${money(plan.objective)}, bound ${money(plan.bound)}, objective/bound ${r === null ? '-' : r.toFixed(4)}\n`,
    result.saved
      ? `saved ${saved} draft manifest${saved === 1 ? '' : 's'}\n\n`
      : 'no manifest saved\n\n',
    'Seats used per flight\n',
    renderTable(
      ['flight', 'date', 'route', 'country', 'supplied by', 'used/seats', 'manifest'],
      result.flights.map((f) => [
        f.id,
        formatDay(f.date),
        `${f.origin}-${f.destination}`,
        f.country,
        f.suppliedBy,
        `${f.seatsUsed}/${f.seats}`,
        f.manifestId ?? '-',
      ]),
    ),
    '\nWeekly cap used per country and ISO week (weeks with people flown)\n',
    renderTable(
      ['country', 'week', 'week of', 'used/cap'],
      result.caps.map((c) => [c.country, isoWeekLabel(c.week), formatDay(c.week), `${c.used}/${c.cap ?? 'none'}`]),
    ),
    '\nUnassigned persons by reason\n',
    renderTable(
      ['reason', 'persons'],
      [...reasons.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    ),
  ].join('');
}

export async function runPlanFromStore(opts: StorePlanOptions, deps: CliDeps, store: StoreConfig): Promise<void> {
  const io: CliIo = deps.io;
  const format = opts.format ?? 'table';
  if (format !== 'table' && format !== 'json')
    throw new UsageError(`option --format: "${format}" is not one of table, json`);
  const w = window(opts, 'plan', io.now());
  await withOperations(acting(opts), deps, store, async (ops, actor, opsStore, config) => {
    const result = await planFromStore(
      { store: opsStore, operations: ops, clock: io.now, config, solver: loadSolver },
      actor,
      { ...w, save: opts.dryRun !== true },
    );
    io.out(format === 'json' ? `${JSON.stringify(storePlanJson(result), null, 2)}\n` : storePlanText(result));
  });
}

export async function runExportInstance(opts: StorePlanOptions, deps: CliDeps, store: StoreConfig): Promise<void> {
  if (opts.out === undefined) throw new UsageError('plan export-instance needs --out FILE');
  const out = opts.out;
  const w = window(opts, 'plan export-instance', deps.io.now());
  await withOperations(acting(opts), deps, store, async (_ops, actor, opsStore, config) => {
    const { instance, json } = await exportInstance({ store: opsStore, clock: deps.io.now, config }, actor, w);
    writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
    deps.io.out(
      `instance: ${instance.flights.length} flights, ${instance.persons.length.toLocaleString('en-US')} persons, ` +
        `${instance.transfers.length} transfers, as known at ${formatInstant(instance.knownAt)}; written to ${out}\n`,
    );
  });
}
