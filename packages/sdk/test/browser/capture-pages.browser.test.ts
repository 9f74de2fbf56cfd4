// Real Chromium, built script tag, real collector: page views in history- and hash-routed apps, landings
// from email and social links, and share clicks, checked on what the collector stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkReady } from '../../../../scripts/testing/sdk-pages.js';
import { ofType, startHarness, type Harness } from './capture-harness.js';

const HISTORY_APP = `<nav>
  <a id="to-b" href="/app/b">b</a>
  <a id="share-fb" href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fshop.example%2Fp" target="_blank">fb</a>
  <button id="share-copy" data-tp-share="copy-link">copy</button>
</nav>
<script>
  // A minimal router: intercepts links, pushes state, and (like some routers) replaces state first.
  document.getElementById('to-b').addEventListener('click', (e) => {
    e.preventDefault();
    history.replaceState({ scroll: 0 }, '', location.href);
    history.pushState({}, '', '/app/b');
  });
</script>`;
// Like React Router: the URL changes at once, the route renders in a later task (React's scheduler), then
// an effect sets the title; the route /react/old is a <Navigate replace> to /react/about.
const REACT_LIKE_APP = `<a id="old" href="/react/old">old</a><a id="user" href="/react/users/7">user</a>
<script>
  const titles = { '/react/about': 'About us', '/react/users/7': 'User 7' };
  const go = (path) => {
    history.pushState({}, '', path);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (location.pathname === '/react/old') return go.replace('/react/about');
      setTimeout(() => (document.title = titles[location.pathname]), 0);
    };
    channel.port2.postMessage(null);
  };
  go.replace = (path) => {
    history.replaceState({}, '', path);
    setTimeout(() => (document.title = titles[location.pathname]), 0);
  };
  for (const a of document.querySelectorAll('a'))
    a.addEventListener('click', (e) => (e.preventDefault(), go(a.getAttribute('href'))));
</script>`;
// Like Vue Router's hash mode on a visit to the bare URL: it rewrites it to the root route #/ at start.
const VUE_HASH_APP = `<script>Promise.resolve().then(() => history.replaceState({}, '', '#/'));</script>`;
const HASH_APP = `<a id="settings" href="#/settings">settings</a><a id="profile" href="#/profile">profile</a>
<a id="reset" href="#/reset?token=T0&step=2">reset</a>`;

