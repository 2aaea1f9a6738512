/** `repatria status --on DATE [--known-at INSTANT]`: per country, removable people and blockers. */
import { BLOCKER_CODES, type BlockerCode } from '../../domain/blockers.js';
import { programView } from '../../domain/context.js';
import { formatDay, formatInstant } from '../../domain/dates.js';
import { decideWith } from '../../domain/decision.js';
import type { CliIo } from '../io.js';
import { dayOption, instantOption, today } from '../options.js';
import { withStore, type StoreConfig } from '../store-config.js';
import { renderTable } from '../table.js';

interface CountryCounts {
  people: number;
  removable: number;
  blockers: Partial<Record<BlockerCode, number>>;
}

export async function runStatus(
  opts: { on?: string | undefined; knownAt?: string | undefined; store: StoreConfig },
  io: CliIo,
): Promise<void> {
  const now = io.now();
  const on = dayOption('--on', opts.on, today(now));
  const knownAt = instantOption('--known-at', opts.knownAt, now);
  const byCountry = new Map<string, CountryCounts>();
  await withStore(opts.store, io.now, async (store) => {
    const program = programView(await store.programFacts(), knownAt);
    for await (const page of store.people(5000)) {
      for (const person of page) {
        const d = decideWith(person, program, { on, knownAt });
        const key = d.destination ?? '??';
        const c = byCountry.get(key) ?? { people: 0, removable: 0, blockers: {} };
        c.people += 1;
        if (d.removable) c.removable += 1;
        for (const b of d.blockers) c.blockers[b.code] = (c.blockers[b.code] ?? 0) + 1;
        byCountry.set(key, c);
      }
    }
  });
  const used = BLOCKER_CODES.filter((code) => [...byCountry.values()].some((c) => (c.blockers[code] ?? 0) > 0));
  const countries = [...byCountry.entries()].sort((a, b) => b[1].people - a[1].people);
  const total: CountryCounts = { people: 0, removable: 0, blockers: {} };
  for (const [, c] of countries) {
    total.people += c.people;
    total.removable += c.removable;
    for (const code of used) total.blockers[code] = (total.blockers[code] ?? 0) + (c.blockers[code] ?? 0);
  }
  const row = (name: string, c: CountryCounts): (string | number)[] => [name, c.people, c.removable, ...used.map((code) => c.blockers[code] ?? 0)];
  io.out(`Removability on ${formatDay(on)} as known at ${formatInstant(knownAt)}\n\n`);
  io.out(renderTable(['country', 'people', 'removable', ...used], [...countries.map(([k, c]) => row(k, c)), row('ALL', total)]));
}
