// Real Chromium, built script tag, real collector: web vitals measured by the browser arrive attached to
// their page view (also for an SPA page), and capture honours consent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sdkReady } from '../../../../scripts/testing/sdk-pages.js';
import { ofType, startHarness, type Harness } from './capture-harness.js';

const VITALS_APP = `<h1 id="title">Vitals</h1><p>${'Some text to paint. '.repeat(40)}</p>
<button id="slow">slow</button><button id="nav">nav</button><div id="shift-slot"></div><p>below</p>
<script>
  let busy = 150;
  document.getElementById('slow').addEventListener('click', () => {
    const end = performance.now() + busy;
    busy = 600; // the next interaction is much slower, so INP grows on page b
    while (performance.now() < end) {} // a slow handler: a real INP
  });
  document.getElementById('nav').addEventListener('click', () => history.pushState({}, '', '/vitals/b'));
  window.shift = () => { document.getElementById('shift-slot').style.height = '300px'; };
</script>`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness(
    { '/vitals/a': VITALS_APP, '/other': '<p>other</p>', '/pending': '<p>pending</p>', '/gpc': '<p>gpc</p>' },
    'script',
    { '/pending': { consent: 'pending' } },
  );
});
afterAll(() => h?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ready = (page: Page) =>
  page.waitForFunction(() => !('q' in (window as unknown as { touchpoint: object }).touchpoint));
const tpKeys = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('tp_'))
      .sort(),
  );

describe('web vitals', () => {
  it('LCP, FCP, TTFB, CLS, INP arrive with the pageId of their page view, SPA pages included', async () => {
    const page = await (await h.context()).newPage();
    await page.goto(h.site + '/vitals/a');
    await ready(page);
    await sleep(300);
    await page.evaluate(() => (window as unknown as { shift(): void }).shift()); // a layout shift on page a
    await sleep(300);
    await page.click('#slow'); // an interaction (also finalises LCP)
    await sleep(300);
    await page.click('#nav'); // SPA navigation to /vitals/b
    await sleep(300);
    await page.click('#slow'); // a slower interaction on page b
    await sleep(700); // shifts within 500 ms of an input don't count
    await page.evaluate(() => {
      // A bigger shift than page a's, so the document's CLS (its worst burst of shifts) grows on page b.
      const block = document.createElement('div');
      block.style.height = '600px';
      document.body.prepend(block);
    });
    await sleep(300);
    await page.goto(h.site + '/other'); // pagehide: the last values are sent
    const stored = await h.waitFor((list) => ofType(list, 'vitals').length >= 2);
    const pages = ofType(stored, 'page').filter((e) => e.page.url.includes('/vitals/'));
    const [a, b] = pages;
    expect(pages.map((e) => e.page.path)).toEqual(['/vitals/a', '/vitals/b']);
    const vitals = ofType(stored, 'vitals');
    const forA = vitals.filter((v) => v.pageId === a!.id).flatMap((v) => v.metrics);
    const forB = vitals.filter((v) => v.pageId === b!.id).flatMap((v) => v.metrics);
    const names = (list: typeof forA) => [...new Set(list.map((m) => m.name))].sort();
    expect(names(forA)).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
    expect(forA.find((m) => m.name === 'INP')!.value).toBeGreaterThanOrEqual(100);
    expect(forA.find((m) => m.name === 'CLS')!.value).toBeGreaterThan(0);
    expect(forA.every((m) => typeof m.value === 'number' && m.value >= 0 && m.rating)).toBe(true);
    // Load metrics belong to the landing page only.
    expect(names(forB)).toEqual(['CLS', 'INP']);
    expect(forB.find((m) => m.name === 'INP')!.value).toBeGreaterThanOrEqual(500);
    expect(vitals.every((v) => pages.some((p) => p.id === v.pageId))).toBe(true);
    await page.context().close();
  });
});

describe('consent', () => {
  it('pending: nothing sent and nothing stored by capture; granted: the held page view (with touchpoint) arrives', async () => {
    const page = await (await h.context()).newPage();
    await page.goto(h.site + '/pending?utm_source=newsletter&utm_medium=email&utm_campaign=consent');
    await ready(page);
    await sleep(800);
    const before = ofType(await h.events(), 'page').filter((e) => e.page.url.includes('/pending'));
    expect(before).toHaveLength(0);
    expect(await tpKeys(page)).toEqual([]);
    await page.evaluate(() =>
      (window as unknown as { touchpoint(...a: unknown[]): void }).touchpoint('consent', 'granted'),
    );
    const stored = await h.waitFor((list) =>
      ofType(list, 'page').some((e) => e.page.url.includes('/pending')),
    );
    const landing = ofType(stored, 'page').find((e) => e.page.url.includes('/pending'))!;
    expect(landing.touchpoint).toMatchObject({ kind: 'email', campaign: 'consent' });
    // Later changes are persisted now that consent is granted.
    await page.evaluate(() =>
      (window as unknown as { touchpoint(...a: unknown[]): void }).touchpoint('conversion', 'signup'),
    );
    const withConversion = await h.waitFor((list) =>
      ofType(list, 'conversion').some((e) => e.name === 'signup'),
    );
    const conversion = ofType(withConversion, 'conversion').find((e) => e.name === 'signup')!;
    expect(conversion.journal?.first).toMatchObject({ kind: 'email', campaign: 'consent' });
    await page.context().close();
  });

  it('denied: nothing recorded and capture state removed', async () => {
    const context = await h.context();
    const page = await context.newPage();
    await page.goto(h.site + '/other?utm_source=x1&utm_medium=link&utm_campaign=deny-me');
    await ready(page);
    await page.evaluate(() =>
      (window as unknown as { touchpoint(...a: unknown[]): void }).touchpoint('conversion', 'pre'),
    );
    await h.waitFor((list) => ofType(list, 'conversion').some((e) => e.name === 'pre'));
    expect((await tpKeys(page)).length).toBeGreaterThan(0);
    await page.evaluate(() =>
      (window as unknown as { touchpoint(...a: unknown[]): void }).touchpoint('consent', 'denied'),
    );
    expect((await tpKeys(page)).filter((k) => k !== 'tp_consent')).toEqual([]);
    await page.evaluate(() => {
      const tp = (window as unknown as { touchpoint(...a: unknown[]): void }).touchpoint;
      tp('conversion', 'after-deny');
      history.pushState({}, '', '/other/spa');
    });
    await sleep(800);
    const stored = await h.events();
    expect(ofType(stored, 'conversion').some((e) => e.name === 'after-deny')).toBe(false);
    expect(ofType(stored, 'page').some((e) => e.page.url.includes('/other/spa'))).toBe(false);
    expect((await tpKeys(page)).filter((k) => k !== 'tp_consent')).toEqual([]);
    await context.close();
  });

  it('Global Privacy Control: nothing recorded by default', async () => {
    const context = await h.context();
    // Chromium has no GPC switch; the signal is set as a browser with GPC enabled exposes it.
    await context.addInitScript(() =>
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: true }),
    );
    const page = await context.newPage();
    await page.goto(h.site + '/gpc?utm_campaign=gpc');
    await ready(page);
    await sleep(800);
    expect(ofType(await h.events(), 'page').some((e) => e.page.url.includes('/gpc'))).toBe(false);
    expect((await tpKeys(page)).filter((k) => k !== 'tp_consent')).toEqual([]);
    await context.close();
  });
});
