/** Messages between the API server and its population thread (population-thread.ts). */
import type { ErrorCode } from '../domain/errors.js';
import type { PopulationService } from './population.js';

export type PopulationRequest =
  | { readonly id: number; readonly seq: number; readonly method: 'sweep'; readonly args: Parameters<PopulationService['sweep']> }
  | { readonly id: number; readonly seq: number; readonly method: 'timeline'; readonly args: Parameters<PopulationService['timeline']> };

export type PopulationReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: { readonly message: string; readonly code: ErrorCode | undefined } };
