/** One queued event: its id (uuid v7, so ids sort by time), its JSON and that JSON's UTF-8 size. */
export interface QueuedEvent {
  id: string;
  json: string;
  bytes: number;
}

/** Bounds of a queue: past either, the oldest events are dropped and counted. */
export interface QueueLimits {
  maxEvents: number;
  maxBytes: number;
}

/**
 * The tracker's durable event queue. One implementation, {@link createIdbQueue}, in two modes that pass
 * the same conformance suite: mirrored to IndexedDB (shared by the origin's tabs, survives reloads), and
 * in memory only ({@link createMemoryQueue}; also where IndexedDB fails).
 */
export interface EventQueue {
  /** Where events live now; an IndexedDB queue reports `memory` after it fell back. */
  readonly kind: () => 'indexeddb' | 'memory';
  /** Queues an event. Synchronous; the durable write is coalesced with others made in the same task. */
  add(item: QueuedEvent): void;
  /** The oldest events (at least one if any) within the limits, from shared storage. Does not remove them. */
  take(maxEvents: number, maxBytes: number): Promise<QueuedEvent[]>;
  /** Events this tab knows to be queued, oldest first, without waiting (for unload); read, do not keep. */
  local(): QueuedEvent[];
  /** Removes events (after a 2xx covering them); resolves once that is written. */
  remove(ids: string[]): Promise<unknown>;
  /** Removes every event, and the storage itself: nothing is stored again before the next `add` (consent denied). */
  clear(): Promise<unknown>;
  /**
   * Starts pending writes now, in this task, committing them explicitly (for unload too: the page may die
   * this task); resolves when every write started so far has finished.
   */
  settle(): Promise<unknown>;
  /** How many events were dropped because the queue was full. */
  dropped(): number;
}

/**
 * UTF-8 length of a string: what it weighs in a request body and against the keepalive budget. Counted
 * in a loop: `TextEncoder.encode` allocates and costs several times more per event.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    // 2 bytes below U+0800, 3 above; a surrogate pair (2 units, U+D800–DFFF: code >> 11 is 0x1b) makes
    // 4, so each unit adds 1 more.
    bytes += code < 0x800 || code >> 11 === 0x1b ? 1 : 2;
  }
  return bytes;
}

/** Takes the oldest items within the limits; always at least one, so an oversized event still moves. */
export function headWithin(items: QueuedEvent[], maxEvents: number, maxBytes: number): QueuedEvent[] {
  let bytes = 0;
  // The running total only grows: once an item is over the limit, every later one is too.
  return items.slice(0, maxEvents).filter((item, n) => (bytes += item.bytes + 1) <= maxBytes || !n); // + the comma
}
