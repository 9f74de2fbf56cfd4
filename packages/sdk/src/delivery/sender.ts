import type { EventQueue, QueuedEvent } from '../queue/event-queue';
import { backoff } from './backoff';
import { keepaliveBudget } from './keepalive-budget';
import { retryPolicy } from './retry-policy';
import { withSenderLock } from './sender-lock';
import { BATCH_OVERHEAD_BYTES, batchBody, send, type TransportResult } from './transport';

export interface SenderOptions {
  queue: EventQueue;
  url: string;
  maxBatchEvents: number;
  maxBatchBytes: number;
  flushIntervalMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  report: (kind: string, detail?: unknown) => void;
  /** Injected in tests. */
  transport?: (url: string, body: string, keepalive: boolean) => Promise<TransportResult>;
  lock?: (job: () => Promise<void>) => Promise<boolean>;
}

/** Delivery counters, for diagnostics and tests. */
export interface DeliveryStats {
  requests: number;
  sent: number;
  /** Events the collector already had (resends after unload, retries or two tabs). */
  duplicates: number;
  rejected: number;
  /** Events dropped because the queue was full. */
  dropped: number;
}

/**
 * Moves events from the queue to the collector: batches by count and bytes, one tab at a time (sender
 * lock), removes what a 2xx covers, retries with backoff per {@link retryPolicy}, pauses offline, and
 * on unload sends what fits the keepalive budget.
 */
