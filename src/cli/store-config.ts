/** Which store a command uses: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
import { openStore } from '../store/open-store.js';

export interface StoreConfig {
  readonly dbPath: string;
  readonly databaseUrl?: string | undefined;
}

export type OpenedStore = Awaited<ReturnType<typeof openStore>>;

/**
 * Opens a store that is already there, runs `work`, and always closes it. A SQLite path with
 * no file is refused (NOT_FOUND, exit 2): opening it would create an empty store, and a
 * mistyped `--db` would be answered as if the store were empty and leave the file behind.
 */
export function withStore<T>(
  config: StoreConfig,
  now: () => number,
  work: (store: OpenedStore) => Promise<T>,
): Promise<T> {
  return opened(config, now, false, work);
}

/**
 * As `withStore`, but creates the store when there is none: only for the commands the README
 * documents as filling a store (`demo`, `import`, and `user add`, which makes the first admin).
 */
export function withNewOrExistingStore<T>(
  config: StoreConfig,
  now: () => number,
  work: (store: OpenedStore) => Promise<T>,
): Promise<T> {
  return opened(config, now, true, work);
}

async function opened<T>(
  config: StoreConfig,
  now: () => number,
  create: boolean,
  work: (store: OpenedStore) => Promise<T>,
): Promise<T> {
  const store = await openStore({
    dbPath: config.dbPath,
    databaseUrl: config.databaseUrl,
    clock: now,
    create,
  });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
