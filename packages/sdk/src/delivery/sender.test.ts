import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryQueue } from '../queue/memory-queue.js';
import { item } from '../queue/queue-conformance.js';
import { createSender, type SenderOptions } from './sender.js';
import { KEEPALIVE_BUDGET_BYTES, type TransportResult } from './transport.js';

interface Call {
  body: { v: number; sentAt: number; events: Array<{ id: string }> };
  keepalive: boolean;
  bytes: number;
}

function setup(answer: (call: Call, n: number) => TransportResult, over: Partial<SenderOptions> = {}) {
  const queue = createMemoryQueue({ maxEvents: 10_000, maxBytes: 10_000_000 });
  const calls: Call[] = [];
  const reports: Array<[string, unknown]> = [];
  const sender = createSender({
    queue,
    url: 'https://c.example/v1/batch',
    maxBatchEvents: 10,
    maxBatchBytes: 60_000,
    flushIntervalMs: 1000,
    retryBaseMs: 100,
    retryMaxMs: 1000,
    report: (k, d) => reports.push([k, d]),
    lock: async (job) => (await job(), true),
    transport: async (_url, body, keepalive) => {
      const call = { body: JSON.parse(body), keepalive, bytes: new TextEncoder().encode(body).length };
      calls.push(call);
      return answer(call, calls.length);
    },
    ...over,
  });
  return { queue, calls, reports, sender };
}
const ok = (c: Call): TransportResult => ({
  status: 200,
  response: { accepted: c.body.events.length, duplicates: 0, rejected: [] },
});

