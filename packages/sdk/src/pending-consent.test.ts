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

it('a visitor denied from the start (GPC) gets no IndexedDB database; one with stored ids has the queue emptied', async () => {
  localStorage.clear();
  stubCollectorFetch();
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { globalPrivacyControl: true }));
  const endpoint = 'https://gpc.example/v1/batch';
  const t = createCoreTracker({ endpoint });
  t.track('never');
  await t.flush();
  await t.shutdown();
  await new Promise((r) => setTimeout(r, 100));
  expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(`touchpoint ${endpoint}`);

  // Ids stored by an earlier visit under consent: its queue may hold events, and is emptied.
  localStorage.setItem('tp_aid', '0190a5b2-0000-7000-8000-00000000000a');
  const again = createCoreTracker({ endpoint });
  await again.shutdown();
  await vi.waitFor(async () =>
    expect((await indexedDB.databases()).map((db) => db.name)).toContain(`touchpoint ${endpoint}`),
  );
  expect(localStorage.getItem('tp_aid')).toBeNull();
});
