// Real Chromium, built script tag, real collector: ad viewability measured with the browser's own
// IntersectionObserver and timers while a real page scrolls, clicks linked to impressions, ads added later
// and ads tracked by code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sdkReady } from '../../../../scripts/testing/sdk-pages.js';
import { ofType, startHarness, type Harness } from './capture-harness.js';

const SPACER = '<div style="height:3000px"></div>';
const AD = (id: string) =>
  `<div id="${id}" data-tp-ad="${id}" data-tp-campaign="spring" style="height:200px;background:#ccc">` +
  `<a href="#bought" id="${id}-link">buy</a></div>`;
const ADS_PAGE =
  SPACER +
  AD('short') +
  SPACER +
  AD('long') +
  SPACER +
  AD('hidden') +
  SPACER +
  AD('rotate') +
  SPACER +
  '<div id="later-slot"></div>' +
  SPACER +
  '<div id="empty" data-tp-ad="empty"></div>' +
  SPACER;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ '/ads': ADS_PAGE });
});
afterAll(() => h?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const show = (page: Page, id: string) =>
  page.evaluate((el) => document.getElementById(el)!.scrollIntoView({ block: 'center' }), id);
const away = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));
/** Lets the tracker flush and the collector store, then returns the impressions of `id`. */
const impressions = async (id: string) => {
  await sleep(600);
  return ofType(await h.events(), 'ad_impression').filter((e) => e.ad.id === id);
};
async function open(): Promise<Page> {
  const page = await (await h.context()).newPage();
  await page.goto(h.site + '/ads');
  await sdkReady(page);
  return page;
}

describe('ad viewability in real Chromium', () => {
  it('0.5 s in view: no impression; 1.2 s in view: one impression, and a click linked to it', async () => {
    const page = await open();
    await show(page, 'short');
    await sleep(500);
    await away(page);
    expect(await impressions('short')).toHaveLength(0);

    await show(page, 'long');
    await sleep(1200);
    await away(page);
    const seen = await impressions('long');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.ad).toEqual({ id: 'long', campaign: 'spring' });
    expect(seen[0]!.visibleMs).toBeGreaterThanOrEqual(1000);

    // Once per element per page view: back in view, no second impression.
    await show(page, 'long');
    await sleep(1200);
    expect(await impressions('long')).toHaveLength(1);

    await page.click('#long-link');
    const stored = await h.waitFor((list) => ofType(list, 'ad_click').some((e) => e.ad.id === 'long'));
    const click = ofType(stored, 'ad_click').find((e) => e.ad.id === 'long')!;
    expect(click.impressionId).toBe(seen[0]!.id);
    expect(click.target).toBe(h.site + '/ads#bought');
    await page.context().close();
  });

  it('a hidden tab counts no impression, then counts once visible again', async () => {
    const page = await open();
    // Headless Chromium reports every page as visible (there is no window to hide it in), so the tab
    // switch is emulated: the page's visibility state flips and visibilitychange fires, as on a real switch.
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    await show(page, 'hidden');
    await sleep(1500);
    expect(await impressions('hidden')).toHaveLength(0);
    await setVisibility('visible');
    await sleep(1200);
    expect(await impressions('hidden')).toHaveLength(1);
    await page.context().close();
  });

  it('a slot that shows another ad while in view counts the new ad too', async () => {
    const page = await open();
    await show(page, 'rotate');
    await sleep(1200);
    expect(await impressions('rotate')).toHaveLength(1);
    await page.evaluate(() => document.getElementById('rotate')!.setAttribute('data-tp-ad', 'rotated'));
    await sleep(1200);
    const [rotated] = await impressions('rotated');
    expect(rotated?.ad).toEqual({ id: 'rotated', campaign: 'spring' });
    expect(await impressions('rotate')).toHaveLength(1);
    await page.context().close();
  });

  it('a middle click on an ad (a new tab) is an ad click', async () => {
    const page = await open();
    await show(page, 'hidden');
    const tab = page.context().waitForEvent('page');
    await page.click('#hidden-link', { button: 'middle' });
    await (await tab).close();
    const stored = await h.waitFor((list) => ofType(list, 'ad_click').some((e) => e.ad.id === 'hidden'));
    expect(ofType(stored, 'ad_click').filter((e) => e.ad.id === 'hidden')).toHaveLength(1);
    await page.context().close();
  });

  it('an empty slot (no size yet) counts nothing until its ad renders in view', async () => {
    const page = await open();
    await show(page, 'empty');
    await sleep(1200);
    expect(await impressions('empty')).toHaveLength(0);
    await page.evaluate(() => void (document.getElementById('empty')!.style.height = '200px'));
    await sleep(1200);
    expect(await impressions('empty')).toHaveLength(1);
    await page.context().close();
  });

  it('finds ads added after load and ads tracked by code (trackAd via the command queue)', async () => {
    const page = await open();
    await page.evaluate(() => {
      const slot = document.getElementById('later-slot')!;
      slot.innerHTML =
        '<div id="late" data-tp-ad="late" style="height:200px">late</div><div id="coded" style="height:200px">coded</div>';
      (window as unknown as { touchpoint: (...a: unknown[]) => void }).touchpoint(
        'trackAd',
        document.getElementById('coded'),
        {
          id: 'coded',
          creative: 'v1',
        },
      );
    });
    await show(page, 'late');
    await sleep(1300);
    expect(await impressions('late')).toHaveLength(1);
    expect(await impressions('coded')).toHaveLength(1);
    expect((await impressions('coded'))[0]!.ad).toEqual({ id: 'coded', creative: 'v1' });
    await page.context().close();
  });
});
