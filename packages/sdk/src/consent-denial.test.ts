// A denial deletes the queue's database (README, "Identity"); the visitor may grant again on the same page,
// even in the same task, and what is recorded then is stored again, in a new database, never in the one
// being deleted. Where IndexedDB is missing a denial must still work. Through IndexedDB as in a browser
// (these are the full builds; the core script's pages are in the Chromium tests).
import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import type { TouchpointEvent } from '@touchpoint/protocol';
import { stubCollectorFetch } from './fake-collector-fetch.js';
import { gateNextOpen } from './queue/fake-gated-open.js';
import { createCoreTracker } from './tracker.js';
import type { Tracker } from './tracker-api.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const databases = async () => (await indexedDB.databases()).map((db) => db.name);
const names = (batches: TouchpointEvent[][]) => batches.flat().map((e) => (e as { name?: string }).name);
const RETRY_LATER = { retryBaseMs: 60_000, retryMaxMs: 60_000 };
/** The collector is down: what a page records stays queued. */
const collectorDown = () =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('', { status: 503 })),
  );
/**
 * Leaves the page of `t` (`meanwhile` runs then: another tab catching up); then the next page of the site,
 * the collector back, sends: what it sent.
 */
async function leaveForNextPage(
  t: Tracker,
  endpoint: string,
  meanwhile = async (): Promise<void> => {},
): Promise<TouchpointEvent[]> {
  window.dispatchEvent(new Event('pagehide'));
  await new Promise((r) => setTimeout(r, 100));
  await t.shutdown();
  await meanwhile();
  const { batches } = stubCollectorFetch();
  const next = createCoreTracker({ endpoint });
  await next.flush();
  await next.shutdown();
  return batches.flat();
}

/** The events stored in a queue database, by name (opening it as the SDK would). */
const stored = (name: string) =>
  new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onupgradeneeded = () => open.result.createObjectStore('queue');
    open.onsuccess = () => {
      const request = open.result.transaction('queue').objectStore('queue').getAll();
      request.onsuccess = () => {
        open.result.close();
        resolve((request.result as string[]).map((json) => JSON.parse(json).name));
      };
    };
    open.onerror = () => reject(open.error);
  });

it('denied → granted in the same task: the next event is sent, and stored in a new database meanwhile', async () => {
  localStorage.clear();
  const { batches } = stubCollectorFetch();
  const endpoint = 'https://regrant.example/v1/batch';
  const t = createCoreTracker({ endpoint });
  t.track('before');
  await t.flush(); // the queue's database is open now
  const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  t.consent('denied');
  t.consent('granted');
  t.track('after');
  await t.flush();
  await new Promise((r) => setTimeout(r, 300));
  expect(await stored(`touchpoint ${endpoint}`)).toEqual(['after']);
  online.mockReturnValue(true);
  await t.flush();
  expect(names(batches)).toEqual(['before', 'after']);
  expect(t.stats().storage).toBe('indexeddb');
  await t.shutdown();
});

it('denied while the database still opens: nothing recorded before the denial is left, what a grant records is', async () => {
  localStorage.clear();
  const { batches } = stubCollectorFetch();
  const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  const endpoint = 'https://regrant-opening.example/v1/batch';
  // The queue's first open answers only once released: the denial comes while it is under way.
  const gate = gateNextOpen();
  const t = createCoreTracker({ endpoint });
  t.track('before');
  void t.flush();
  await vi.waitFor(() => expect(gate.opened()).toBe(true));
  t.consent('denied');
  t.consent('granted');
  t.track('after');
  gate.release();
  await new Promise((r) => setTimeout(r, 300));
  await t.flush();
  gate.restore();
  expect(await stored(`touchpoint ${endpoint}`)).toEqual(['after']);
  online.mockReturnValue(true);
  await t.flush();
  expect(names(batches)).toEqual(['after']);
  await t.shutdown();
});

