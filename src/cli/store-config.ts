/** Which store a command uses: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
import { openStore } from '../store/open-store.js';

export interface StoreConfig {
  readonly dbPath: string;
  readonly databaseUrl?: string | undefined;
}

export type OpenedStore = Awaited<ReturnType<typeof openStore>>;

/** Opens the store, runs `work`, and always closes it. */
export async function withStore<T>(config: StoreConfig, now: () => number, work: (store: OpenedStore) => Promise<T>): Promise<T> {
  const store = await openStore({ dbPath: config.dbPath, databaseUrl: config.databaseUrl, clock: now });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
