/**
 * A DataLoader that gathers the calls made in one turn of the event loop and runs them
 * together on the next, remembering nothing: each turn sees the store as it is then.
 *
 * A turn rather than DataLoader's default (the current promise jobs): under load the
 * requests read in one poll of the sockets each reach the store in a callback of their own,
 * and the point is to serve them with one statement.
 */
import DataLoader from 'dataloader';

export function perTurn<K, V>(
  batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
  maxBatchSize = Infinity,
): DataLoader<K, V> {
  return new DataLoader(batch, {
    cache: false,
    batchScheduleFn: (run) => setImmediate(run),
    maxBatchSize,
  });
}
