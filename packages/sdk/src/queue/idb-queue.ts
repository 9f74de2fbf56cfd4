import { promisifyRequest } from 'idb-keyval';
import { createMemoryQueue } from './memory-queue';
import { utf8Length, type EventQueue, type QueueLimits, type QueuedEvent } from './event-queue';
import { ownedStore } from './owned-store';

/** IndexedDB names of the queue; one queue per origin, shared by its tabs. */
export const QUEUE_DB_NAME = 'touchpoint';
export const QUEUE_STORE_NAME = 'queue';

/**
 * Writes made within this window share one transaction. The window is short because the delivery
 * contract needs the event on disk before the page can die; `pagehide` and hidden pages write at once.
 */
export const WRITE_COALESCE_MS = 50;

export interface IdbQueueOptions extends QueueLimits {
  dbName?: string;
  /** Told when the queue falls back to memory or drops events. */
  report?: (kind: string, detail?: unknown) => void;
}

/**
 * The IndexedDB queue (keys: event ids, values: event JSON): a memory queue of what this tab knows is
 * queued, mirrored to IndexedDB. `add` is synchronous and lands in a write-ahead buffer that is written
 * in one transaction per short window (a burst of 1,000 events is one transaction). Any failure reopens
 * the database once; a second failure stops the mirroring, so the memory queue with every known event
 * serves all calls, and reports `storage-fallback`.
 */
export function createIdbQueue(options: IdbQueueOptions): EventQueue {
  const report = options.report ?? (() => {});
  const store = ownedStore(options.dbName ?? QUEUE_DB_NAME, QUEUE_STORE_NAME);
  // This tab's events plus the last read, oldest first by id.
  const known = createMemoryQueue(options);
  let puts: QueuedEvent[] = [];
  let deletes: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<unknown> = Promise.resolve();
  let dropped = 0;
  let memory = false;
  // Events added while a take() reads the database; they may be missing from its snapshot.
  let addedDuringRead: QueuedEvent[] | undefined;
  let clears = 0;

  const fallBack = (cause: unknown): void => {
    if (!memory) {
      memory = true;
      puts = [];
      report('storage-fallback', { reason: String((cause as Error)?.message ?? cause), cause });
    }
  };
  try {
    // Reading `indexedDB` itself throws a SecurityError in some contexts (Firefox with cookies blocked).
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  } catch (cause) {
    fallBack(cause);
  }

  /** Runs a transaction; a failure reopens the database and retries once, then falls back (undefined). */
  const attempt = async <T>(
    mode: IDBTransactionMode,
    op: (s: IDBObjectStore) => T | PromiseLike<T>,
  ): Promise<T | undefined> => {
    for (let retry = false; !memory; retry = true) {
      try {
        // Called synchronously: the first try starts in the caller's task (settle relies on it).
        return await store.use(mode, op);
      } catch (cause) {
        if (retry) fallBack(cause);
        else store.reset();
      }
    }
  };
  /** A read-write transaction, resolved once committed. */
  const change = (op: (s: IDBObjectStore) => void) =>
    attempt('readwrite', (s) => (op(s), promisifyRequest(s.transaction)));

  /** Counts, reports and deletes the events the memory queue dropped to stay within the limits. */
  const drop = (over: QueuedEvent[]): void => {
    if (over.length) {
      dropped += over.length;
      for (const old of over) deletes.push(old.id);
      report('queue-full', { dropped: over.length });
      timer ??= setTimeout(write, WRITE_COALESCE_MS);
    }
  };

  const write = (): void => {
    // Called early (settle), the window's timer must go too, or it writes again and a second one starts.
    clearTimeout(timer);
    timer = undefined;
    const items = puts;
    const ids = deletes;
    puts = [];
    deletes = [];
    if (items.length || ids.length) {
      // Puts first: an event dropped before its write is put and deleted in the same transaction.
      const done = change((s) => {
        for (const item of items) s.put(item.json, item.id);
        for (const id of ids) s.delete(id);
      });
      writing = Promise.all([writing, done]);
    }
  };

  const queue: EventQueue = {
    kind: () => (memory ? 'memory' : 'indexeddb'),
    add(item) {
      if (!memory) puts.push(item);
      addedDuringRead?.push(item);
      // The bound holds for the database too, so a long offline spell cannot grow it unchecked.
      drop(known.add(item));
      // One transaction per short window, not per event; unload and take() write at once (settle).
      timer ??= setTimeout(write, WRITE_COALESCE_MS);
    },
    async take(maxEvents, maxBytes) {
      // From here on, events added are collected: the snapshot read below may miss them.
      const added: QueuedEvent[] = (addedDuringRead = []);
      const generation = clears;
      await queue.settle();
      const read = await attempt('readonly', (s) =>
        Promise.all([promisifyRequest(s.getAllKeys()), promisifyRequest(s.getAll())]),
      );
      if (addedDuringRead === added) addedDuringRead = undefined;
      // A clear() during the read (consent denied) wins: its snapshot must not bring the events back.
      if (clears !== generation) return [];
      // Without the database (now or before), the memory queue is the queue.
      if (!read) return known.take(maxEvents, maxBytes);
      // The view becomes the stored events (from every tab and earlier pages), trimmed to the limits.
      const [ids, values] = read as [string[], string[]];
      const stored = new Set(ids);
      const over: QueuedEvent[] = [];
      void known.clear();
      ids.forEach((id, i) =>
        over.push(...known.add({ id, json: values[i]!, bytes: utf8Length(values[i]!) })),
      );
      // Events added during the read are this tab's and still queued (their write may be pending or may
      // fail over to memory): the snapshot must not make this tab forget them.
      for (const item of added) if (!stored.has(item.id)) over.push(...known.add(item));
      drop(over);
      // Only stored events are sent: one added during the read may not be written yet.
      return (await known.take(maxEvents, maxBytes)).filter((item) => stored.has(item.id));
    },
    local: known.local,
    async remove(ids) {
      void known.remove(ids);
      await change((s) => ids.forEach((id) => s.delete(id)));
    },
    async clear() {
      clears++;
      puts = [];
      void known.clear();
      await change((s) => s.clear());
    },
    settle: () => (write(), writing),
    dropped: () => dropped,
  };
  return queue;
}
