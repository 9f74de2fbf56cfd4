// The delivery contract in real Chromium against the real collector, with the SDK loaded by the script
// tag and by an ESM import. "Arrives" = the collector stored the event id (it stores each id once).
// Also identity and consent across the site's open tabs (shared localStorage, storage events), the unload
// of a page whose queue starts with an event too large for keepalive, and a sandboxed frame (Web Locks,
// IndexedDB and storage refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readStoredEvents } from '@touchpoint/collector';
import { launchChromium } from '../../../../scripts/testing/chromium.js';
import {
  LOAD_MODES,
  sdkReady,
  startSdkServer,
  trackBurst,
  trackingPage,
} from '../../../../scripts/testing/sdk-pages.js';
import type { StaticServer } from '../../../../scripts/testing/static-server.js';
import {
  startTestCollector,
  unavailableFor,
  type TestCollector,
} from '../../../../scripts/testing/test-collector.js';

let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchChromium(), startSdkServer()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Fast timings so the suite stays short; the logic is the same as with the defaults. */
const FAST = { flushIntervalMs: 100, retryBaseMs: 100, retryMaxMs: 800 };

type Tp = (...args: unknown[]) => any;
const call = (page: Page, ...args: unknown[]): Promise<any> =>
  page.evaluate((a) => (window as unknown as { touchpoint: Tp }).touchpoint(...a), args);

