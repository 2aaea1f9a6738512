/**
 * The programme as known at an instant, for deciding people one request at a time.
 *
 * Programme facts are few and change rarely, but every decision reads them. They are read
 * again only when the store's last event seq has moved, so writes by other processes (an
 * import, another server) are seen at once, and the prepared view of the latest few
 * `knownAt` instants is kept. The caller may give the seq it has just read (the decision
 * route reads it in the same statement as the person); otherwise it is read here, one
 * indexed lookup.
 */
import { programView, type ProgramView } from '../domain/context.js';
import type { Instant } from '../domain/dates.js';
import type { ProgramFact } from '../domain/facts.js';
import type { FactStore } from '../domain/ports.js';
import type { ProgramSource } from './services.js';

/** Views kept per programme version: the instants asked about most (explicit `knownAt`s). */
const VIEWS_KEPT = 32;

export function cachedProgram(store: Pick<FactStore, 'programFacts' | 'lastSeq'>): ProgramSource {
  let loaded: { readonly seq: number; readonly facts: readonly ProgramFact[] } | undefined;
  const views = new Map<Instant, ProgramView>();
  return {
    async viewAt(knownAt, lastSeq) {
      // The seq is read before the facts, so the facts are never older than the seq they are kept under.
      const seq = lastSeq ?? (await store.lastSeq());
      if (loaded?.seq !== seq) {
        loaded = { seq, facts: await store.programFacts() };
        views.clear();
      }
      let view = views.get(knownAt);
      if (view === undefined) {
        view = programView(loaded.facts, knownAt);
        if (views.size >= VIEWS_KEPT) views.delete(views.keys().next().value!);
        views.set(knownAt, view);
      }
      return view;
    },
  };
}
