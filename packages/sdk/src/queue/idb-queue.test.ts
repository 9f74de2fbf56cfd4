import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gateNextOpen } from './fake-gated-open.js';
import { createIdbQueue } from './idb-queue.js';
import { item, queueConformance } from './queue-conformance.js';

let n = 0;
const fresh = () => `tp-test-${++n}`;

queueConformance('IndexedDB queue', async (limits) => createIdbQueue({ ...limits, dbName: fresh() }));

describe('IndexedDB queue specifics', () => {
  afterEach(() => vi.restoreAllMocks());
  const limits = { maxEvents: 1000, maxBytes: 1_000_000 };

  it('after clear(), an open begun before it hands out no connection: what is added next is in the new database', async () => {
    const dbName = fresh();
    // The first open answers only once released, as a connection that opened just before the deletion;
    // right after the queue learns of it, before its `versionchange`, a write must not use it.
    const gate = gateNextOpen(() => void q.settle());
    const q = createIdbQueue({ ...limits, dbName });
    const [before, after] = [item(), item()];
    q.add(before);
    void q.settle(); // opens (gated)
    void q.clear();
    q.add(after);
    gate.release();
    await new Promise((r) => setTimeout(r, 200));
    await q.settle();
    gate.restore();
    const other = createIdbQueue({ ...limits, dbName });
    expect((await other.take(10, 100_000)).map((e) => e.id)).toEqual([after.id]);
  });

  it('shares events between queues of the same database (tabs, next page)', async () => {
    const dbName = fresh();
    const a = createIdbQueue({ ...limits, dbName });
    const events = [item(), item()];
    for (const e of events) a.add(e);
    await a.settle();
    const b = createIdbQueue({ ...limits, dbName });
    expect((await b.take(10, 10_000)).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('trims what the database holds (other tabs, earlier pages) to its limits on take, and deletes the rest', async () => {
    const dbName = fresh();
    const a = createIdbQueue({ ...limits, dbName });
    const events = Array.from({ length: 5 }, () => item());
    for (const e of events) a.add(e);
    await a.settle();
    const reports: unknown[] = [];
    const b = createIdbQueue({
      maxEvents: 3,
      maxBytes: 1_000_000,
      dbName,
      report: (k, d) => reports.push([k, d]),
    });
    expect((await b.take(10, 100_000)).map((e) => e.id)).toEqual(events.slice(2).map((e) => e.id));
    expect(b.local().map((e) => e.id)).toEqual(events.slice(2).map((e) => e.id));
    expect(b.dropped()).toBe(2);
    expect(reports).toContainEqual(['queue-full', { dropped: 2 }]);
    await b.settle();
    const c = createIdbQueue({ ...limits, dbName });
    expect((await c.take(10, 100_000)).map((e) => e.id)).toEqual(events.slice(2).map((e) => e.id));
  });

  it('coalesces a burst into one write transaction', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const q = createIdbQueue({ ...limits, dbName: fresh() });
    await q.take(1, 1); // opens the database
    spy.mockClear();
    for (let i = 0; i < 200; i++) q.add(item());
    await q.settle();
    expect(spy.mock.calls.filter((c) => c[1] === 'readwrite')).toHaveLength(1);
  });

  it('an early write (settle) ends its window: under a trickle, one write per 50 ms window', async () => {
    const q = createIdbQueue({ ...limits, dbName: fresh() });
    await q.take(1, 1); // opens the database
    // Only the queue's timers are faked: fake-indexeddb schedules with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
      q.add(item());
      await vi.advanceTimersByTimeAsync(20);
      await q.settle(); // mid-window, as a send does
      for (let i = 0; i < 20; i++) {
        q.add(item());
        await vi.advanceTimersByTimeAsync(10);
      }
      await q.settle();
      // 1 early write, 4 windows in 200 ms, 1 final settle. A window timer left running after an early
      // write started a second, interleaved chain of windows and about doubled this.
      expect(spy.mock.calls.filter((c) => c[1] === 'readwrite').length).toBeLessThanOrEqual(6);
    } finally {
      vi.useRealTimers();
    }
  });
  it('settle starts the write in the same task and commits it', async () => {
    const q = createIdbQueue({ ...limits, dbName: fresh() });
    await q.take(1, 1);
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit');
    q.add(item());
    const settled = q.settle();
    expect(commit).toHaveBeenCalledTimes(1);
    await settled;
  });

  it('falls back to memory when IndexedDB is missing, and says so', async () => {
    const reports: string[] = [];
    const original = globalThis.indexedDB;
    // @ts-expect-error simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const q = createIdbQueue({ ...limits, report: (k) => reports.push(k) });
      const e = item();
      q.add(e);
      expect(q.kind()).toBe('memory');
      expect((await q.take(10, 10_000)).map((x) => x.id)).toEqual([e.id]);
    } finally {
      globalThis.indexedDB = original;
    }
    expect(reports).toContain('storage-fallback');
  });

  it('falls back to memory when merely reading indexedDB throws (Firefox with cookies blocked)', async () => {
    const own = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      const reports: string[] = [];
      const q = createIdbQueue({ ...limits, dbName: fresh(), report: (kind) => reports.push(kind) });
      q.add(item());
      expect(q.kind()).toBe('memory');
      expect(reports).toEqual(['storage-fallback']);
      expect(await q.take(10, 10_000)).toHaveLength(1);
    } finally {
      if (own) Object.defineProperty(globalThis, 'indexedDB', own);
    }
  });
  it('a clear() while take() reads (consent denied) is not undone by the snapshot', async () => {
    const q = createIdbQueue({ ...limits, dbName: fresh() });
    q.add(item());
    q.add(item());
    await q.settle();
    const getAll = IDBObjectStore.prototype.getAll;
    let clearing: Promise<unknown> | undefined;
    // The read's transaction exists (it sees both events) when the clear starts.
    vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['getAll']>
    ) {
      clearing ??= q.clear();
      return getAll.apply(this, args);
    });
    expect(await q.take(10, 100_000)).toEqual([]);
    await clearing;
    expect(q.local()).toEqual([]);
    vi.restoreAllMocks();
    expect(await q.take(10, 100_000)).toEqual([]);
  });
  it('does not forget events added while take() reads the database', async () => {
    const q = createIdbQueue({ ...limits, dbName: fresh() });
    q.add(item());
    const reading = q.take(10, 10_000);
    await Promise.resolve(); // take() has started its read
    const late = item();
    q.add(late);
    await reading;
    expect(q.local().map((e) => e.id)).toContain(late.id);
    await q.settle();
  });

  it('falls back to memory when opening the database never answers', async () => {
    vi.useFakeTimers();
    try {
      // A request whose success or error never fires (Safari's first-open hang).
      vi.spyOn(indexedDB, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest);
      const reports: string[] = [];
      const q = createIdbQueue({ ...limits, dbName: fresh(), report: (k) => reports.push(k) });
      const e = item();
      q.add(e);
      const taken = q.take(10, 10_000);
      await vi.advanceTimersByTimeAsync(20_000);
      expect((await taken).map((x) => x.id)).toEqual([e.id]);
      expect(q.kind()).toBe('memory');
      expect(reports).toContain('storage-fallback');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reopens once after a failure, then keeps using IndexedDB', async () => {
    const q = createIdbQueue({ ...limits, dbName: fresh() });
    await q.take(1, 1);
    const real = IDBDatabase.prototype.transaction;
    let failures = 1;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args) {
      if (failures-- > 0)
        throw new DOMException('Connection to Indexed Database server lost', 'UnknownError');
      return real.apply(this, args as Parameters<typeof real>);
    });
    const e = item();
    q.add(e);
    await q.settle();
    expect(q.kind()).toBe('indexeddb');
    expect((await q.take(10, 10_000)).map((x) => x.id)).toEqual([e.id]);
  });

  it('falls back to memory after repeated failures without losing queued events', async () => {
    const reports: string[] = [];
    const q = createIdbQueue({ ...limits, dbName: fresh(), report: (k) => reports.push(k) });
    await q.take(1, 1);
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const events = [item(), item()];
    for (const e of events) q.add(e);
    await q.settle();
    expect(q.kind()).toBe('memory');
    expect(reports).toContain('storage-fallback');
    expect((await q.take(10, 10_000)).map((x) => x.id)).toEqual(events.map((e) => e.id));
  });

  it('falls back when the database cannot be opened', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    });
    const q = createIdbQueue({ ...limits, dbName: fresh() });
    const e = item();
    q.add(e);
    await q.settle();
    expect((await q.take(10, 10_000)).map((x) => x.id)).toEqual([e.id]);
    expect(q.kind()).toBe('memory');
  });
});