describe.each(LOAD_MODES)('delivery, SDK loaded by %s', (mode) => {
  let collector: TestCollector;
  let context: BrowserContext;

  const open = async (path: string, options: Record<string, unknown> = {}, ctx = context): Promise<Page> => {
    site.page(
      path,
      trackingPage(mode, { endpoint: collector.endpoint, autocapture: false, ...FAST, ...options }),
    );
    const page = await ctx.newPage();
    await page.goto(site.origin + path);
    await sdkReady(page);
    return page;
  };
  const withCollector = (fn: () => Promise<void>) => async () => {
    collector = await startTestCollector();
    context = await browser.newContext();
    try {
      await fn();
    } finally {
      await context.close();
      await collector.close();
    }
  };
  const stored = async (ids: string[]) => {
    expect(await collector.waitFor(ids)).toEqual([]);
    const events = new Map<string, Record<string, unknown>>();
    for await (const event of readStoredEvents(collector.dataDir)) events.set(event.id, event as never);
    return ids.map((id) => events.get(id)!);
  };

  it(
    '(1) 1,000 events tracked in a burst all arrive, in few requests',
    withCollector(async () => {
      const page = await open('/burst');
      const ids = await trackBurst(page, 1000);
      expect(new Set(ids).size).toBe(1000);
      expect(await collector.waitFor(ids)).toEqual([]);
      expect(collector.requests).toBeLessThanOrEqual(15);
      // The store shows the events a moment before the counters do.
      await expect.poll(() => collector.collector.metrics().accepted).toBe(1000);
    }),
  );

  it(
    '(2) the collector answers 503 for a while, then recovers: every event arrives',
    withCollector(async () => {
      collector.fault = unavailableFor(4);
      const page = await open('/outage');
      const ids = await trackBurst(page, 200);
      expect(await collector.waitFor(ids)).toEqual([]);
      expect(collector.requests).toBeGreaterThan(4);
      const diagnostics = await page.evaluate(() => (window as any).__diagnostics.map((d: any) => d.kind));
      expect(diagnostics).toContain('retry');
    }),
  );

  it(
    "a 503's Retry-After is honoured from another origin (the collector exposes the header)",
    withCollector(async () => {
      collector.fault = unavailableFor(1, 2);
      const page = await open('/retry-after');
      const ids = await trackBurst(page, 5);
      expect(await collector.waitFor(ids)).toEqual([]);
      const retries = await page.evaluate(() =>
        (window as any).__diagnostics
          .filter((d: any) => d.kind === 'retry')
          .map((d: any) => d.detail.delayMs),
      );
      expect(retries).toEqual([2000]);
    }),
  );

  it(
    '(3) reload and navigate away right after tracking: every event arrives',
    withCollector(async () => {
      const page = await open('/reload');
      const reloaded = await page.evaluate(() => {
        const tp = (window as any).touchpoint;
        const ids = Array.from({ length: 50 }, (_, i) => tp('track', 'before-reload', { i }));
        setTimeout(() => location.reload(), 0);
        return ids as string[];
      });
      await page.waitForLoadState('load');
      await sdkReady(page);
      const left = await page.evaluate(() => {
        const tp = (window as any).touchpoint;
        const ids = Array.from({ length: 50 }, (_, i) => tp('track', 'before-leaving', { i }));
        setTimeout(() => (location.href = '/plain'), 0);
        return ids as string[];
      });
      site.page('/plain', '<!doctype html><title>plain</title><p>no tracker here</p>');
      await page.waitForURL('**/plain');
      let missing = await collector.waitFor([...reloaded, ...left], 3000);
      if (missing.length) {
        // Whatever the unload requests did not carry is sent by the next page of the site.
        await page.goto(site.origin + '/reload');
        missing = await collector.waitFor(missing);
      }
      expect(missing).toEqual([]);
    }),
  );

  it(
    '(4) offline, then online: every event arrives',
    withCollector(async () => {
      const page = await open('/offline');
      await context.setOffline(true);
      const ids = await trackBurst(page, 100);
      await page.waitForTimeout(400);
      expect(collector.requests).toBe(0);
      await context.setOffline(false);
      expect(await collector.waitFor(ids)).toEqual([]);
    }),
  );

  it(
    '(5) two tabs track at once: every event arrives; duplicates are counted',
    withCollector(async () => {
      const [a, b] = await Promise.all([open('/tab-a'), open('/tab-b')]);
      const [idsA, idsB] = await Promise.all([trackBurst(a, 300, 'tab-a'), trackBurst(b, 300, 'tab-b')]);
      const ids = [...idsA, ...idsB];
      expect(await collector.waitFor(ids)).toEqual([]);
      await expect.poll(() => collector.collector.metrics().accepted).toBe(600);
      const { duplicates, accepted } = collector.collector.metrics();
      console.log(`[${mode}] two tabs: ${accepted} stored, ${duplicates} duplicates`);
      expect(accepted).toBe(600);
      expect(duplicates).toBeLessThanOrEqual(60);
    }),
  );

  it(
    '(6) IndexedDB unavailable: tracking still works from memory, and says so',
    withCollector(async () => {
      await context.addInitScript(() => {
        Object.defineProperty(window, 'indexedDB', { get: () => undefined });
      });
      const page = await open('/no-idb');
      const ids = await trackBurst(page, 100);
      expect(await collector.waitFor(ids)).toEqual([]);
      const { storage, kinds } = await page.evaluate(() => ({
        storage: (window as any).touchpoint('stats').storage,
        kinds: (window as any).__diagnostics.map((d: any) => d.kind),
      }));
      expect(storage).toBe('memory');
      expect(kinds).toContain('storage-fallback');
    }),
  );

  it(
    'after a logout (reset) in one tab, the other tab sends the new person, without the user id',
    withCollector(async () => {
      const a = await open('/tab-a');
      await call(a, 'identify', 'u1');
      const b = await open('/tab-b'); // a tab of the logged-in visitor
      const before = await call(b, 'track', 'before');
      await call(a, 'reset');
      const fresh = await call(a, 'track', 'fresh');
      // Chromium passes one tab's localStorage writes to another tab asynchronously: the other tab can
      // only follow the new person once it can see it.
      const ids = () => localStorage.getItem('tp_aid') + ' ' + localStorage.getItem('tp_session');
      const written = await a.evaluate(ids);
      await expect.poll(() => b.evaluate(ids)).toBe(written);
      const other = await call(b, 'track', 'other');
      const [old, mine, theirs] = await stored([before, fresh, other]);
      expect(old).toMatchObject({ userId: 'u1' });
      expect(theirs!.anonymousId).toBe(mine!.anonymousId);
      expect(theirs!.anonymousId).not.toBe(old!.anonymousId);
      expect(theirs!.sessionId).toBe(mine!.sessionId);
      expect(theirs!.userId).toBeUndefined();
    }),
  );

  it(
    'a denial in one tab stops the other tab recording',
    withCollector(async () => {
      const [a, b] = [await open('/tab-a'), await open('/tab-b')];
      await call(a, 'consent', 'denied');
      await expect.poll(() => call(b, 'stats').then((s: { consent: string }) => s.consent)).toBe('denied');
      expect(await call(b, 'track', 'after-denial')).toBeUndefined();
      expect(await b.evaluate(() => localStorage.getItem('tp_aid'))).toBeNull();
      // The queue's database is deleted, not left empty (both tabs held it open).
      const queues = () =>
        b.evaluate(async () =>
          (await indexedDB.databases()).filter(({ name }) => name?.startsWith('touchpoint ')),
        );
      await expect.poll(queues).toEqual([]);
    }),
  );

  it(
    'denied, then granted in the same task: the next event arrives (the deleted database does not take it)',
    withCollector(async () => {
      const page = await open('/regrant');
      const before = await page.evaluate(async () => {
        const tp = (window as unknown as { touchpoint: Tp }).touchpoint;
        const id = tp('track', 'before');
        await tp('flush');
        return id;
      });
      expect(await collector.waitFor([before], 5000)).toEqual([]);
      const after = await page.evaluate(() => {
        const tp = (window as unknown as { touchpoint: Tp }).touchpoint;
        tp('consent', 'denied');
        tp('consent', 'granted');
        const id = tp('track', 'after');
        void tp('flush');
        return id;
      });
      expect(after).toBeTruthy();
      expect(await collector.waitFor([after], 5000)).toEqual([]);
    }),
  );

  it(
    'two tabs pending: a grant in one makes one person of both, with what the other held',
    withCollector(async () => {
      const [a, b] = [
        await open('/tab-a', { consent: 'pending' }),
        await open('/tab-b', { consent: 'pending' }),
      ];
      // Held in memory by the full builds (a landing's page view in each tab); the core script records
      // nothing before consent.
      const held = [await call(a, 'track', 'held-in-a'), await call(b, 'track', 'held-in-b')];
      expect(held.every((id) => id === undefined)).toBe(mode === 'core script');
      // Tab B's visitor signed in meanwhile: tab B keeps the user id when it joins.
      await call(b, 'identify', 'u1');
      // Tab A records at once, before tab B follows the grant.
      const a0 = await a.evaluate(() => {
        const tp = (window as unknown as { touchpoint: Tp }).touchpoint;
        tp('consent', 'granted');
        return tp('track', 'a0');
      });
      await expect.poll(() => call(b, 'stats').then((s: { consent: string }) => s.consent)).toBe('granted');
      const later = [
        await call(a, 'track', 'a1'),
        await call(b, 'track', 'b1'),
        await call(a, 'track', 'a2'),
      ];
      const ids = [a0, ...later];
      const events = await stored(mode === 'core script' ? ids : [...held, ...ids]);
      // One anonymous id and one session: tab A did not change person when tab B followed the grant.
      expect(new Set(events.map((e) => e.anonymousId)).size).toBe(1);
      expect(new Set(events.map((e) => e.sessionId)).size).toBe(1);
      expect(events.find((e) => e.id === later[1])).toMatchObject({ userId: 'u1' });
    }),
  );

  it(
    'leaving a page: an event too large for keepalive does not keep the later ones from going out',
    withCollector(async () => {
      const page = await open('/big');
      site.page('/plain', '<!doctype html><title>plain</title><p>no tracker here</p>');
      const ids: string[] = await page.evaluate(() => {
        const tp = (window as unknown as { touchpoint: Tp }).touchpoint;
        tp('track', 'big', { blob: 'x'.repeat(70_000) });
        const small = Array.from({ length: 20 }, (_, i) => tp('track', 'small', { i }));
        setTimeout(() => (location.href = '/plain'), 0);
        return small;
      });
      await page.waitForURL('**/plain');
      expect(await collector.waitFor(ids, 3000)).toEqual([]);
    }),
  );
});

