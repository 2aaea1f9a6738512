/** What SQLite's "database is locked" (SQLITE_BUSY) means here, in words a user can act on. */
export const STORE_BUSY =
  'the store is busy: another process is writing to it alone (an all-or-nothing import does until it ends); try again when it has finished';

/** Whether `error` is SQLite's SQLITE_BUSY (another connection holds the lock needed). */
export const isBusy = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY';
