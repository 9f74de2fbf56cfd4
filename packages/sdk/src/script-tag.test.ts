import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installScriptTag, optionsFromAttributes } from './script-tag.js';
import { coreFeatures } from './tracker.js';
import { fullFeatures } from './touchpoints/defaults.js';
import { stubCollectorFetch, type FakeCollector } from './fake-collector-fetch.js';

const stub = () => {
  const w = window as unknown as { touchpoint?: ((...a: unknown[]) => void) & { q?: unknown[] } };
  w.touchpoint = function () {
    // eslint-disable-next-line prefer-rest-params
    (w.touchpoint!.q = w.touchpoint!.q || []).push(arguments);
  };
  return w.touchpoint;
};
let collector: FakeCollector;
const sentEvents = () => collector.batches.flat() as unknown as Array<Record<string, unknown>>;
/** A `<script>` in the head with these `data-*` attributes, as the page would have it. */
const scriptElement = (dataset: Record<string, string>): HTMLScriptElement => {
  const script = document.createElement('script');
  Object.assign(script.dataset, dataset);
  document.head.append(script);
  return script;
};

beforeEach(() => {
  localStorage.clear();
  collector = stubCollectorFetch();
});
afterEach(async () => {
  await window.touchpoint?.('shutdown');
  delete window.touchpoint;
  document.head.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('script tag', () => {
  it('replays the stub queue in order (init first), then keeps working', async () => {
    const tp = stub();
    tp('track', 'signup', { plan: 'pro' });
    tp('identify', 'u1');
    tp('init', { endpoint: 'https://c.example/v1/batch', persist: false });
    tp('conversion', 'purchase', { value: 49 });
    installScriptTag();
    window.touchpoint!('page');
    await window.touchpoint!('flush');
    const events = sentEvents();
    expect(events.map((e) => e.type)).toEqual(['track', 'identify', 'conversion', 'page']);
    expect(events[0]).toMatchObject({ name: 'signup', props: { plan: 'pro' } });
    expect(events[2]).toMatchObject({ name: 'purchase', value: 49, userId: 'u1' });
  });

  it("consent called before init holds from the start: nothing is stored or sent under init's default", async () => {
    const tp = stub();
    tp('consent', 'pending'); // as with a consent tool's default, set before the tracker's config
    tp('init', { endpoint: 'https://c.example/v1/batch', persist: false });
    tp('track', 'x');
    installScriptTag(fullFeatures);
    await window.touchpoint!('flush');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a timed send would have gone by now
    expect(fetch).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    expect(window.touchpoint!('stats')).toMatchObject({ consent: 'pending', queued: 2 }); // page, track
    window.touchpoint!('consent', 'granted');
    await window.touchpoint!('flush');
    expect(sentEvents().map((e) => e.type)).toEqual(['page', 'track']);
  });

  it('a grant called before init lets the first page be recorded despite a privacy signal', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const tp = stub();
      tp('consent', 'granted'); // the visitor's explicit choice, read by the site before the tag loads
      tp('init', { endpoint: 'https://c.example/v1/batch', persist: false });
      installScriptTag(fullFeatures);
      await window.touchpoint!('flush');
      expect(sentEvents().map((e) => e.type)).toEqual(['page']);
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('a command that throws neither reaches the page nor stops the calls queued after it', async () => {
    const tp = stub();
    const boom = () => {
      throw new TypeError('boom');
    };
    const plugin = { name: 'boom', start() {}, stop() {}, commands: { boom } };
    tp('init', { endpoint: 'https://c.example/v1/batch', persist: false, plugins: [plugin] });
    tp('boom');
    tp('track', 'after');
    expect(() => installScriptTag()).not.toThrow();
    expect(() => window.touchpoint!('boom')).not.toThrow();
    await window.touchpoint!('flush');
    expect(sentEvents().map((e) => e.name)).toEqual(['after']);
  });

  it('a second copy of the script does not install a second tracker', async () => {
    stub()('init', { endpoint: 'https://c.example/v1/batch', persist: false });
    installScriptTag();
    const first = window.touchpoint;
    installScriptTag();
    expect(window.touchpoint).toBe(first);
    window.touchpoint!('track', 'once');
    await window.touchpoint!('flush');
    expect(sentEvents()).toHaveLength(1);
  });

  it('without data-endpoint or init, waits for init (calls keep queuing)', async () => {
    stub();
    installScriptTag();
    window.touchpoint!('track', 'early');
    expect(fetch).not.toHaveBeenCalled();
    window.touchpoint!('init', { endpoint: 'https://c.example/v1/batch', persist: false });
    await window.touchpoint!('flush');
    expect(sentEvents().map((e) => e.name)).toEqual(['early']);
  });

  it('starts from data-* attributes', async () => {
    scriptElement({ endpoint: 'https://c.example/v1/batch', persist: 'false', consent: 'pending' });
    installScriptTag();
    window.touchpoint!('track', 'x');
    expect((window.touchpoint!('stats') as { consent: string }).consent).toBe('pending');
  });

  it('warns on an unknown method and on a second init, never throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    stub()('init', { endpoint: 'https://c.example/v1/batch', persist: false });
    installScriptTag();
    window.touchpoint!('nope');
    window.touchpoint!('init', { endpoint: 'https://other.example/' });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^\[touchpoint\] touchpoint\('nope'\): unknown method/),
      expect.stringMatching(/^\[touchpoint\] init: already initialised/),
    ]);
  });

  it('reports a bad init option on the console instead of breaking the page', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    stub()('init', { endpoint: 'https://c.example/v1/batch', flushIntervalMs: 0 });
    expect(() => installScriptTag()).not.toThrow();
    expect(String(error.mock.calls[0]?.[0])).toMatch(/`flushIntervalMs` must be a positive number/);
  });
});

