import { headWithin, type EventQueue, type QueuedEvent } from '../queue/event-queue.js';
import { backoff } from './backoff.js';
import { retryPolicy } from './retry-policy.js';
import { withSenderLock } from './sender-lock.js';
import {
  BATCH_OVERHEAD_BYTES,
  KEEPALIVE_BUDGET_BYTES,
  batchBody,
  send,
  type TransportResult,
} from './transport.js';

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
  lock?: (job: () => Promise<void>, shared: boolean, url: string) => Promise<boolean>;
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
export function createSender({
  queue,
  url,
  maxBatchEvents,
  maxBatchBytes,
  flushIntervalMs,
  retryBaseMs,
  retryMaxMs,
  report,
  transport = send,
  lock = withSenderLock,
}: SenderOptions) {
  const stats = { requests: 0, sent: 0, duplicates: 0, rejected: 0 };
  // This page's keepalive requests still in flight: their events (a resend skips them) and their bytes
  // (taken from the browser's shared keepalive budget).
  const keepaliveIds = new Set<string>();
  let keepaliveBytes = 0;
  // Failed attempts in a row: while there are any and a timer is set, a retry is pending and new events
  // wait for it.
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve();
  let added = 0;
  let stopped = false;

  const offline = (): boolean => !navigator.onLine;

  const later = (ms: number): void => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void flush(false);
    }, ms);
  };
  const soon = (): void => later(flushIntervalMs);
  /** The next retry delay: backoff grows with each failed attempt in a row. */
  const nextBackoff = (): number => backoff(attempt++, retryBaseMs, retryMaxMs);

  /**
   * Sends one batch and settles it: true when it is settled (sent or dropped), false to retry later. A
   * keepalive batch (unload) holds its events and bytes until it ends; a beacon's answer is unknown, so
   * its events stay queued.
   */
  const sendBatch = async (items: QueuedEvent[], keepalive = false): Promise<boolean> => {
    let size = 0;
    if (keepalive) {
      size = BATCH_OVERHEAD_BYTES;
      for (const item of items) {
        size += item.bytes + 1;
        keepaliveIds.add(item.id);
      }
      keepaliveBytes += size;
    }
    stats.requests++;
    try {
      const result = await transport(url, batchBody(items), keepalive);
      if (result.beacon) return true;
      const { status } = result;
      const outcome = retryPolicy(status, result.retryAfter);
      if (outcome === 'split' && items.length > 1) {
        const half = items.length >> 1;
        return (await sendBatch(items.slice(0, half))) && sendBatch(items.slice(half));
      }
      if (typeof outcome === 'number') {
        const delay = Math.max(outcome, nextBackoff());
        report('retry', { status, attempt, delayMs: delay });
        later(delay);
        return false;
      }
      // Settled: sent, except what the collector rejected (listed in a 2xx answer, or the whole batch).
      const answer = result.response || {};
      const rejected = outcome !== 'sent' ? items : Array.isArray(answer.rejected) ? answer.rejected : [];
      stats.sent += items.length - rejected.length;
      stats.rejected += rejected.length;
      stats.duplicates += +answer.duplicates! || 0;
      if (outcome === 'drop') report('batch-rejected', { status, events: items.length });
      // A single event that is still too large (413).
      else if (outcome === 'split') report('event-too-large', { id: items[0]!.id, bytes: items[0]!.bytes });
      else if (rejected.length) report('events-rejected', rejected);
      await queue.remove(items.map((item) => item.id));
      return true;
    } finally {
      if (keepalive) {
        keepaliveBytes -= size;
        for (const item of items) keepaliveIds.delete(item.id);
      }
    }
  };

  /**
   * Sends batches until the queue is empty. A timed run (`all` false) stops after a batch that was not
   * full and looks again one interval later: events arriving one by one during a request then wait to
   * fill a batch instead of each trickle becoming its own request.
   */
  const drain = async (all: boolean): Promise<void> => {
    while (!stopped && !offline()) {
      const taken = await queue.take(maxBatchEvents, maxBatchBytes - BATCH_OVERHEAD_BYTES);
      const items = taken.filter((item) => !keepaliveIds.has(item.id));
      // The head of the queue is in keepalive requests still in flight: look again once they are done.
      if (!items.length) return taken.length ? soon() : undefined;
      if (!(await sendBatch(items))) return;
      // Through again (back online, page shown): a retry still waiting out its backoff would hold back
      // every new event until it fires; look again after the usual interval instead.
      if (attempt) soon();
      attempt = 0;
      if (!all && items.length < maxBatchEvents) return soon();
    }
  };

  const run = async (all: boolean): Promise<void> => {
    await queue.settle();
    // Another tab is sending (and will send our events too); look again later in case it stops.
    if (!offline() && !(await lock(() => drain(all), queue.kind() !== 'memory', url))) soon();
  };
  /** An unexpected error (a job failing in the lock): the events stay queued; try again later, not never. */
  const failed = (cause: unknown): void => {
    report('send-failed', cause);
    later(nextBackoff());
  };

  /**
   * Sends what is queued (this page's and earlier pages'); resolves when done, offline or retrying. A run
   * in progress may stop early (a timed run, or a failed send that scheduled a retry): every flush runs
   * again after it. Dropping a timed flush here once lost the retry whose short, jittered delay fired
   * before the failed run had finished, and delivery stalled until the next event.
   */
  const flush = (all = true): Promise<void> => {
    added = 0;
    return (running = running.then(() => run(all)).catch(failed));
  };

  return {
    /** Live delivery counters; the tracker adds the drops (the queue's and its own). */
    stats: stats as Omit<DeliveryStats, 'dropped'>,
    flush,
    /** Called after each queued event: sends a full batch soon, otherwise within the flush interval. */
    queued(): void {
      // A retry waiting out its backoff sends them; once it has fired (and found the queue empty: another
      // tab sent it), nothing is pending and new events need a timer again.
      if (attempt && timer) return;
      // A full batch: send soon, and count again from 0 now, not when that flush runs: otherwise every
      // later event of a burst would cancel and set the timer again (1,000 events: 900 timers more).
      if (++added >= maxBatchEvents) {
        added = 0;
        later(0);
      } else if (!timer) soon();
    },
    /** Page hidden or unloading: commit pending writes now (settle) and send what fits the keepalive budget. */
    unload(): void {
      void queue.settle();
      if (offline()) return;
      // Room for the next keepalive request: a batch, within what is left of the shared budget.
      const room = (): number =>
        Math.min(maxBatchBytes, KEEPALIVE_BUDGET_BYTES - keepaliveBytes) - BATCH_OVERHEAD_BYTES;
      // An event too large for any request now waits for a normal send; it must not hold back the rest.
      let items = queue.local().filter((item) => !keepaliveIds.has(item.id) && item.bytes < room());
      // headWithin always takes one event: stop when even that one (and its comma) does not fit.
      for (let batch; (batch = headWithin(items, maxBatchEvents, room()))[0]?.bytes! < room();) {
        items = items.slice(batch.length);
        sendBatch(batch, true).catch(failed);
      }
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export type Sender = ReturnType<typeof createSender>;
