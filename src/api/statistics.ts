/**
 * Removability counts by destination country, person by person with the one-person
 * decision, exactly as `repatria status` counts them.
 *
 * Note: the population sweep (src/sweep) will answer this in one pass over packed fact rows;
 * when it lands, the composition root can pass a `StatisticsService` built on it instead,
 * with no change to the API. Until then a request costs one decision per person, and the
 * event loop yields between pages so that other requests are served meanwhile.
 */
import type { BlockerCode } from '../domain/blockers.js';
import type { Day, Instant } from '../domain/dates.js';
import { decideWith } from '../domain/decision.js';
import type { FactStore } from '../domain/ports.js';
import type { ProgramSource, RemovabilityStatistics, StatisticsService } from './services.js';

const PAGE = 2000;

interface Counts {
  people: number;
  removable: number;
  blockers: Partial<Record<BlockerCode, number>>;
}

const empty = (): Counts => ({ people: 0, removable: 0, blockers: {} });

export function personByPersonStatistics(
  store: Pick<FactStore, 'people'>,
  program: ProgramSource,
): StatisticsService {
  return {
    async removability(on: Day, knownAt: Instant): Promise<RemovabilityStatistics> {
      const view = await program.viewAt(knownAt);
      const byCountry = new Map<string, Counts>();
      const total = empty();
      for await (const page of store.people(PAGE)) {
        for (const person of page) {
          const d = decideWith(person, view, { on, knownAt });
          const key = d.destination ?? '??';
          let c = byCountry.get(key);
          if (c === undefined) {
            c = empty();
            byCountry.set(key, c);
          }
          for (const counts of [c, total]) {
            counts.people += 1;
            if (d.removable) counts.removable += 1;
            for (const b of d.blockers) counts.blockers[b.code] = (counts.blockers[b.code] ?? 0) + 1;
          }
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const countries = [...byCountry.entries()]
        .sort((a, b) => b[1].people - a[1].people || (a[0] < b[0] ? -1 : 1))
        .map(([country, c]) => ({ country, ...c }));
      return { on, knownAt, countries, total };
    },
  };
}
