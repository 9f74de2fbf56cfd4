import { headWithin, trimOldest, type EventQueue, type QueueLimits, type QueuedEvent } from './event-queue';

/**
 * The in-memory queue: the fallback when IndexedDB is missing or broken, and the queue of
 * `persist: false`. Lives as long as the page.
 */
export function createMemoryQueue(limits: QueueLimits, seed: QueuedEvent[] = []): EventQueue {
  let items: QueuedEvent[] = seed.slice();
  let dropped = trimOldest(items, limits).length;
  return {
    kind: () => 'memory',
    add(item) {
      items.push(item);
      dropped += trimOldest(items, limits).length;
    },
    take: async (maxEvents, maxBytes) => headWithin(items, maxEvents, maxBytes),
    local: () => items.slice(),
    async remove(ids) {
      const gone = new Set(ids);
      items = items.filter((item) => !gone.has(item.id));
    },
    async clear() {
      items = [];
    },
    settle: async () => {},
    commitNow() {},
    dropped: () => dropped,
  };
}
