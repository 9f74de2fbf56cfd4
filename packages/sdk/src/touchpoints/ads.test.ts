import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ads, trackAd, VIDEO_VIEWABLE_MS, VIEWABLE_MS } from './ads.js';
import { fakeHost, type FakeHost } from './fake-host.js';

// happy-dom has no layout, so intersection is driven by hand through this fake observer.
const observed = new Set<Element>();
let callback: IntersectionObserverCallback;
class FakeIO {
  constructor(cb: IntersectionObserverCallback) {
    callback = cb;
  }
  observe(el: Element) {
    observed.add(el);
  }
  unobserve(el: Element) {
    observed.delete(el);
  }
  disconnect() {
    observed.clear();
  }
}
const view = (el: Element, ratio: number) =>
  callback(
    [
      {
        target: el,
        isIntersecting: ratio > 0,
        intersectionRatio: ratio,
        boundingClientRect: { width: 300, height: 250 },
      } as IntersectionObserverEntry,
    ],
    {} as IntersectionObserver,
  );
let visibility: DocumentVisibilityState = 'visible';
const setVisibility = (state: DocumentVisibilityState) => {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
};

let host: FakeHost;
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeIO);
  Object.defineProperty(document, 'visibilityState', { get: () => visibility, configurable: true });
  visibility = 'visible';
  document.body.innerHTML =
    '<div id="a" data-tp-ad="spring" data-tp-campaign="c1" data-tp-creative="v2" data-tp-placement="top">' +
    '<a href="https://shop.example/sale"><span id="inner">Buy</span></a></div>';
  host = fakeHost();
  host.start(ads());
});
afterEach(() => {
  host.stop();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
const ad = () => document.getElementById('a')!;

describe('ads', () => {
  it('finds declared ads and reads their attributes', () => {
    expect(observed.has(ad())).toBe(true);
    view(ad(), 1);
    vi.advanceTimersByTime(VIEWABLE_MS);
    expect(host.of('ad_impression')).toHaveLength(1);
    expect(host.of('ad_impression')[0]).toMatchObject({
      ad: { id: 'spring', campaign: 'c1', creative: 'v2', placement: 'top' },
      visibleMs: VIEWABLE_MS,
    });
  });
  it('does not count 0.5 s in view, nor less than 50% in view, nor interrupted time', () => {
    view(ad(), 1);
    vi.advanceTimersByTime(500);
    view(ad(), 0);
    vi.advanceTimersByTime(5000);
    view(ad(), 0.49);
    vi.advanceTimersByTime(5000);
    view(ad(), 0.6);
    vi.advanceTimersByTime(900);
    view(ad(), 0.2);
    view(ad(), 0.6);
    vi.advanceTimersByTime(900);
    expect(host.of('ad_impression')).toHaveLength(0);
    vi.advanceTimersByTime(100);
    expect(host.of('ad_impression')).toHaveLength(1);
  });
  it('does not count an empty slot (no area), which the observer reports as fully in view', () => {
    const entry = {
      target: ad(),
      isIntersecting: true,
      intersectionRatio: 1,
      boundingClientRect: { width: 300, height: 0 },
    };
    callback([entry as unknown as IntersectionObserverEntry], {} as IntersectionObserver);
    vi.advanceTimersByTime(VIEWABLE_MS);
    expect(host.of('ad_impression')).toHaveLength(0);
  });
  it('counts only while the page is visible', () => {
    setVisibility('hidden');
    view(ad(), 1);
    vi.advanceTimersByTime(3000);
    expect(host.of('ad_impression')).toHaveLength(0);
    setVisibility('visible');
    vi.advanceTimersByTime(600);
    setVisibility('hidden');
    vi.advanceTimersByTime(600);
    setVisibility('visible');
    vi.advanceTimersByTime(999);
    expect(host.of('ad_impression')).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(host.of('ad_impression')).toHaveLength(1);
  });
  it('counts one impression per element per page view; a new page view allows another', () => {
    view(ad(), 1);
    vi.advanceTimersByTime(VIEWABLE_MS);
    view(ad(), 0);
    view(ad(), 1);
    vi.advanceTimersByTime(5000);
    expect(host.of('ad_impression')).toHaveLength(1);
    host.record('page', { page: { url: 'http://localhost:3000/one', path: '/one' } });
    host.record('page', { page: { url: 'http://localhost:3000/two', path: '/two' } });
    vi.advanceTimersByTime(VIEWABLE_MS);
    expect(host.of('ad_impression')).toHaveLength(2);
  });
  it('video ads need 2 s', () => {
    document.body.insertAdjacentHTML('beforeend', '<div id="v" data-tp-ad="clip"><video></video></div>');
    return Promise.resolve().then(() => {
      const v = document.getElementById('v')!;
      view(v, 1);
      vi.advanceTimersByTime(VIEWABLE_MS);
      expect(host.of('ad_impression')).toHaveLength(0);
      vi.advanceTimersByTime(VIDEO_VIEWABLE_MS - VIEWABLE_MS);
      expect(host.of('ad_impression')[0]!.ad.id).toBe('clip');
    });
  });
  it('finds ads added later and forgets removed ones', async () => {
    const later = document.createElement('section');
    later.innerHTML = '<div id="b" data-tp-ad="later"></div>';
    document.body.append(later);
    const plain = document.createElement('div');
    document.body.append(plain);
    await Promise.resolve();
    expect(observed.has(document.getElementById('b')!)).toBe(true);
    plain.setAttribute('data-tp-ad', 'attr');
    await Promise.resolve();
    expect(observed.has(plain)).toBe(true);
    const a = ad();
    view(a, 1);
    a.remove();
    await Promise.resolve();
    expect(observed.has(a)).toBe(false);
    vi.advanceTimersByTime(VIEWABLE_MS);
    expect(host.of('ad_impression')).toHaveLength(0);
  });
  it('a slot that shows another ad (data-tp-* changed in place) counts and clicks as the new ad', async () => {
    const a = ad();
    view(a, 1);
    vi.advanceTimersByTime(VIEWABLE_MS);
    a.setAttribute('data-tp-ad', 'summer');
    a.setAttribute('data-tp-creative', 'v3');
    await Promise.resolve();
    // The new ad is observed afresh, and an observer reports a newly observed element at once.
    expect(observed.has(a)).toBe(true);
    view(a, 1);
    vi.advanceTimersByTime(VIEWABLE_MS);
    const [spring, summer] = host.of('ad_impression');
    expect(spring!.ad).toMatchObject({ id: 'spring', creative: 'v2' });
    expect(summer?.ad).toMatchObject({ id: 'summer', creative: 'v3' });
    document.getElementById('inner')!.click();
    expect(host.of('ad_click')[0]).toMatchObject({ ad: { id: 'summer' }, impressionId: summer?.id });
    // Only the creative changes: a new creative to count too.
    a.setAttribute('data-tp-creative', 'v4');
    await Promise.resolve();
    view(a, 1);
    vi.advanceTimersByTime(VIEWABLE_MS);
    expect(host.of('ad_impression')[2]?.ad).toMatchObject({ id: 'summer', creative: 'v4' });
  });
  it('records clicks inside the ad, linked to the impression and its link target', () => {
    document.getElementById('inner')!.click();
    expect(host.of('ad_click')[0]).toMatchObject({
      ad: { id: 'spring' },
      target: 'https://shop.example/sale',
    });
    expect(host.of('ad_click')[0]!.impressionId).toBeUndefined();
    view(ad(), 1);
    vi.advanceTimersByTime(VIEWABLE_MS);
    document.getElementById('inner')!.click();
    expect(host.of('ad_click')[1]!.impressionId).toBe(host.of('ad_impression')[0]!.id);
    document.body.click();
    expect(host.of('ad_click')).toHaveLength(2);
  });
  it('records a click on an SVG link in the ad with its target as text', () => {
    ad().insertAdjacentHTML('beforeend', '<svg><a href="https://shop.example/svg"><rect id="r"/></a></svg>');
    // As in browsers (happy-dom leaves it out): an SVG link's href is an SVGAnimatedString.
    const href = { baseVal: 'https://shop.example/svg', animVal: 'https://shop.example/svg' };
    Object.defineProperty(ad().querySelector('svg a')!, 'href', { value: href });
    document.getElementById('r')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(host.of('ad_click')[0]!.target).toBe('https://shop.example/svg');
  });
  it('a middle click (opens the ad in a new tab) is a click; a right click is not', () => {
    const inner = document.getElementById('inner')!;
    inner.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, button: 1 }));
    inner.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, button: 2 }));
    expect(host.of('ad_click')).toHaveLength(1);
    expect(host.of('ad_click')[0]).toMatchObject({
      ad: { id: 'spring' },
      target: 'https://shop.example/sale',
    });
  });
  it('trackAd registers code-rendered ads, also before start, and rejects a missing id', () => {
    host.stop();
    const el = document.createElement('div');
    document.body.append(el);
    trackAd(el, { id: 'coded', creative: 'x' });
    host = fakeHost();
    host.start(ads());
    view(el, 1);
    vi.advanceTimersByTime(VIEWABLE_MS);
    expect(host.of('ad_impression')[0]!.ad).toEqual({ id: 'coded', creative: 'x' });
    expect(() => trackAd(el, { id: '' })).toThrow(/\[touchpoint\] trackAd.*info\.id/);
  });
});
