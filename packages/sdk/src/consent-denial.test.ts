// A denial deletes the queue's database (README, "Identity"), and nothing on the page opens it again: the
// visitor may grant again on the same page, even in the same task, and the page's later events are sent
// from memory (the next page stores again). Where IndexedDB is missing a denial must still work. Through
// IndexedDB as in a browser.
import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import type { TouchpointEvent } from '@touchpoint/protocol';
import { stubCollectorFetch } from './fake-collector-fetch.js';
import { createCoreTracker } from './tracker.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const databases = async () => (await indexedDB.databases()).map((db) => db.name);
const names = (batches: TouchpointEvent[][]) => batches.flat().map((e) => (e as { name?: string }).name);

it('an event recorded right after denied → granted (same task) is sent; the database stays deleted', async () => {
  localStorage.clear();
  const { batches } = stubCollectorFetch();
  const endpoint = 'https://regrant.example/v1/batch';
  const t = createCoreTracker({ endpoint });
  t.track('before');
  await t.flush(); // the queue's database is open now
  t.consent('denied');
  t.consent('granted');
  t.track('after');
  await t.flush();
  await new Promise((r) => setTimeout(r, 300));
  await t.flush();
  expect(names(batches)).toEqual(['before', 'after']);
  expect(t.stats().storage).toBe('memory');
  expect(await databases()).not.toContain(`touchpoint ${endpoint}`);
  await t.shutdown();
  // The next page stores again.
  const next = createCoreTracker({ endpoint });
  next.track('next-page');
  await next.flush();
  expect(next.stats().storage).toBe('indexeddb');
  expect(await databases()).toContain(`touchpoint ${endpoint}`);
  await next.shutdown();
});

it('denied while the database still opens: nothing recorded before the denial is left, and a later grant sends', async () => {
  localStorage.clear();
  const { batches } = stubCollectorFetch();
  const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  const endpoint = 'https://regrant-opening.example/v1/batch';
  // The queue's first open answers only once released: the denial comes while it is under way.
  const realOpen = indexedDB.open.bind(indexedDB);
  let release = (): void => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let gated = false;
  const open = vi.spyOn(indexedDB, 'open').mockImplementation((name: string) => {
    const request = realOpen(name);
    if (gated) return request;
    gated = true;
    return new Proxy(request, {
      set(target, key, value: (event: Event) => void) {
        if (key === 'onsuccess')
          target.onsuccess = (event) => void gate.then(() => value.call(target, event));
        else Reflect.set(target, key, value, target);
        return true;
      },
      get: (target, key) => Reflect.get(target, key, target),
    });
  });
  const t = createCoreTracker({ endpoint });
  t.track('before');
  void t.flush();
  await vi.waitFor(() => expect(open).toHaveBeenCalled());
  t.consent('denied');
  t.consent('granted');
  t.track('after');
  release();
  await vi.waitFor(async () => expect(await databases()).not.toContain(`touchpoint ${endpoint}`));
  expect(t.stats().queued).toBe(1);
  online.mockReturnValue(true);
  await t.flush();
  expect(names(batches)).toEqual(['after']);
  await t.shutdown();
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
