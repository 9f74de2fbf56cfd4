// Two trackers on one page feeding two collectors (a site's own and an agency's): each collector gets only
// its own tracker's events, through IndexedDB as in a browser (the queue and the sending tab are per URL),
// and each order once (the order-id dedup keeps a list per collector). A denial deletes every queue.
import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { fullFeatures } from './touchpoints/defaults.js';
import { createCoreTracker } from './tracker.js';

afterEach(() => vi.unstubAllGlobals());

it("sends each tracker's events to its own collector only", async () => {
  const received: Record<string, string[]> = {};
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const { events } = JSON.parse(String(init.body)) as { events: Array<{ name: string }> };
      (received[new URL(url).host] ??= []).push(...events.map((e) => e.name));
      return new Response(JSON.stringify({ accepted: events.length, duplicates: 0, rejected: [] }));
    }),
  );
  const own = createCoreTracker({ endpoint: 'https://own.example/v1/batch', flushIntervalMs: 10 });
  const agency = createCoreTracker({ endpoint: 'https://agency.example/v1/batch', flushIntervalMs: 10 });
  agency.track('for-agency');
  own.track('for-own');
  await vi.waitFor(() => expect(Object.values(received).flat()).toHaveLength(2), { timeout: 3000 });
  await Promise.all([own.flush(), agency.flush()]);
  expect(received).toEqual({ 'own.example': ['for-own'], 'agency.example': ['for-agency'] });
  await Promise.all([own.shutdown(), agency.shutdown()]);
});

it('sends a conversion to each collector once, though the order-id dedup remembers it', async () => {
  const conversions: Record<string, number> = {};
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const { events } = JSON.parse(String(init.body)) as { events: Array<{ type: string }> };
      const host = new URL(url).host;
      conversions[host] = (conversions[host] ?? 0) + events.filter((e) => e.type === 'conversion').length;
      return new Response(JSON.stringify({ accepted: events.length, duplicates: 0, rejected: [] }));
    }),
  );
  const options = { persist: false, autocapture: false, flushIntervalMs: 10 } as const;
  const own = createCoreTracker({ ...options, endpoint: 'https://own.example/v1/batch' }, fullFeatures);
  const agency = createCoreTracker({ ...options, endpoint: 'https://agency.example/v1/batch' }, fullFeatures);
  for (const tracker of [own, agency, own, agency]) tracker.conversion('purchase', { orderId: 'o-7' });
  await Promise.all([own.flush(), agency.flush()]);
  expect(conversions).toEqual({ 'own.example': 1, 'agency.example': 1 });
  await Promise.all([own.shutdown(), agency.shutdown()]);
});

it("a denial deletes the queues of the site's earlier collector URLs too, with the events they still hold", async () => {
  localStorage.clear();
  // The collector is down under the old URL: its events stay queued.
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('', { status: 503 })),
  );
  const before = 'https://old.example/v1/batch';
  const old = createCoreTracker({ endpoint: before, retryBaseMs: 60_000, retryMaxMs: 60_000 });
  old.track('left-behind');
  await vi.waitFor(async () => {
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names).toContain(`touchpoint ${before}`);
  });
  await old.shutdown();
  // The site moved to a new endpoint; the visitor says no.
  const now = createCoreTracker({ endpoint: 'https://new.example/v1/batch' });
  now.consent('denied');
  await vi.waitFor(async () => {
    const names = (await indexedDB.databases()).map((db) => db.name);
    // The current queue's database goes too: a visitor who said no keeps not even an empty one.
    expect(names.filter((name) => name?.startsWith('touchpoint '))).toEqual([]);
  });
  await now.shutdown();
});

it("a privacy signal at start deletes no other tracker's queue: that tracker may not honour it, and be granted", async () => {
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('', { status: 503 })),
  );
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { globalPrivacyControl: true }));
  const endpoint = 'https://own-gpc.example/v1/batch';
  const own = createCoreTracker({
    endpoint,
    respectGlobalPrivacyControl: false,
    retryBaseMs: 60_000,
    retryMaxMs: 60_000,
  });
  own.track('kept');
  const names = async () => (await indexedDB.databases()).map((db) => db.name);
  await vi.waitFor(async () => expect(await names()).toContain(`touchpoint ${endpoint}`));
  // An agency's tracker on the same page honours GPC: denied from the start.
  const agency = createCoreTracker({ endpoint: 'https://agency-gpc.example/v1/batch' });
  expect(agency.stats().consent).toBe('denied');
  await new Promise((r) => setTimeout(r, 100));
  expect(await names()).toContain(`touchpoint ${endpoint}`);
  expect(own.stats().queued).toBe(1);
  await Promise.all([own.shutdown(), agency.shutdown()]);
});

it('a send answered after the denial does not create the deleted database again', async () => {
  localStorage.clear();
  let answer: (response: Response) => void = () => {};
  const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
  vi.stubGlobal('fetch', fetch);
  const endpoint = 'https://in-flight.example/v1/batch';
  const names = async () => (await indexedDB.databases()).map((db) => db.name);
  const t = createCoreTracker({ endpoint });
  const id = t.track('sending');
  const flushed = t.flush();
  await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
  t.consent('denied');
  await vi.waitFor(async () => expect(await names()).not.toContain(`touchpoint ${endpoint}`));
  // The collector answers the batch that was on its way: the queue removes it, in no database.
  answer(new Response(JSON.stringify({ accepted: 1, duplicates: 0, rejected: [] })));
  await flushed;
  await new Promise((r) => setTimeout(r, 200));
  expect(id).toBeDefined();
  expect(await names()).not.toContain(`touchpoint ${endpoint}`);
  await t.shutdown();
});
