import { headWithin, type EventQueue, type QueueLimits, type QueuedEvent } from './event-queue';

/** The memory queue; its `add` also returns the events it dropped to stay within the limits. */
export interface MemoryQueue extends EventQueue {
  add(item: QueuedEvent): QueuedEvent[];
}

/**
 * The in-memory queue: the queue of `persist: false`, and the IndexedDB queue's view of what it holds
 * (all that is left when IndexedDB fails). Lives as long as the page.
 */
export function createMemoryQueue(limits: QueueLimits): MemoryQueue {
  let items: QueuedEvent[] = [];
  // Their total size, kept up to date so that adding an event does not walk the whole queue.
  let bytes = 0;
  let dropped = 0;
  return {
    kind: () => 'memory',
    add(item) {
      items.push(item);
      bytes += item.bytes;
      // Oldest out until both limits hold (an empty queue weighs 0 bytes, so this stops).
      let n = 0;
      while (items.length - n > limits.maxEvents || bytes > limits.maxBytes) bytes -= items[n++]!.bytes;
      dropped += n;
      return items.splice(0, n);
    },
    take: async (maxEvents, maxBytes) => headWithin(items, maxEvents, maxBytes),
    local: () => items.slice(),
    async remove(ids) {
      const gone = new Set(ids);
      items = items.filter((item) => !gone.has(item.id));
      bytes = 0;
      for (const item of items) bytes += item.bytes;
    },
    async clear() {
      items = [];
      bytes = 0;
    },
    settle: async () => {},
    dropped: () => dropped,
  };
}