describe('sender', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends protocol batches by count and removes what a 2xx covered', async () => {
    const { queue, calls, sender } = setup(ok);
    for (let i = 0; i < 25; i++) queue.add(item());
    await sender.flush();
    expect(calls.map((c) => c.body.events.length)).toEqual([10, 10, 5]);
    expect(calls[0]!.body.v).toBe(1);
    expect(typeof calls[0]!.body.sentAt).toBe('number');
    expect(queue.local()).toEqual([]);
    expect(sender.stats).toMatchObject({ requests: 3, sent: 25 });
  });

  it('retries even when the retry timer fires before the failed run has released the lock', async () => {
    // The lock is released a little after the job ends (as Web Locks does, asynchronously), and the
    // retry delay is shorter than that: the retry's timed flush arrives while the failed run is still
    // in progress and must run after it rather than be dropped.
    const { queue, calls, sender } = setup((c, n) => (n === 1 ? { status: 503 } : ok(c)), {
      retryBaseMs: 1,
      retryMaxMs: 1,
      lock: async (job) => {
        await job();
        await new Promise((resolve) => setTimeout(resolve, 50));
        return true;
      },
    });
    for (let i = 0; i < 3; i++) queue.add(item());
    const first = sender.flush();
    await vi.advanceTimersByTimeAsync(200);
    await first;
    expect(calls).toHaveLength(2);
    expect(queue.local()).toEqual([]);
  });

  it('a timed send stops after a partial batch; an explicit flush sends everything', async () => {
    let arrive = 0;
    const { queue, calls, sender } = setup((c) => {
      // Events keep trickling in while each request is in flight.
      if (arrive-- > 0) queue.add(item());
      return ok(c);
    });
    queue.add(item());
    arrive = 3;
    sender.queued();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    expect(queue.local()).toHaveLength(1);
    await sender.flush();
    expect(queue.local()).toHaveLength(0);
  });

  it('keeps batches under the byte limit', async () => {
    const { queue, calls, sender } = setup(ok, { maxBatchBytes: 1000, maxBatchEvents: 100 });
    for (let i = 0; i < 20; i++) queue.add(item({ pad: 'x'.repeat(100) }));
    await sender.flush();
    expect(calls.length).toBeGreaterThan(2);
    for (const c of calls) expect(c.bytes).toBeLessThanOrEqual(1000);
  });

  it('sends a full batch right away, a partial one after the flush interval', async () => {
    const { queue, calls, sender } = setup(ok);
    queue.add(item());
    sender.queued();
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    for (let i = 0; i < 10; i++) {
      queue.add(item());
      sender.queued();
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
  });

  it('a burst sets one timer per full batch, not one per event after the first batch', async () => {
    const { queue, calls, sender } = setup(ok);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    for (let i = 0; i < 100; i++) {
      queue.add(item());
      sender.queued();
    }
    // The queue's write window, the partial-batch timer, then one per full batch of 10 (it was 93).
    expect(timers.mock.calls.length).toBeLessThanOrEqual(12);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.flatMap((c) => c.body.events)).toHaveLength(100);
  });

  it('drops and counts events the collector rejected', async () => {
    const { queue, reports, sender } = setup((c) => ({
      status: 200,
      response: { accepted: 1, duplicates: 1, rejected: [{ id: c.body.events[0]!.id, reason: 'bad' }] },
    }));
    for (let i = 0; i < 3; i++) queue.add(item());
    await sender.flush();
    expect(queue.local()).toEqual([]);
    expect(sender.stats).toMatchObject({ rejected: 1, duplicates: 1, sent: 2 });
    expect(reports.map((r) => r[0])).toContain('events-rejected');
  });

  it('retries 503 with backoff and honours Retry-After, keeping the events', async () => {
    const { queue, calls, reports, sender } = setup((c, n) =>
      n <= 2 ? { status: 503, retryAfter: '2' } : ok(c),
    );
    queue.add(item());
    await sender.flush();
    expect(queue.local()).toHaveLength(1);
    expect(reports.find((r) => r[0] === 'retry')?.[1]).toMatchObject({ status: 503, delayMs: 2000 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(3);
    expect(queue.local()).toEqual([]);
  });

  it('retries network errors', async () => {
    const { queue, sender } = setup((c, n) => (n === 1 ? { status: 'network' } : ok(c)));
    queue.add(item());
    await sender.flush();
    expect(queue.local()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.local()).toEqual([]);
  });

  it('once a send gets through again (back online), new events go out on time, not after the old backoff', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.99);
    const { queue, calls, sender } = setup((c, n) => (n === 1 ? { status: 'network' } : ok(c)), {
      retryBaseMs: 60_000,
      retryMaxMs: 60_000,
    });
    queue.add(item());
    await sender.flush(); // fails: a retry in about a minute
    await sender.flush(); // the browser came back online: sent
    expect(queue.local()).toEqual([]);
    queue.add(item());
    sender.queued();
    await vi.advanceTimersByTimeAsync(1000); // the flush interval
    expect(calls).toHaveLength(3);
    expect(queue.local()).toEqual([]);
    vi.mocked(Math.random).mockRestore();
  });

  it('splits a batch on 413 and drops a single event that is still too large', async () => {
    const big = item({ pad: 'x'.repeat(5000) });
    const { queue, calls, reports, sender } = setup((c) =>
      c.body.events.length > 2 || c.body.events.some((e) => e.id === big.id) ? { status: 413 } : ok(c),
    );
    for (let i = 0; i < 4; i++) queue.add(item());
    queue.add(big);
    await sender.flush();
    expect(queue.local()).toEqual([]);
    expect(
      calls.filter((c) => c.body.events.length <= 2 && !c.body.events.some((e) => e.id === big.id)).length,
    ).toBeGreaterThan(1);
    expect(reports.map((r) => r[0])).toContain('event-too-large');
  });

  it('drops a batch the collector refuses as a whole (400) and reports it', async () => {
    const { queue, reports, sender } = setup(() => ({ status: 400 }));
    queue.add(item());
    await sender.flush();
    expect(queue.local()).toEqual([]);
    expect(reports.find((r) => r[0] === 'batch-rejected')?.[1]).toMatchObject({ status: 400 });
  });

  it('does not send while offline', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { queue, calls, sender } = setup(ok);
    queue.add(item());
    await sender.flush();
    expect(calls).toHaveLength(0);
    online.mockReturnValue(true);
    await sender.flush();
    expect(calls).toHaveLength(1);
    online.mockRestore();
  });

  it('does not send when another tab holds the sender lock, and looks again later', async () => {
    let free = false;
    const { queue, calls, sender } = setup(ok, { lock: async (job) => (free ? (await job(), true) : false) });
    queue.add(item());
    await sender.flush();
    expect(calls).toHaveLength(0);
    free = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
  });

  it('tells the lock whether its queue is shared (a memory queue is not: no other tab sees it)', async () => {
    const shared: boolean[] = [];
    const { queue, sender } = setup(ok, { lock: async (job, s) => (shared.push(s), await job(), true) });
    queue.add(item());
    await sender.flush();
    expect(shared).toEqual([false]);
  });

  it('on unload sends with keepalive only what fits the 64 KiB budget, the rest stays queued', async () => {
    let release: (r: TransportResult) => void = () => {};
    const { queue, calls, sender } = setup(() => ({ status: 'network' }), {
      maxBatchEvents: 1000,
      transport: (_u, body, keepalive) => {
        calls.push({ body: JSON.parse(body), keepalive, bytes: body.length });
        return new Promise((r) => (release = r));
      },
    });
    for (let i = 0; i < 300; i++) queue.add(item({ pad: 'x'.repeat(400) })); // ~135 KB
    sender.unload();
    const total = calls.reduce((s, c) => s + c.bytes, 0);
    expect(calls.every((c) => c.keepalive)).toBe(true);
    expect(total).toBeLessThanOrEqual(KEEPALIVE_BUDGET_BYTES);
    expect(total).toBeGreaterThan(KEEPALIVE_BUDGET_BYTES / 2);
    // A second unload while those are in flight has no budget left for them and does not resend them.
    const before = calls.length;
    sender.unload();
    expect(calls.length - before).toBeLessThanOrEqual(1);
    release({ status: 'network' });
    expect(queue.local()).toHaveLength(300);
  });
  it('on unload an event too large for any keepalive request does not hold back the events after it', async () => {
    const { queue, calls, sender } = setup(ok);
    const big = item({ pad: 'x'.repeat(70_000) }); // over maxBatchBytes and the 64 KiB budget
    queue.add(big);
    for (let i = 0; i < 5; i++) queue.add(item());
    sender.unload();
    const sent = calls.flatMap((c) => c.body.events.map((e) => e.id));
    expect(calls.every((c) => c.keepalive)).toBe(true);
    expect(sent).toHaveLength(5);
    expect(sent).not.toContain(big.id);
  });
  it('when keepalive requests hold the head of the queue, a flush looks again instead of stopping', async () => {
    const releases: Array<() => void> = [];
    const { queue, calls, sender } = setup(ok, {
      maxBatchEvents: 5,
      flushIntervalMs: 100,
      transport: (_u, body, keepalive) => {
        const call = { body: JSON.parse(body), keepalive, bytes: body.length };
        calls.push(call);
        if (!keepalive) return Promise.resolve(ok(call));
        return new Promise((resolve) => releases.push(() => resolve(ok(call))));
      },
    });
    for (let i = 0; i < 40; i++) queue.add(item({ pad: 'x'.repeat(10_000) })); // more than 64 KiB
    sender.unload();
    expect(calls.length).toBeGreaterThan(0);
    await sender.flush(); // the page came back while the keepalive requests are still in flight
    for (const release of releases) release();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(queue.local()).toEqual([]);
    expect(calls.some((c) => !c.keepalive)).toBe(true);
  });
  it('gives the keepalive budget back when those requests end, and never sends one event twice at once', async () => {
    const releases: Array<() => void> = [];
    const { queue, calls, sender } = setup(ok, {
      maxBatchEvents: 1000,
      transport: (_u, body, keepalive) => {
        const call = { body: JSON.parse(body), keepalive, bytes: body.length };
        calls.push(call);
        return new Promise((resolve) => releases.push(() => resolve({ status: 503 })));
      },
    });
    for (let i = 0; i < 300; i++) queue.add(item({ pad: 'x'.repeat(400) })); // ~135 KB
    sender.unload();
    const first = calls.length;
    const sentIds = calls.flatMap((c) => c.body.events.map((e) => e.id));
    sender.unload(); // budget used up: nothing more
    expect(calls).toHaveLength(first);
    for (const release of releases.splice(0)) release();
    await vi.advanceTimersByTimeAsync(0);
    sender.unload(); // budget back: the same events go again (they are still queued), within the budget
    const again = calls.slice(first);
    expect(again.length).toBeGreaterThan(0);
    expect(again.reduce((s, c) => s + c.bytes, 0)).toBeLessThanOrEqual(KEEPALIVE_BUDGET_BYTES);
    expect(again[0]!.body.events[0]!.id).toBe(sentIds[0]);
    expect(new Set(again.flatMap((c) => c.body.events.map((e) => e.id))).size).toBe(
      again.reduce((s, c) => s + c.body.events.length, 0),
    );
    sender.stop();
  });
  it('once a retry has fired, new events are sent again on their own (another tab sent the failed ones)', async () => {
    const { queue, calls, sender } = setup((c, n) => (n === 1 ? { status: 'network' } : ok(c)));
    queue.add(item());
    await sender.flush();
    expect(calls).toHaveLength(1);
    // The shared queue: another tab sent (and removed) the failed events before the retry fired.
    await queue.clear();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    queue.add(item());
    sender.queued();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    expect(queue.local()).toEqual([]);
  });
});