describe('core script', () => {
  it('warns on data-link-domains (cross-domain links are in the full script only) and keeps working', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    scriptElement({ endpoint: 'https://c.example/v1/batch', persist: 'false', linkDomains: 'shop.example' });
    installScriptTag(coreFeatures);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/^\[touchpoint\] linkDomains needs a full build/),
    );
    window.touchpoint!('track', 'x');
    await window.touchpoint!('flush');
    expect(sentEvents().map((e) => e.name)).toEqual(['x']);
  });
});

describe('optionsFromAttributes', () => {
  it('converts kebab-case data attributes, numbers, booleans and lists', () => {
    const el = document.createElement('script');
    el.setAttribute('data-endpoint', '/v1/batch');
    el.setAttribute('data-flush-interval-ms', '2000');
    el.setAttribute('data-respect-do-not-track', 'true');
    el.setAttribute('data-link-domains', 'a.example, b.example');
    el.setAttribute('data-ignore-referrers', 'paypal.com');
    expect(optionsFromAttributes(el)).toEqual({
      endpoint: '/v1/batch',
      flushIntervalMs: 2000,
      respectDoNotTrack: true,
      linkDomains: ['a.example', 'b.example'],
      ignoreReferrers: ['paypal.com'],
    });
    // A bare attribute, `<script data-debug>`: its dataset value is '' (happy-dom leaves it out of dataset).
    const bare = { dataset: { debug: '', persist: 'false' } } as unknown as HTMLElement;
    expect(optionsFromAttributes(bare)).toEqual({ debug: true, persist: false });
  });

  it('keeps a numeric write key a string (the tracker would refuse to start with a number)', async () => {
    const script = scriptElement({
      endpoint: 'https://c.example/v1/batch',
      persist: 'false',
      writeKey: '12345',
    });
    expect(optionsFromAttributes(script).writeKey).toBe('12345');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    error.mockClear();
    installScriptTag(coreFeatures);
    window.touchpoint!('track', 'x');
    await window.touchpoint!('flush');
    expect(error).not.toHaveBeenCalled();
    expect(vi.mocked(fetch).mock.calls[0]?.[0]).toBe('https://c.example/v1/batch?key=12345');
  });
});
