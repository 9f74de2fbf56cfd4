import { promisifyRequest } from 'idb-keyval';
import { createMemoryQueue } from './memory-queue';
import {
  headWithin,
  trimOldest,
  utf8Length,
  type EventQueue,
  type QueueLimits,
  type QueuedEvent,
} from './event-queue';
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
 * The IndexedDB queue (keys: event ids, values: event JSON). `add` is synchronous and lands in a
 * write-ahead buffer that is written in one transaction per task (a burst of 1,000 events is one
 * transaction). Any failure reopens the database once; a second failure moves every known event to
 * a memory queue, which then serves all calls, and reports `storage-fallback`.
 */
export function createIdbQueue(options: IdbQueueOptions): EventQueue {
  const report = options.report ?? (() => {});
  const limits: QueueLimits = { maxEvents: options.maxEvents, maxBytes: options.maxBytes };
  // What this tab knows is queued (its own events plus the last read), oldest first by id.
  let known = new Map<string, QueuedEvent>();
  let knownBytes = 0;
  let pending: QueuedEvent[] = [];
  let evict: string[] = [];
  let scheduled = false;
  let writing: Promise<void> = Promise.resolve();
  let dropped = 0;
  let memory: EventQueue | undefined;
  let store: ReturnType<typeof ownedStore> | undefined;
  // Events added while a take() reads the database; they may be missing from its snapshot.
  let addedDuringRead: QueuedEvent[] | undefined;

  const fallBack = (cause: unknown): EventQueue => {
    if (!memory) {
      memory = createMemoryQueue(limits, [...known.values()]);
      known = new Map();
      pending = [];
      report('storage-fallback', { reason: String((cause as Error)?.message ?? cause), cause });
    }
    return memory;
  };
  try {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    store = ownedStore(options.dbName ?? QUEUE_DB_NAME, QUEUE_STORE_NAME);
  } catch (cause) {
    fallBack(cause);
  }

  /** Runs an IndexedDB operation; on failure reopens once and retries, then falls back to memory. */
  const attempt = async <T>(op: () => Promise<T>, orElse: (q: EventQueue) => Promise<T>): Promise<T> => {
    if (memory || !store) return orElse(fallBack('no store'));
    try {
      return await op();
    } catch {
      store.reset();
      try {
        return await op();
      } catch (cause) {
        return orElse(fallBack(cause));
      }
    }
  };

  const forget = (id: string): void => {
    const item = known.get(id);
    if (item && known.delete(id)) knownBytes -= item.bytes;
  };

  const write = (): void => {
    scheduled = false;
    if (memory || (!pending.length && !evict.length)) return;
    const puts = pending;
    const deletes = evict;
    pending = [];
    evict = [];
    const op = () =>
      store!.use('readwrite', (s) => {
        for (const item of puts) s.put(item.json, item.id);
        for (const id of deletes) s.delete(id);
        return promisifyRequest(s.transaction);
      });
    // The first try starts synchronously (commitNow relies on it); the retry path is async.
    const done = op()
      .catch(() => {
        store!.reset();
        return op();
      })
      .catch((cause) => void fallBack(cause));
    writing = Promise.all([writing, done]).then(() => {});
  };

  const queue: EventQueue = {
    kind: () => (memory ? 'memory' : 'indexeddb'),
    add(item) {
      if (memory) return memory.add(item);
      known.set(item.id, item);
      knownBytes += item.bytes;
      pending.push(item);
      addedDuringRead?.push(item);
      // Keep this tab's view bounded too, so a long offline spell cannot grow the database unchecked.
      if (known.size > limits.maxEvents || knownBytes > limits.maxBytes) {
        const over = trimOldest([...known.values()], limits);
        for (const old of over) {
          forget(old.id);
          evict.push(old.id);
        }
        pending = pending.filter((p) => known.has(p.id));
        dropped += over.length;
        report('queue-full', { dropped: over.length });
      }
      if (!scheduled) {
        scheduled = true;
        // One transaction per short window, not per event; unload and take() write at once (commitNow/settle).
        setTimeout(write, WRITE_COALESCE_MS);
      }
    },
    async take(maxEvents, maxBytes) {
      // From here on, events added are collected: the snapshot read below may miss them.
      const added: QueuedEvent[] = (addedDuringRead = []);
      const stopCollecting = () => {
        if (addedDuringRead === added) addedDuringRead = undefined;
      };
      await queue.settle();
      return attempt(
        async () => {
          const [keys, values] = await store!
            .use('readonly', (s) =>
              Promise.all([promisifyRequest(s.getAllKeys()), promisifyRequest(s.getAll())]),
            )
            .finally(stopCollecting);
          const items: QueuedEvent[] = keys.map((key, i) => {
            const json = String(values[i]);
            return { id: String(key), json, bytes: utf8Length(json) };
          });
          const over = trimOldest(items, limits);
          if (over.length) {
            dropped += over.length;
            report('queue-full', { dropped: over.length });
            await queue.remove(over.map((o) => o.id));
          }
          known = new Map(items.map((item) => [item.id, item]));
          // Events added during the read are this tab's and still queued (their write may be pending or
          // may fail over to memory): the snapshot must not make this tab forget them.
          for (const item of added) if (!known.has(item.id)) known.set(item.id, item);
          knownBytes = [...known.values()].reduce((sum, item) => sum + item.bytes, 0);
          return headWithin(items, maxEvents, maxBytes);
        },
        (q) => (stopCollecting(), q.take(maxEvents, maxBytes)),
      );
    },
    local: () => (memory ? memory.local() : [...known.values()]),
    async remove(ids) {
      if (memory) return memory.remove(ids);
      for (const id of ids) forget(id);
      await attempt(
        () =>
          store!.use('readwrite', (s) => {
            for (const id of ids) s.delete(id);
            return promisifyRequest(s.transaction);
          }),
        (q) => q.remove(ids),
      );
    },
    async clear() {
      known = new Map();
      knownBytes = 0;
      pending = [];
      await attempt(
        () =>
          store!.use('readwrite', (s) => {
            s.clear();
            return promisifyRequest(s.transaction);
          }),
        (q) => q.clear(),
      );
    },
    settle() {
      write();
      return writing;
    },
    commitNow: write,
    dropped: () => dropped + (memory ? memory.dropped() : 0),
  };
  return queue;
}