// What a grant after a denial records outlives the page like any event: the collector down, the page left.
for (const regrant of [false, true])
  it(`the collector down, the page left: the next page sends the event (${regrant ? 'after denied → granted' : 'control'})`, async () => {
    localStorage.clear();
    const endpoint = `https://left-${regrant}.example/v1/batch`;
    collectorDown();
    const t = createCoreTracker({ endpoint, ...RETRY_LATER });
    t.track('before');
    await t.flush();
    if (regrant) {
      t.consent('denied');
      t.consent('granted');
    }
    t.track('after');
    expect(names([await leaveForNextPage(t, endpoint)])).toContain('after');
  });

it('a returning visitor who had said no and grants on this page: the conversion outlives the page', async () => {
  localStorage.clear();
  localStorage.setItem('tp_consent', 'denied');
  const endpoint = 'https://stored-denial.example/v1/batch';
  collectorDown();
  const t = createCoreTracker({ endpoint, ...RETRY_LATER });
  t.consent('granted');
  t.conversion('purchase', { orderId: 'o-1', value: 10, currency: 'EUR' });
  expect((await leaveForNextPage(t, endpoint)).map((e) => e.type)).toContain('conversion');
});

it('where indexedDB is null, a visitor denied from the start still gets a tracker, and a denial still forgets', () => {
  localStorage.clear();
  stubCollectorFetch();
  vi.stubGlobal('indexedDB', null);
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { globalPrivacyControl: true }));
  expect(createCoreTracker({ endpoint: 'https://null-idb.example/v1/batch' }).stats().consent).toBe('denied');
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { globalPrivacyControl: false }));
  localStorage.clear();
  const t = createCoreTracker({ endpoint: 'https://null-idb-2.example/v1/batch' });
  t.track('x');
  expect(localStorage.getItem('tp_aid')).not.toBeNull();
  t.consent('denied');
  expect(localStorage.getItem('tp_aid')).toBeNull();
  expect(localStorage.getItem('tp_consent')).toBe('denied');
});

it("a denial on a page that keeps its queue in memory (persist: false) deletes an earlier page's database", async () => {
  localStorage.clear();
  stubCollectorFetch();
  const endpoint = 'https://memory-page.example/v1/batch';
  // An earlier page stored, its collector down.
  await new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(`touchpoint ${endpoint}`);
    open.onupgradeneeded = () => open.result.createObjectStore('queue').put('{}', 'left-behind');
    open.onsuccess = () => (open.result.close(), resolve());
    open.onerror = () => reject(open.error);
  });
  const t = createCoreTracker({ endpoint, persist: false });
  t.consent('denied');
  await vi.waitFor(async () => expect(await databases()).not.toContain(`touchpoint ${endpoint}`));
  await t.shutdown();
});

// Another tab of the site follows the stored choice through `storage` events, which it may handle late (busy,
// or frozen in the background): by then the visitor may have granted again.
for (const late of [false, true])
  it(`another tab handling the denial late does not delete what the grant stored (${late ? 'late' : 'control'})`, async () => {
    localStorage.clear();
    const endpoint = `https://late-tab-${late}.example/v1/batch`;
    collectorDown();
    localStorage.setItem('tp_consent', 'granted');
    // The other tab: its storage listener is kept aside, to be called when that tab gets to run.
    let otherTab: ((event: Event) => void) | undefined;
    const listen = vi
      .spyOn(window, 'addEventListener')
      .mockImplementation((type: string, listener: EventListenerOrEventListenerObject) => {
        if (type === 'storage') otherTab = listener as (event: Event) => void;
      });
    const other = createCoreTracker({ endpoint, ...RETRY_LATER });
    listen.mockRestore();
    const t = createCoreTracker({ endpoint, ...RETRY_LATER });
    t.track('before');
    await t.flush();
    t.consent('denied');
    t.consent('granted');
    t.conversion('purchase', { orderId: 'o-1', value: 10, currency: 'EUR' });
    const sent = await leaveForNextPage(t, endpoint, async () => {
      if (!late) return;
      otherTab!(new StorageEvent('storage', { key: 'tp_consent', newValue: 'denied' }));
      otherTab!(new StorageEvent('storage', { key: 'tp_consent', newValue: 'granted' }));
      await new Promise((r) => setTimeout(r, 200));
    });
    expect(other.stats().consent).toBe('granted');
    expect(sent.map((e) => e.type)).toContain('conversion');
    await other.shutdown();
  });
