/** Opens the store and the application services for one command, as the acting user. */
import { randomUUID } from 'node:crypto';
import { acting, type Acting } from '../../application/authorize.js';
import { operationsConfig, type OperationsConfig } from '../../application/config.js';
import { operations, type Operations } from '../../application/operations.js';
import type { OperationsStore } from '../../application/ports.js';
import { parseDay, type Day } from '../../domain/dates.js';
import { operationsStore } from '../../store/operations-store.js';
import { UsageError } from '../exit.js';
import type { ActingOptions } from '../operations-commands.js';
import type { CliDeps } from '../program.js';
import { withStore, type StoreConfig } from '../store-config.js';

export async function withOperations<T>(
  opts: ActingOptions,
  deps: CliDeps,
  store: StoreConfig,
  work: (ops: Operations, actor: Acting, store: OperationsStore, config: OperationsConfig) => Promise<T>,
): Promise<T> {
  const actor = acting(opts.as, opts.role);
  const config = operationsConfig(deps.env);
  return withStore(store, deps.io.now, (opened) => {
    const opsStore = operationsStore(opened);
    return work(
      operations({ store: opsStore, clock: deps.io.now, newId: randomUUID, config }),
      actor,
      opsStore,
      config,
    );
  });
}

export function dateOption(name: string, text: string): Day {
  const day = parseDay(text);
  if (day === undefined)
    throw new UsageError(`option ${name}: "${text}" is not a real calendar date (YYYY-MM-DD)`);
  return day;
}

/** `a,b, c` → `['a','b','c']`; absent → `[]`. */
export const idList = (text: string | undefined): string[] =>
  text === undefined
    ? []
    : text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
