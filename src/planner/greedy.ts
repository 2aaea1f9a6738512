/**
 * The greedy baseline the optimiser is measured against: the most valuable unit first, each
 * on the cheapest flight it may board that still has a seat and room under the week's cap
 * and on which it gains something. It keeps every rule; it just does not look ahead.
 */
import type { Loading } from './loading.js';

export function greedyByValue(loading: Loading): void {
  const order = loading.units
    .map((_, u) => u)
    .sort((a, b) => loading.units[b]!.value - loading.units[a]!.value || a - b);
  for (const u of order) {
    const unit = loading.units[u]!;
    const choices = unit.flights
      .map((f, i) => ({ f, cost: unit.costs[i]! }))
      .filter((c) => c.cost < unit.value);
    choices.sort((a, b) => a.cost - b.cost || a.f - b.f);
    for (const c of choices) {
      if (loading.canAdd(u, c.f)) {
        loading.add(u, c.f);
        break;
      }
    }
  }
}
