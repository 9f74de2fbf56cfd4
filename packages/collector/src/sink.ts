import type { TouchpointEvent } from '@touchpoint/protocol';

/**
 * An event as the collector stores it: the validated event, plus what the server knows.
 * `ts` is the event time after clock correction; `clientTs` is the time the client sent.
 */
export type StoredEvent = TouchpointEvent & {
  /** Server time the event was received, epoch ms. */
  receivedAt: number;
  /** The event's `ts` exactly as the client sent it, epoch ms (equal to `ts` when no correction applied). */
  clientTs: number;
  /** The client address after the `ip` policy (truncated by default); absent when dropped. */
  ip?: string;
};

/**
 * Where the collector stores events. Implement it to send events to Kafka, a warehouse, a queue…
 *
 * Contract:
 * - `write` is idempotent on `event.id`: an id already stored is skipped, never stored twice, and it
 *   resolves with the number of events stored NOW (new ids). `events` never repeats an id.
 * - `write` resolves only once the events are durable: the collector acknowledges them to the client
 *   right after, and the client then deletes its copy.
 * - `write` rejects when it could not store the events; the client gets a 503 and retries later.
 * - `close` finishes pending writes and releases resources; no `write` follows it.
 *
 * @example
 * const seen = new Set<string>();
 * const consoleSink: Sink = {
 *   name: 'console',
 *   async write(events) {
 *     const fresh = events.filter((e) => !seen.has(e.id));
 *     for (const e of fresh) { seen.add(e.id); console.log(JSON.stringify(e)); }
 *     return { inserted: fresh.length };
 *   },
 *   async close() {},
 * };
 * @see createNdjsonSink and createPostgresSink, the two built-in sinks
 */
export interface Sink {
  /** Short name shown in metrics and logs, e.g. `ndjson`, `postgres`. */
  readonly name: string;
  /** Stores events once per id; resolves with how many were new. */
  write(events: readonly StoredEvent[]): Promise<{ inserted: number }>;
  /** Optional readiness probe used by `GET /healthz`; rejects when the store is unreachable. */
  ping?(): Promise<void>;
  /** Flushes and releases resources. */
  close(): Promise<void>;
}
