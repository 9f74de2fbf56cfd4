import { promisifyRequest, type UseStore } from 'idb-keyval';

/** An idb-keyval store function that also lets its owner drop the connection (to reopen it once). */
export interface OwnedStore {
  use: UseStore;
  /** Forgets the connection; the next use opens a new one. */
  reset(): void;
}

/**
 * Like idb-keyval's `createStore`, with two differences the delivery contract needs:
 * - once the database is open, a transaction starts synchronously in the caller's task (not a microtask
 *   later), so writes made in `pagehide` start before the page can die;
 * - read-write transactions are committed explicitly with `IDBTransaction.commit()` as soon as the
 *   callback has issued its requests; left to auto-commit, writes of a dying page are often lost.
 *
 * @see https://developer.mozilla.org/docs/Web/API/IDBTransaction/commit
 */
/**
 * An open that has neither succeeded nor failed by then is treated as failed, so the queue's
 * reopen-then-memory fallback runs instead of every send waiting forever (Safari has had releases
 * whose first `indexedDB.open` of a page never answered).
 */
export const OPEN_TIMEOUT_MS = 5_000;

export function ownedStore(dbName: string, storeName: string): OwnedStore {
  let db: IDBDatabase | undefined;
  let opening: Promise<IDBDatabase> | undefined;

  const open = (): Promise<IDBDatabase> => {
    if (!opening) {
      const request = indexedDB.open(dbName);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      const result = promisifyRequest(request);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          // A late success must not leave a connection open that blocks later opens and upgrades.
          result.then(
            (late) => late.close(),
            () => {},
          );
          reject(new Error('IndexedDB open timed out'));
        }, OPEN_TIMEOUT_MS);
      });
      opening = Promise.race([result, timeout]).then(
        (opened) => {
          clearTimeout(timer);
          db = opened;
          // Safari sometimes closes connections on its own; forget it so the next use reopens.
          opened.onclose = () => reset();
          // Another page upgrading or deleting the database: step aside instead of blocking it forever.
          opened.onversionchange = () => reset();
          return opened;
        },
        (error) => {
          clearTimeout(timer);
          opening = undefined;
          throw error;
        },
      );
    }
    return opening;
  };
  const reset = (): void => {
    try {
      db?.close();
    } catch {
      // already closed
    }
    db = undefined;
    opening = undefined;
  };
  const run = <T>(
    opened: IDBDatabase,
    mode: IDBTransactionMode,
    callback: (store: IDBObjectStore) => T | PromiseLike<T>,
  ): T | PromiseLike<T> => {
    const tx = opened.transaction(storeName, mode);
    const result = callback(tx.objectStore(storeName));
    if (mode === 'readwrite') tx.commit?.();
    return result;
  };
  const use: UseStore = (mode, callback) => {
    try {
      if (db) return Promise.resolve(run(db, mode, callback));
      return open().then((opened) => run(opened, mode, callback));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return { use, reset };
}
