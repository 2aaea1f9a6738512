/**
 * The store holds the programme facts it decides with, including the product's reference
 * TPS designations: commands that write make sure they are recorded (idempotent by id).
 */
import type { Actor, FactStore } from '../domain/ports.js';
import { builtinProgram } from '../reference/builtin-program.js';

export const CLI_ACTOR: Actor = { id: 'cli', role: 'admin' };
export const REFERENCE_ACTOR: Actor = { id: 'reference-data', role: 'admin' };

export async function seedReference(store: FactStore): Promise<void> {
  await store.recordProgramFacts(builtinProgram(), REFERENCE_ACTOR);
}
