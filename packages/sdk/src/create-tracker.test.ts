import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTracker } from './create-tracker.js';

describe('createTracker outside a browser', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('returns a no-op tracker (server-side rendering) after validating the options', async () => {
    vi.stubGlobal('window', undefined);
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const t = createTracker({ endpoint: 'https://c.example/v1/batch' });
    expect(t.track('x')).toBeUndefined();
    // Plugin commands too, so shared code can call them during server-side rendering.
    expect(t.survey!('How did you hear about us?', 'Podcast')).toBeUndefined();
    expect(() => t.trackAd!({} as Element, { id: 'a' })).not.toThrow();
    expect(t.howDidYouHear!('#x')).toBeTypeOf('function');
    await t.flush();
    expect(fetch).not.toHaveBeenCalled();
    expect(t.stats().requests).toBe(0);
    expect(() => createTracker({ endpoint: 'https://c.example/v1/batch', flushIntervalMs: -1 })).toThrow(
      /`flushIntervalMs`/,
    );
    // A capture plugin that does not exist fails on the server as it will in the browser.
    expect(() =>
      createTracker({ endpoint: 'https://c.example/v1/batch', autocapture: { video: false } as never }),
    ).toThrow(/autocapture\.video is not a capture plugin/);
  });

  it('accepts a relative endpoint on a server, where there is no page URL to resolve it against', () => {
    vi.stubGlobal('window', undefined);
    vi.stubGlobal('location', undefined);
    expect(createTracker({ endpoint: '/v1/batch' }).track('x')).toBeUndefined();
    expect(() => createTracker({ endpoint: 'http://' })).toThrow(/`endpoint`/);
  });
});

describe('createTracker in a browser', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('always dedupes repeated order ids and links domains, whatever autocapture says', async () => {
    localStorage.clear();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"accepted":1,"duplicates":0,"rejected":[]}')),
    );
    history.replaceState(null, '', '/?tp_aid=0190a5b2-0000-7000-8000-00000000000a');
    const t = createTracker({
      endpoint: 'https://c.example/v1/batch',
      persist: false,
      autocapture: false,
      linkDomains: ['shop.example'],
    });
    expect(t.anonymousId()).toBe('0190a5b2-0000-7000-8000-00000000000a');
    expect(t.conversion('purchase', { orderId: 'o-9' })).toBeDefined();
    expect(t.conversion('purchase', { orderId: 'o-9' })).toBeUndefined();
    await t.shutdown();
  });

  it('warns when a second tracker starts while one runs (both would record every page view)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const options = { endpoint: 'https://c.example/v1/batch', persist: false, autocapture: false };
    const first = createTracker(options);
    expect(warn).not.toHaveBeenCalled();
    const second = createTracker(options);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(
      /^\[touchpoint\] createTracker\(\): another tracker runs on this page/,
    );
    // Shut down (twice: counted once), they leave room for the next one: a React effect's cleanup, a hot reload.
    await Promise.all([first.shutdown(), first.shutdown()]);
    await second.shutdown();
    await createTracker(options).shutdown();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('counts a tracker as gone as soon as shutdown() is called, not when its last flush ends', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const options = { endpoint: 'https://c.example/v1/batch', persist: false, autocapture: false };
    // React's StrictMode: mount, cleanup `() => void t.shutdown()` (not awaited), mount again at once.
    const first = createTracker(options);
    const leaving = first.shutdown();
    const second = createTracker(options);
    expect(warn).not.toHaveBeenCalled();
    await leaving;
    await second.shutdown();
    // And the count stays right once the first one's shutdown has finished.
    await createTracker(options).shutdown();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