describe('a sandboxed frame (no Web Locks, IndexedDB or storage)', () => {
  it('still delivers, from memory', async () => {
    const collector = await startTestCollector();
    const context = await browser.newContext();
    try {
      const options = JSON.stringify({
        endpoint: collector.endpoint,
        autocapture: false,
        flushIntervalMs: 100,
      });
      const frame = `<!doctype html><script>
window.touchpoint = window.touchpoint || function(){(touchpoint.q = touchpoint.q || []).push(arguments)};
touchpoint('init', ${options});
window.__id = touchpoint('track', 'in-frame');</script><script src="${site.origin}/sdk/touchpoint.min.js"></script>`;
      site.page(
        '/outer',
        `<!doctype html><iframe sandbox="allow-scripts" srcdoc="${frame.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`,
      );
      const page = await context.newPage();
      await page.goto(site.origin + '/outer');
      const inner = page.frames()[1]!;
      await inner.waitForFunction(() => !(window as unknown as { touchpoint: { q?: unknown } }).touchpoint.q);
      const id = await inner.evaluate(() =>
        (window as unknown as { touchpoint: Tp }).touchpoint('track', 'later'),
      );
      expect(await collector.waitFor([id], 5000)).toEqual([]);
    } finally {
      await context.close();
      await collector.close();
    }
  });
});

describe('the core script (touchpoint.core.min.js)', () => {
  it("refuses an option it leaves to touchpoint.min.js, and starts nothing: a site's redaction is never skipped", async () => {
    const context = await browser.newContext();
    try {
      site.page(
        '/core-refuses',
        `<!doctype html><script async src="/sdk/touchpoint.core.min.js" data-endpoint="/v1/batch" data-redact-params="email,token"></script>`,
      );
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.text().includes('[touchpoint]') && errors.push(m.text()));
      const requests: string[] = [];
      page.on('request', (r) => r.method() === 'POST' && requests.push(r.url()));
      await page.goto(site.origin + '/core-refuses');
      await page.waitForFunction(() => (window as unknown as { touchpoint?: unknown }).touchpoint);
      await expect
        .poll(() => errors)
        .toEqual([
          expect.stringContaining(
            '[touchpoint] option `redactParams` must be left out of touchpoint.core.min.js (use touchpoint.min.js), got "email,token".',
          ),
        ]);
      expect(
        await page.evaluate(() => (window as unknown as { touchpoint: Tp }).touchpoint('track', 'x')),
      ).toBe(undefined);
      expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