export function createSender(o: SenderOptions) {
  const transport = o.transport ?? send;
  const lock = o.lock ?? withSenderLock;
  const budget = keepaliveBudget();
  const stats: DeliveryStats = { requests: 0, sent: 0, duplicates: 0, rejected: 0, dropped: 0 };
  // Ids this page has in a request right now; a keepalive resend skips only the keepalive ones.
  const inFlight = new Set<string>();
  const keepaliveInFlight = new Set<string>();
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retrying = false;
  let running: Promise<void> | undefined;
  let added = 0;
  let stopped = false;

  const offline = (): boolean => typeof navigator !== 'undefined' && navigator.onLine === false;

  const later = (ms: number): void => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      retrying = false;
      void flush(false);
    }, ms);
  };

  /** Handles one answer; true when the batch is settled (sent or dropped), false to retry later. */
  const settle = async (items: QueuedEvent[], result: TransportResult): Promise<boolean> => {
    const outcome = retryPolicy(result.status, result.retryAfter);
    const ids = items.map((item) => item.id);
    if (outcome.kind === 'sent') {
      const answer = result.response ?? {};
      const rejected = Array.isArray(answer.rejected) ? answer.rejected : [];
      stats.sent += items.length - rejected.length;
      stats.duplicates += Number(answer.duplicates) || 0;
      if (rejected.length) {
        stats.rejected += rejected.length;
        o.report('events-rejected', rejected);
      }
      await o.queue.remove(ids);
      return true;
    }
    if (outcome.kind === 'split') {
      if (items.length === 1) {
        stats.rejected++;
        o.report('event-too-large', { id: ids[0], bytes: items[0]!.bytes });
        await o.queue.remove(ids);
        return true;
      }
      const half = Math.ceil(items.length / 2);
      return (await sendBatch(items.slice(0, half))) && sendBatch(items.slice(half));
    }
    if (outcome.kind === 'drop') {
      stats.rejected += items.length;
      o.report('batch-rejected', { status: result.status, events: items.length });
      await o.queue.remove(ids);
      return true;
    }
    const delay = Math.max(outcome.afterMs ?? 0, backoff(attempt++, o.retryBaseMs, o.retryMaxMs));
    o.report('retry', { status: result.status, attempt, delayMs: delay });
    retrying = true;
    later(delay);
    return false;
  };

  const sendBatch = async (items: QueuedEvent[]): Promise<boolean> => {
    for (const item of items) inFlight.add(item.id);
    stats.requests++;
    try {
      return await settle(items, await transport(o.url, batchBody(items), false));
    } finally {
      for (const item of items) inFlight.delete(item.id);
    }
  };

  /**
   * Sends batches until the queue is empty. A timed run (`all` false) stops after a batch that was not
   * full and looks again one interval later: events arriving one by one during a request then wait to
   * fill a batch instead of each trickle becoming its own request.
   */
  const drain = async (all: boolean): Promise<void> => {
    while (!stopped && !offline()) {
      const taken = await o.queue.take(o.maxBatchEvents, o.maxBatchBytes - BATCH_OVERHEAD_BYTES);
      const items = taken.filter((item) => !keepaliveInFlight.has(item.id));
      stats.dropped = o.queue.dropped();
      // The head of the queue is in keepalive requests still in flight: look again once they are done.
      if (!items.length) return taken.length ? later(o.flushIntervalMs) : undefined;
      if (!(await sendBatch(items))) return;
      attempt = 0;
      if (!all && items.length < o.maxBatchEvents) return later(o.flushIntervalMs);
    }
  };

  const run = async (all: boolean): Promise<void> => {
    try {
      await o.queue.settle();
      if (offline()) return;
      // Another tab is sending (and will send our events too); look again later in case it stops.
      if (!(await lock(() => drain(all)))) later(o.flushIntervalMs);
    } catch (cause) {
      // E.g. the Web Locks API refusing in a sandboxed frame: report, and try again later rather than never.
      o.report('send-failed', cause);
      later(backoff(attempt++, o.retryBaseMs, o.retryMaxMs));
    }
  };

  /** Sends what is queued (this page's and earlier pages'); resolves when done, offline or retrying. */
  const flush = (all = true): Promise<void> => {
    added = 0;
    // A run in progress may stop early (a timed run, or a failed send that scheduled a retry): every
    // flush runs again after it. Dropping a timed flush here once lost the retry whose short, jittered
    // delay fired before the failed run had finished, and delivery stalled until the next event.
    const next: Promise<void> = (running ? running.then(() => run(all)) : run(all)).finally(() => {
      if (running === next) running = undefined;
    });
    return (running = next);
  };

  return {
    stats: (): DeliveryStats => ({ ...stats, dropped: o.queue.dropped() }),
    flush: (): Promise<void> => flush(),
    /** Called after each queued event: sends a full batch soon, otherwise within the flush interval. */
    queued(): void {
      if (retrying || stopped) return;
      if (++added >= o.maxBatchEvents) {
        added = 0;
        later(0);
      } else if (!timer) later(o.flushIntervalMs);
    },
    /** Page hidden or unloading: commit pending writes now and send what fits the keepalive budget. */
    unload(): void {
      o.queue.commitNow();
      if (offline()) return;
      let items = o.queue.local().filter((item) => !keepaliveInFlight.has(item.id));
      while (items.length) {
        const room = Math.min(o.maxBatchBytes, budget.available()) - BATCH_OVERHEAD_BYTES;
        const batch: QueuedEvent[] = [];
        let bytes = 0;
        for (const item of items) {
          if (batch.length >= o.maxBatchEvents || bytes + item.bytes + 1 > room) break;
          batch.push(item);
          bytes += item.bytes + 1;
        }
        if (!batch.length) break;
        items = items.slice(batch.length);
        const body = batchBody(batch);
        const size = bytes + BATCH_OVERHEAD_BYTES;
        budget.reserve(size);
        for (const item of batch) keepaliveInFlight.add(item.id);
        stats.requests++;
        void transport(o.url, body, true)
          .then((result) => (result.beacon ? undefined : settle(batch, result)))
          .catch((cause) => o.report('send-failed', cause))
          .finally(() => {
            budget.release(size);
            for (const item of batch) keepaliveInFlight.delete(item.id);
          });
      }
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export type Sender = ReturnType<typeof createSender>;
