/**
 * Who has been returned, as known at an instant: the people that `repatria status`, the
 * statistics and the dashboard's queue count as returned rather than as removable or blocked.
 */
import type { Instant } from '../domain/dates.js';
import { returns, type PersonReturn } from '../domain/manifest/manifest.js';
import type { OperationsStore } from './ports.js';

export async function returnsKnownAt(store: OperationsStore, knownAt: Instant): Promise<Map<string, PersonReturn>> {
  return returns(await store.transaction('read', (tx) => tx.departedManifestsWith('all', knownAt)));
}
