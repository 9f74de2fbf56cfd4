// Consent pending stores and sends nothing (README, "Identity"), also when the app itself calls flush()
// or shutdown() (React's StrictMode cleanup, a hot reload): through IndexedDB as in a browser.
import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { stubCollectorFetch } from './fake-collector-fetch.js';
import { createCoreTracker } from './tracker.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

it('while pending, flush() and shutdown() open no queue, write no key and send nothing', async () => {
  localStorage.clear();
  const { batches } = stubCollectorFetch();
  const written: string[] = [];
  const setItem = Storage.prototype.setItem;
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key, value) {
    written.push(key);
    setItem.call(this, key, value);
  });
  const endpoint = 'https://pending.example/v1/batch';
  const t = createCoreTracker({ endpoint, consent: 'pending' });
  t.track('held');
  await t.flush();
  await t.shutdown();
  expect(batches).toEqual([]);
  expect(written).toEqual([]);
  expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(`touchpoint ${endpoint}`);
});

it('a visitor denied from the start (GPC) gets no IndexedDB database; the queue of an earlier visit is deleted', async () => {
  localStorage.clear();
  stubCollectorFetch();
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { globalPrivacyControl: true }));
  const endpoint = 'https://gpc.example/v1/batch';
  const names = async () => (await indexedDB.databases()).map((db) => db.name);
  const t = createCoreTracker({ endpoint });
  t.track('never');
  await t.flush();
  await t.shutdown();
  await new Promise((r) => setTimeout(r, 100));
  expect(await names()).not.toContain(`touchpoint ${endpoint}`);

  // An earlier visit under consent left its ids and, its collector down, a queued event.
  localStorage.setItem('tp_aid', '0190a5b2-0000-7000-8000-00000000000a');
  await new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(`touchpoint ${endpoint}`);
    open.onupgradeneeded = () => open.result.createObjectStore('queue').put('{}', 'left-behind');
    open.onsuccess = () => (open.result.close(), resolve());
    open.onerror = () => reject(open.error);
  });
  expect(await names()).toContain(`touchpoint ${endpoint}`);
  const again = createCoreTracker({ endpoint });
  await again.shutdown();
  await vi.waitFor(async () => expect(await names()).not.toContain(`touchpoint ${endpoint}`));
  expect(localStorage.getItem('tp_aid')).toBeNull();
});
