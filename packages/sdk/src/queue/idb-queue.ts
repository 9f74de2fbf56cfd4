import { promisifyRequest } from 'idb-keyval';
import { DELIVERY_ONLY } from '../build-flags.js';
import {
  headWithin,
  utf8Length,
  type EventQueue,
  type QueueLimits,
  type QueuedEvent,
} from './event-queue.js';

/**
 * IndexedDB names of the queue. The tracker's database is `touchpoint <collector URL>`: one queue per
 * collector, shared by the site's tabs.
 */
export const QUEUE_DB_NAME = 'touchpoint';
export const QUEUE_STORE_NAME = 'queue';

/**
 * Writes made within this window share one transaction. The window is short because the delivery
 * contract needs the event on disk before the page can die; `pagehide` and hidden pages write at once.
 */
export const WRITE_COALESCE_MS = 50;

/**
 * An open that has neither succeeded nor failed by then is treated as failed, so the reopen-then-memory
 * fallback runs instead of every send waiting forever (Safari has had releases whose first
 * `indexedDB.open` of a page never answered).
 */
export const OPEN_TIMEOUT_MS = 5_000;

export interface IdbQueueOptions extends QueueLimits {
  /** The database; always given unless the queue is in `memory` (the tracker's is `touchpoint <collector URL>`). */
  dbName?: string;
  /** Told when the queue falls back to memory or drops events. */
  report?: (kind: string, detail?: unknown) => void;
}

/**
 * The event queue (IndexedDB keys: event ids, values: event JSON). One in-memory index of what this tab
 * knows is queued (its own events plus the last read), mirrored to IndexedDB. `add` is synchronous and
 * lands in a write-ahead buffer that is written in one transaction per short window (a burst of 1,000
 * events is one transaction). Any failure reopens the database once; a second failure stops the
 * mirroring, so the index with every known event serves all calls, and reports `storage-fallback`.
 * With `memory` the index never mirrors: that is the memory queue.
 */
