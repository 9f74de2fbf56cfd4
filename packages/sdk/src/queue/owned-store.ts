/** An IndexedDB object store its owner can use and drop (to reopen the connection once). */
export interface OwnedStore {
  /** Runs `callback` in a transaction on the store; resolves with what it returns. */
  use<T>(mode: IDBTransactionMode, callback: (store: IDBObjectStore) => T | PromiseLike<T>): Promise<T>;
  /** Forgets the connection; the next use opens a new one. */
  reset(): void;
}

/**
 * An open that has neither succeeded nor failed by then is treated as failed, so the queue's
 * reopen-then-memory fallback runs instead of every send waiting forever (Safari has had releases
 * whose first `indexedDB.open` of a page never answered).
 */
export const OPEN_TIMEOUT_MS = 5_000;

/**
 * Like idb-keyval's `createStore`, with two differences the delivery contract needs:
 * - once the database is open, a transaction starts synchronously in the caller's task (not a microtask
 *   later), so writes made in `pagehide` start before the page can die;
 * - read-write transactions are committed explicitly with `IDBTransaction.commit()` as soon as the
 *   callback has issued its requests; left to auto-commit, writes of a dying page are often lost.
 *
 * @see https://developer.mozilla.org/docs/Web/API/IDBTransaction/commit
 */
export function ownedStore(dbName: string, storeName: string): OwnedStore {
  let db: IDBDatabase | undefined;
  let opening: Promise<IDBDatabase> | undefined;

  const reset = (): void => {
    try {
      db?.close();
    } catch {
      // already closed
    }
    db = opening = undefined;
  };
  const open = (): Promise<IDBDatabase> =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      const timer = setTimeout(() => {
        // A late success must not leave a connection open that blocks later opens and upgrades.
        request.onsuccess = () => request.result.close();
        reject(new Error('IndexedDB open timed out'));
      }, OPEN_TIMEOUT_MS);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        clearTimeout(timer);
        const opened = (db = request.result);
        // Safari sometimes closes connections on its own, and another page may upgrade or delete the
        // database: forget the connection (stepping aside), so the next use reopens.
        opened.onclose = opened.onversionchange = reset;
        resolve(opened);
      };
    }).catch((error) => {
      opening = undefined;
      throw error;
    }));
  return {
    use: (mode, callback) => {
      const run = (opened: IDBDatabase) => {
        const tx = opened.transaction(storeName, mode);
        const result = callback(tx.objectStore(storeName));
        if (mode === 'readwrite') tx.commit?.();
        return result;
      };
      // A Promise executor runs synchronously: once the database is open, the transaction starts in
      // this task; and a throw becomes a rejection.
      return new Promise((resolve) => resolve(db ? run(db) : open().then(run)));
    },
    reset,
  };
}
