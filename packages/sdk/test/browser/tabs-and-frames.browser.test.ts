// Identity and consent across the site's open tabs, the unload of a page whose queue starts with an event
// too large for a keepalive request, and a sandboxed frame: real Chromium (shared localStorage, storage
// events, keepalive, Web Locks refused) against the real collector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readStoredEvents } from '@touchpoint/collector';
import { launchChromium } from '../../../../scripts/testing/chromium';
import { LOAD_MODES, sdkReady, startSdkServer, trackingPage } from '../../../../scripts/testing/sdk-pages';
import type { StaticServer } from '../../../../scripts/testing/static-server';
import { startTestCollector, type TestCollector } from '../../../../scripts/testing/test-collector';

let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchChromium(), startSdkServer()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type Tp = (...args: unknown[]) => any;
const call = (page: Page, ...args: unknown[]): Promise<any> =>
  page.evaluate((a) => (window as unknown as { touchpoint: Tp }).touchpoint(...a), args);

describe.each(LOAD_MODES)('tabs, SDK loaded by %s', (mode) => {
  let collector: TestCollector;
  let context: BrowserContext;

  const open = async (path: string): Promise<Page> => {
    site.page(
      path,
      trackingPage(mode, { endpoint: collector.endpoint, autocapture: false, flushIntervalMs: 100 }),
    );
    const page = await context.newPage();
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
    'after a logout (reset) in one tab, the other tab sends the new person, without the user id',
    withCollector(async () => {
      const a = await open('/tab-a');
      await call(a, 'identify', 'u1');
      const b = await open('/tab-b'); // a tab of the logged-in visitor
      const before = await call(b, 'track', 'before');
      await call(a, 'reset');
      const fresh = await call(a, 'track', 'fresh');
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