export function createIdbQueue(options: IdbQueueOptions, memory?: boolean): EventQueue {
  const { maxEvents, maxBytes, report = () => {} } = options;
  // Oldest first by id (uuid v7), and their total size, kept up to date so that an add does not walk them.
  let items: QueuedEvent[] = [];
  let bytes = 0;
  let dropped = 0;
  // Writes not started yet, in order: a put (id and JSON) or a delete (id only).
  let writes: Array<[id: string, json?: string]> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<unknown> = Promise.resolve();
  // Events added while a take() reads the database (they may be missing from its snapshot); a clear()
  // during the read ends the collection.
  let addedDuringRead: QueuedEvent[] | undefined;

  const fallBack = (cause: unknown): void => {
    if (!memory) {
      memory = true;
      report('storage-fallback', { reason: `${(cause as Error)?.message ?? cause}`, cause });
    }
  };
  try {
    // Missing, reading `indexedDB` throws a ReferenceError; in some contexts it throws a SecurityError
    // (Firefox with cookies blocked). (Where it is null, the first transaction fails instead.)
    memory || indexedDB;
  } catch (cause) {
    fallBack(cause);
  }

  let db: IDBDatabase | undefined;
  let opening: Promise<IDBDatabase> | undefined;
  // clear() deletes the database. `clears` counts them: what began before one (a transaction, an open)
  // belongs to the database being deleted, and must neither carry on in the next one nor hand it a
  // connection. `deleted`: nothing opens the database again until an event is added.
  let clears = 0;
  let deleted: boolean | undefined;
  /** Forgets the connection (the next transaction opens a new one). */
  const reset = (): void => {
    db?.close();
    db = opening = undefined;
  };
  const open = (): Promise<IDBDatabase> =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const epoch = clears;
      const request = indexedDB.open(options.dbName!);
      const timer = setTimeout(() => {
        // A late success must not leave a connection open that blocks later opens and upgrades.
        request.onsuccess = () => request.result.close();
        reject(new Error('IndexedDB open timed out'));
      }, OPEN_TIMEOUT_MS);
      request.onupgradeneeded = () => request.result.createObjectStore(QUEUE_STORE_NAME);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        clearTimeout(timer);
        if (!DELIVERY_ONLY && epoch !== clears)
          return (request.result.close(), reject(new Error('IndexedDB database deleted')));
        const opened = (db = request.result);
        // Safari sometimes closes connections on its own, and another page may upgrade or delete the
        // database: forget the connection (stepping aside), so the next use reopens.
        opened.onclose = opened.onversionchange = reset;
        resolve(opened);
      };
    }));

  /**
   * Runs `op` in a transaction and resolves with what it returns. Unlike idb-keyval's `createStore`:
   * - once the database is open, the transaction starts synchronously in the caller's task (not a
   *   microtask later), so writes made in `pagehide` start before the page can die;
   * - it is committed explicitly with `IDBTransaction.commit()` as soon as `op` has issued its requests;
   *   left to auto-commit, writes of a dying page are often lost.
   * A failure resets the connection and retries once (the failed open is forgotten with it), then falls
   * back to memory (undefined).
   *
   * @see https://developer.mozilla.org/docs/Web/API/IDBTransaction/commit
   */
  const attempt = async <T>(
    mode: IDBTransactionMode,
    op: (s: IDBObjectStore) => T | PromiseLike<T>,
  ): Promise<T | undefined> => {
    const run = (opened: IDBDatabase): T | PromiseLike<T> => {
      const tx = opened.transaction(QUEUE_STORE_NAME, mode);
      const result = op(tx.objectStore(QUEUE_STORE_NAME));
      tx.commit();
      return result;
    };
    const epoch = clears;
    const gone = (): boolean | undefined => !DELIVERY_ONLY && (deleted || epoch !== clears);
    for (let retry = false; !memory && !gone(); retry = true) {
      try {
        // A Promise executor runs synchronously: once the database is open, the first try starts in the
        // caller's task (settle relies on it); and a throw becomes a rejection.
        return await new Promise<T>((resolve) => resolve(db ? run(db) : open().then(run)));
      } catch (cause) {
        // Failed because a clear() came since: stop, and leave the connection of the next database be.
        if (gone()) break;
        if (retry) fallBack(cause);
        else reset();
      }
    }
  };
  /** A read-write transaction, resolved once committed. */
  const change = (op: (s: IDBObjectStore) => void) =>
    attempt('readwrite', (s) => (op(s), promisifyRequest(s.transaction)));

  const write = (): void => {
    // Called early (settle), the window's timer must go too, or it writes again and a second one starts.
    clearTimeout(timer);
    timer = undefined;
    const pending = writes;
    writes = [];
    if (pending.length) {
      // In order: an event dropped before its write is put and deleted in the same transaction.
      const done = change((s) => {
        for (const [id, json] of pending) json ? s.put(json, id) : s.delete(id);
      });
      writing = writing.then(() => done);
    }
  };
  /** One transaction per short window, not per event; unload and take() write at once (settle). */
  const soon = (): void => void (timer ??= setTimeout(write, WRITE_COALESCE_MS));
  const weigh = (): void => void (bytes = items.reduce((sum, item) => sum + item.bytes, 0));

  /**
   * Drops the oldest events until both limits hold (an empty queue weighs 0 bytes, so this stops),
   * counts and reports them, and deletes them from the database too: a long offline spell cannot grow it.
   */
  const trim = (): void => {
    let n = 0;
    while (items.length - n > maxEvents || bytes > maxBytes) bytes -= items[n++]!.bytes;
    if (n) {
      dropped += n;
      for (const old of items.splice(0, n)) writes.push([old.id]);
      report('queue-full', { dropped: n });
    }
    soon();
  };

  const queue: EventQueue = {
    kind: () => (memory ? 'memory' : 'indexeddb'),
    add(item) {
      if (!DELIVERY_ONLY) deleted = false;
      items.push(item);
      bytes += item.bytes;
      writes.push([item.id, item.json]);
      addedDuringRead?.push(item);
      trim();
    },
    async take(maxEvents, maxBytes) {
      // From here on, events added are collected: the snapshot read below may miss them.
      const added: QueuedEvent[] = (addedDuringRead = []);
      await queue.settle();
      const read = await attempt('readonly', (s) =>
        Promise.all([promisifyRequest(s.getAllKeys()), promisifyRequest(s.getAll())]),
      );
      // A clear() during the read (consent denied) wins: its snapshot must not bring the events back.
      if (addedDuringRead !== added) return [];
      addedDuringRead = undefined;
      // Without the database (now or before), the index is the queue.
      if (!read) return headWithin(items, maxEvents, maxBytes);
      // The index becomes the stored events (from every tab and earlier pages), trimmed to the limits.
      const [ids, values] = read as [string[], string[]];
      const stored = new Set(ids);
      items = ids.map((id, i) => ({ id, json: values[i]!, bytes: utf8Length(values[i]!) }));
      // Events added during the read are this tab's and still queued (their write may be pending or may
      // fail over to memory): the snapshot must not make this tab forget them.
      for (const item of added) if (!stored.has(item.id)) items.push(item);
      weigh();
      trim();
      // Only stored events are sent: one added during the read may not be written yet.
      return headWithin(items, maxEvents, maxBytes).filter((item) => stored.has(item.id));
    },
    // The index itself, to read at once (add and remove change it).
    local: () => items,
    remove(ids) {
      const gone = new Set(ids);
      items = items.filter((item) => !gone.has(item.id));
      weigh();
      for (const id of ids) writes.push([id]);
      return queue.settle();
    },
    // The database goes, not only its events: a visitor who said no keeps no storage, not even an empty
    // database. Its connections (ours, other tabs') close on `versionchange`, then the deletion runs, and
    // an open issued after it waits for it: the full builds store the next event in a new database. The
    // core script keeps a page that had a connection in memory from here on (the next page stores again).
    clear() {
      addedDuringRead = undefined;
      writes = [];
      items = [];
      bytes = 0;
      if (!DELIVERY_ONLY) {
        clears++;
        deleted = true;
        reset();
      } else if (db || opening) memory = true;
      // Also when this queue was in memory already (`persist: false`, a fallback): an earlier page may have
      // stored. Thrown (indexedDB null) or failed, a deletion must not fail the denial.
      return new Promise((resolve) =>
        resolve(options.dbName && promisifyRequest(indexedDB.deleteDatabase(options.dbName))),
      ).catch(() => {});
    },
    settle: () => (write(), writing),
    dropped: () => dropped,
  };
  return queue;
}