describe.each(['script', 'esm'] as const)('loaded by %s', (mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(
      {
        '/app/a': HISTORY_APP,
        '/app/share': HISTORY_APP,
        '/hash': HASH_APP,
        '/react/home': REACT_LIKE_APP,
        '/vue-hash': VUE_HASH_APP,
        '/landing': '<p>landing</p>',
        '/strip': '<p>strip</p>',
      },
      mode,
      { '/strip': { autocapture: { campaign: { stripParams: true } } } },
    );
  });
  afterAll(() => h?.close());

  describe('pages and SPA navigation', () => {
    it('history router: one page per real URL change, previous URL as referrer', async () => {
      const context = await h.context();
      const page = await context.newPage();
      await page.goto(h.site + '/app/a');
      await page.waitForFunction(
        () =>
          typeof (window as { touchpoint?: { q?: unknown } }).touchpoint === 'function' &&
          !('q' in window.touchpoint!),
      );
      await page.click('#to-b');
      await page.evaluate(() => history.replaceState({ again: 1 }, '', location.href)); // same URL: no page
      await page.evaluate(() => history.back());
      await page.waitForFunction(() => location.pathname === '/app/a');
      const events = await h.waitFor((list) => ofType(list, 'page').length >= 3);
      await new Promise((r) => setTimeout(r, 300));
      const pages = ofType(await h.events(), 'page').filter((e) => e.page.url.includes('/app/'));
      expect(pages.map((e) => e.page.path)).toEqual(['/app/a', '/app/b', '/app/a']);
      expect(pages[1]!.page.referrer).toBe(h.site + '/app/a');
      expect(pages[2]!.page.referrer).toBe(h.site + '/app/b');
      // The visit's first page carries the (direct) touchpoint; SPA pages don't.
      expect(pages[0]!.touchpoint).toMatchObject({ kind: 'direct', channel: 'Direct' });
      expect(pages[1]!.touchpoint).toBeUndefined();
      expect(events.every((e) => e.anonymousId === events[0]!.anonymousId)).toBe(true);
      await context.close();
    });

    it('hash router: hash changes are pages with the route in the path', async () => {
      const context = await h.context();
      const page = await context.newPage();
      await page.goto(h.site + '/hash');
      // Clicked in quick succession: each route still counts, though it is left before it settled.
      await page.click('#settings');
      await page.click('#profile');
      await page.click('#reset');
      const stored = await h.waitFor(
        (list) => ofType(list, 'page').filter((e) => e.page.url.includes('/hash')).length >= 4,
      );
      const views = ofType(stored, 'page').filter((e) => e.page.url.includes('/hash'));
      expect(views.map((e) => e.page.path)).toEqual([
        '/hash',
        '/hash#/settings',
        '/hash#/profile',
        '/hash#/reset',
      ]);
      // The route's token is redacted like a query parameter; the path has no query.
      expect(views[3]!.page.url).toBe(h.site + '/hash#/reset?token=redacted&step=2');
      await context.close();
    });
    it("React-Router-like app: each page has its route's title, a <Navigate replace> is one page", async () => {
      const context = await h.context();
      const page = await context.newPage();
      await page.goto(h.site + '/react/home');
      await sdkReady(page);
      for (const link of ['#old', '#user']) {
        await page.click(link);
        await page.waitForTimeout(300);
      }
      await h.waitFor(
        (list) => ofType(list, 'page').filter((e) => e.page.url.includes('/react/')).length >= 3,
      );
      await new Promise((r) => setTimeout(r, 300));
      const views = ofType(await h.events(), 'page').filter((e) => e.page.url.includes('/react/'));
      expect(views.map((e) => [e.page.path, e.page.title])).toEqual([
        ['/react/home', undefined],
        ['/react/about', 'About us'],
        ['/react/users/7', 'User 7'],
      ]);
      expect(views[1]!.page.referrer).toBe(h.site + '/react/home');
      expect(views[2]!.page.referrer).toBe(h.site + '/react/about');
      await context.close();
    });

    it("a hash router's rewrite of the bare URL to #/ is no second page", async () => {
      const context = await h.context();
      const page = await context.newPage();
      await page.goto(h.site + '/vue-hash');
      await sdkReady(page);
      await page.waitForFunction(() => location.hash === '#/');
      await page.waitForTimeout(500);
      await page.close({ runBeforeUnload: true });
      await new Promise((r) => setTimeout(r, 500));
      const views = ofType(await h.events(), 'page').filter((e) => e.page.url.includes('/vue-hash'));
      expect(views.map((e) => e.page.path)).toEqual(['/vue-hash']);
      await context.close();
    });
  });

  describe('landings', () => {
    it('email link with tp_email: an email touchpoint with campaign and message', async () => {
      const context = await h.context();
      const page = await context.newPage();
      await page.goto(
        h.site + '/landing?tp_email=spring-sale:welcome-2&tp_click=0190a0b0-0000-7000-8000-000000000001',
      );
      const stored = await h.waitFor((list) =>
        ofType(list, 'page').some((e) => e.page.url.includes('tp_email')),
      );
      const landing = ofType(stored, 'page').find((e) => e.page.url.includes('tp_email'))!;
      expect(landing.touchpoint).toMatchObject({
        kind: 'email',
        channel: 'Email',
        campaign: 'spring-sale',
        content: 'welcome-2',
        clickId: { name: 'tp_click' },
      });
      await context.close();
    });

    it('stripParams: the email parameters leave the address bar after reading, with one page view', async () => {
      const context = await h.context();
      const page = await context.newPage();
      await page.goto(h.site + '/strip?tp_email=strip-me:m1&utm_source=news&keep=1');
      await sdkReady(page);
      await page.waitForFunction(() => !location.search.includes('tp_email'));
      expect(new URL(page.url()).search).toBe('?keep=1');
      const stored = await h.waitFor((list) =>
        ofType(list, 'page').some((e) => e.touchpoint?.campaign === 'strip-me'),
      );
      const views = ofType(stored, 'page').filter((e) => e.page.path === '/strip');
      expect(views).toHaveLength(1);
      expect(views[0]!.touchpoint).toMatchObject({
        kind: 'email',
        campaign: 'strip-me',
        content: 'm1',
        source: 'news',
      });
      await context.close();
    });

    it('email link with utm_medium=email', async () => {
      const context = await h.context();
      const page = await context.newPage();
      await page.goto(h.site + '/landing?utm_source=newsletter&utm_medium=email&utm_campaign=may');
      const stored = await h.waitFor((list) =>
        ofType(list, 'page').some((e) => e.page.url.includes('utm_campaign=may')),
      );
      const landing = ofType(stored, 'page').find((e) => e.page.url.includes('utm_campaign=may'))!;
      expect(landing.touchpoint).toMatchObject({
        kind: 'email',
        channel: 'Email',
        source: 'newsletter',
        campaign: 'may',
      });
      expect(landing.campaign).toMatchObject({ medium: 'email', campaign: 'may' });
      await context.close();
    });

    it('social: organic by referrer, paid by UTM', async () => {
      const context = await h.context();
      const page = await context.newPage();
      await page.goto(h.site + '/landing?organic', { referer: 'https://t.co/abc' });
      const second = await context.newPage();
      await second.goto(h.site + '/landing?utm_source=facebook&utm_medium=paid_social&fbclid=F1');
      const stored = await h.waitFor(
        (list) =>
          ofType(list, 'page').some((e) => e.page.url.includes('fbclid')) &&
          ofType(list, 'page').some((e) => e.page.url.includes('organic')),
      );
      const organic = ofType(stored, 'page').find((e) => e.page.url.includes('?organic'))!;
      const paid = ofType(stored, 'page').find((e) => e.page.url.includes('fbclid'))!;
      expect(organic.touchpoint).toMatchObject({
        kind: 'social',
        channel: 'Organic Social',
        paid: false,
        referrerHost: 't.co',
      });
      expect(paid.touchpoint).toMatchObject({
        kind: 'ad',
        channel: 'Paid Social',
        paid: true,
        clickId: { name: 'fbclid', value: 'F1' },
      });
      await context.close();
    });
  });

  describe('conversions', () => {
    it('carry the journal of the visit, and a repeated order id is recorded once (also after a reload)', async () => {
      const context = await h.context();
      const page = await context.newPage();
      await page.goto(h.site + '/landing?utm_source=google&utm_medium=cpc&utm_campaign=dedupe&gclid=G7');
      await sdkReady(page);
      const buy = () =>
        page.evaluate(() =>
          (window as unknown as { touchpoint(...a: unknown[]): void }).touchpoint('conversion', 'purchase', {
            value: 49,
            currency: 'EUR',
            orderId: 'order-dedupe-1',
          }),
        );
      await buy();
      await buy();
      await page.reload();
      await sdkReady(page);
      await buy();
      await page.evaluate(() =>
        (window as unknown as { touchpoint(...a: unknown[]): void }).touchpoint('track', 'done'),
      );
      const stored = await h.waitFor((list) => list.some((e) => e.type === 'track' && e.name === 'done'));
      const conversions = ofType(stored, 'conversion').filter((e) => e.orderId === 'order-dedupe-1');
      expect(conversions).toHaveLength(1);
      // The reload shows the landing page again; its arrival (the ad click) counts once.
      const landings = ofType(stored, 'page')
        .filter((e) => e.page.url.includes('gclid=G7'))
        .sort((a, b) => a.ts - b.ts);
      expect(landings.map((e) => e.touchpoint?.clickId?.value)).toEqual(['G7', undefined]);
      expect(conversions[0]!.journal!.recent).toHaveLength(1);
      expect(conversions[0]!.journal).toMatchObject({
        first: { channel: 'Paid Search', campaign: 'dedupe', clickId: { name: 'gclid', value: 'G7' } },
        lastNonDirect: { channel: 'Paid Search' },
      });
      expect(conversions[0]!.journal!.first!.expiresAt).toBeGreaterThan(conversions[0]!.ts);
      expect(conversions[0]!.campaign).toMatchObject({ campaign: 'dedupe' });
      await context.close();
    });
  });

  describe('share clicks', () => {
    it('records known share links and data-tp-share buttons', async () => {
      const context = await h.context();
      const page = await context.newPage();
      await page.goto(h.site + '/app/share');
      await page.click('#share-copy');
      const popup = context.waitForEvent('page');
      await page.click('#share-fb');
      await (await popup).close();
      const stored = await h.waitFor((list) => ofType(list, 'share').length >= 2);
      const shares = ofType(stored, 'share');
      expect(shares.map((e) => e.network).sort()).toEqual(['copy-link', 'facebook']);
      expect(shares.find((e) => e.network === 'facebook')!.url).toBe('https://shop.example/p');
      expect(shares.find((e) => e.network === 'copy-link')!.url).toBe(h.site + '/app/share');
      await context.close();
    });
  });
});
