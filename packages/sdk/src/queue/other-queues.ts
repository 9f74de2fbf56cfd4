import { QUEUE_DB_NAME } from './idb-queue.js';

/**
 * Deletes every queue database of this site but `keep`: the queues of the collector URLs it used before
 * (an endpoint or write key changed since) still hold the visitor's events, and a denial removes what was
 * stored. Best effort: where `indexedDB.databases()` is missing (Firefox before 126) nothing is found.
 * A database another tab holds open is deleted once that tab closes it (its queue closes on
 * `versionchange`).
 */
export async function deleteOtherQueues(keep: string): Promise<void> {
  try {
    for (const { name } of await indexedDB.databases())
      if (name !== keep && name?.startsWith(`${QUEUE_DB_NAME} `)) indexedDB.deleteDatabase(name);
  } catch {
    // no IndexedDB here, or no databases(): nothing to find
  }
}
