/** Messages between the API server and its population thread (population-thread.ts). */
import type { ErrorCode } from '../domain/errors.js';
import type { PopulationService } from './population.js';

/** What every request carries besides its question: the store as the server read it. */
interface StoreState {
  readonly id: number;
  /** The store's last event seq. */
  readonly seq: number;
  /** For a sweep that counts them apart, people returned as known at its `knownAt`: person id and day of return. */
  readonly returns: readonly (readonly [string, number])[];
}

export type PopulationRequest = StoreState &
  (
    | { readonly method: 'sweep'; readonly args: Parameters<PopulationService['sweep']> }
    | { readonly method: 'timeline'; readonly args: Parameters<PopulationService['timeline']> }
  );

export type PopulationReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: { readonly message: string; readonly code: ErrorCode | undefined } };
