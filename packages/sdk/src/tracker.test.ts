import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MAX_STRING_LENGTH, validate, type TouchpointEvent } from '@touchpoint/protocol';
import { CONSENT_KEY } from './consent.js';
import { ANONYMOUS_ID_KEY } from './identity.js';
import type { TrackerOptions } from './options.js';
import type { TouchpointPlugin, TrackerHost } from './touchpoints/plugin.js';
import { fullFeatures } from './touchpoints/defaults.js';
import { coreFeatures, createCoreTracker, type Features } from './tracker.js';
import type { Tracker } from './tracker-api.js';
import { stubCollectorFetch } from './fake-collector-fetch.js';

let sent: TouchpointEvent[][];
let urls: string[];
const trackers: Tracker[] = [];

function make(options: Partial<TrackerOptions> = {}, features?: Features): Tracker {
  const t = createCoreTracker(
    { endpoint: 'https://c.example/v1/batch', persist: false, ...options },
    features,
  );
  trackers.push(t);
  return t;
}
const events = () => sent.flat();

beforeEach(() => {
  localStorage.clear();
  ({ batches: sent, urls } = stubCollectorFetch());
});
afterEach(async () => {
  for (const t of trackers.splice(0)) await t.shutdown();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('tracker pipeline', () => {
  it('fills the envelope and sends page, track, identify and conversion', async () => {
    const t = make({ writeKey: 'k 1' });
    t.page();
    const id = t.track('signup', { plan: 'pro' });
    t.identify('u1', { plan: 'pro' });
    t.conversion('purchase', { value: 49, currency: 'EUR', orderId: 'o1' });
    await t.flush();
    const [page, track, identify, conversion] = events();
    expect(track).toMatchObject({
      id,
      type: 'track',
      name: 'signup',
      props: { plan: 'pro' },
      anonymousId: t.anonymousId(),
    });
    expect(track!.sessionId).toBe(page!.sessionId);
    expect(page!.page).toMatchObject({ url: location.href, path: location.pathname });
    expect(identify).toMatchObject({ type: 'identify', userId: 'u1', traits: { plan: 'pro' } });
    expect(conversion).toMatchObject({
      type: 'conversion',
      name: 'purchase',
      value: 49,
      currency: 'EUR',
      orderId: 'o1',
      userId: 'u1',
    });
    expect(urls[0]).toBe('https://c.example/v1/batch?key=k%201');
  });

  it('leaves out props and traits a script-tag page passed as null (the collector refuses null)', async () => {
    const t = make();
    t.page(null as never);
    t.track('signup', null as never);
    t.identify('u1', null as never);
    await t.flush();
    expect(events()).toHaveLength(3);
    for (const e of events()) expect(e).not.toHaveProperty('props');
    expect(events()[2]).not.toHaveProperty('traits');
    expect(validate({ v: 1, sentAt: Date.now(), events: events() })).toMatchObject({ rejected: [] });
  });

  it("takes script-tag pages' loose values the collector would refuse: numeric ids, a value read as text", async () => {
    const t = make();
    t.identify(1042);
    t.conversion('purchase', {
      value: ' 49.90' as unknown as number,
      orderId: 1234 as unknown as string,
      currency: 'eur',
    });
    t.conversion('refund', { value: 'n/a' as unknown as number });
    await t.flush();
    const [identify, purchase, refund] = events();
    expect(identify).toMatchObject({ userId: '1042' });
    expect(purchase).toMatchObject({ userId: '1042', value: 49.9, orderId: '1234', currency: 'EUR' });
    // Not a number: sent as given, so the collector rejects it with its reason instead of a guess here.
    expect(refund).toMatchObject({ value: 'n/a' });
    const result = validate({ v: 1, events: [identify, purchase, refund] });
    if (!result.ok) throw new Error(result.error);
    const { accepted, rejected } = result;
    expect(accepted.map((e) => e.type)).toEqual(['identify', 'conversion']);
    expect(rejected).toEqual([{ id: refund!.id, reason: expect.stringContaining('"value"') }]);
  });

  it('cuts a URL longer than collectors accept instead of losing the event', async () => {
    const t = make();
    const long = 'https://shop.example/p?ref=' + 'a'.repeat(DEFAULT_MAX_STRING_LENGTH);
    t.record('page', { page: { url: long, path: '/p', referrer: long } });
    await t.flush();
    const [page] = events();
    expect(page!.page!.url).toBe(long.slice(0, DEFAULT_MAX_STRING_LENGTH));
    expect(page!.page!.referrer).toHaveLength(DEFAULT_MAX_STRING_LENGTH);
    const result = validate({ v: 1, events: [page] });
    expect(result.ok && result.accepted).toHaveLength(1);
  });

  it("takes the previous page view's URL as the referrer of page() (apps that record their routes)", async () => {
    Object.defineProperty(document, 'referrer', { value: 'https://www.google.com/', configurable: true });
    try {
      const t = make();
      const start = location.href;
      history.pushState(null, '', '/landing?token=secret');
      t.page();
      t.track('not-a-page');
      history.pushState(null, '', '/next');
      t.page();
      // A page view a plugin recorded with its own page is one too.
      t.record('page', { page: { url: 'https://s.example/plugin', path: '/plugin' } });
      t.page();
      history.pushState(null, '', start);
      await t.flush();
      const pages = events().map((e) => e.page!);
      expect(pages.map((p) => p.referrer)).toEqual([
        'https://www.google.com/',
        'https://www.google.com/',
        expect.stringMatching(/\/landing\?token=redacted$/),
        undefined,
        'https://s.example/plugin',
      ]);
    } finally {
      Object.defineProperty(document, 'referrer', { value: '', configurable: true });
    }
  });

  it("takes the previous page view's URL as a middleware left it: what it removed stays out", async () => {
    const t = make({
      middleware: [
        (e) => {
          if (e.type === 'page' && e.props?.drop) return null;
          if (e.page) e.page = { ...e.page, url: e.page.url.replace(/\/users\/[^/?]+/, '/users/:id') };
        },
      ],
    });
    const start = location.href;
    history.pushState(null, '', '/users/jane@example.com');
    t.page();
    history.pushState(null, '', '/internal');
    t.page({ drop: true });
    history.pushState(null, '', '/next');
    t.page();
    history.pushState(null, '', start);
    await t.flush();
    const pages = events().map((e) => e.page!);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.url).toMatch(/\/users\/:id$/);
    expect(pages[1]!.referrer).toBe(pages[0]!.url);
  });

  it('redacts page URLs, also those plugins pass', async () => {
    const t = make();
    t.record('page', {
      page: {
        url: 'https://s.example/?email=a%40b.c&x=1',
        path: '/',
        referrer: 'https://r.example/?token=t',
      },
    });
    await t.flush();
    expect(events()[0]!.page).toMatchObject({
      url: 'https://s.example/?email=redacted&x=1',
      referrer: 'https://r.example/?token=redacted',
    });
  });

  it('redacts the URLs a share or an ad click carries', async () => {
    const t = make();
    t.record('share', { network: 'x', url: 'https://s.example/reset?token=t&x=1' });
    t.record('ad_click', { ad: { id: 'a' }, target: 'https://s.example/sale?email=a%40b.c' });
    await t.flush();
    expect(events()[0]).toMatchObject({ url: 'https://s.example/reset?token=redacted&x=1' });
    expect(events()[1]).toMatchObject({ target: 'https://s.example/sale?email=redacted' });
  });

  it('runs plugin enrich, then middleware that can change or drop; a throwing stage follows the failure rule', async () => {
    const diagnostics: string[] = [];
    const plugin: TouchpointPlugin = {
      name: 'p',
      start: () => {},
      stop: () => {},
      enrich: (e) => void ((e.props ??= {}).enriched = true),
    };
    const broken: TouchpointPlugin = {
      name: 'broken',
      start: () => {},
      stop: () => {},
      enrich: () => {
        throw new Error('x');
      },
    };
    const t = make({
      plugins: [plugin, broken],
      onDiagnostic: (d) => diagnostics.push(d.kind),
      middleware: [
        (e) => (e.type === 'track' && e.name === 'secret' ? null : undefined),
        (e) => ({ ...e, props: { ...e.props, seen: true } }) as TouchpointEvent,
        (e) => {
          if (e.type === 'track' && e.name === 'boom') throw new Error('bad middleware');
        },
      ],
    });
    expect(t.track('secret')).toBeUndefined();
    expect(t.track('boom')).toBeUndefined();
    t.track('ok');
    await t.flush();
    expect(events()).toHaveLength(1);
    expect(events()[0]!.props).toEqual({ enriched: true, seen: true });
    expect(diagnostics).toContain('plugin-error');
    expect(diagnostics).toContain('middleware-error');
  });

  it('gives plugins a host that records through the same pipeline', async () => {
    let host: TrackerHost | undefined;
    const t = make({ plugins: [{ name: 'h', start: (h) => void (host = h), stop: () => {} }] });
    const ctx = host!.context();
    expect(ctx.anonymousId).toBe(t.anonymousId());
    const event = host!.record('share', { network: 'x' });
    await t.flush();
    expect(events()[0]).toMatchObject({ id: event!.id, type: 'share', network: 'x' });
  });

  it('on pagehide, plugins record what they were holding before the queue is sent with keepalive', async () => {
    let host: TrackerHost | undefined;
    const order: string[] = [];
    const plugin: TouchpointPlugin = {
      name: 'late',
      start: (h) => void (host = h),
      stop: () => {},
      flush: () => void (order.push('flush'), host!.record('track', { name: 'held' })),
    };
    make({
      plugins: [
        plugin,
        {
          ...plugin,
          name: 'broken',
          flush: () => {
            throw new Error('x');
          },
        },
      ],
    });
    window.dispatchEvent(new Event('pagehide'));
    expect(order).toEqual(['flush']);
    const init = vi.mocked(fetch).mock.calls.at(-1)?.[1];
    expect(init?.keepalive).toBe(true);
    expect(
      JSON.parse(String(init?.body)).events.map((e: TouchpointEvent) => e.type === 'track' && e.name),
    ).toContain('held');
  });

  it('a bad autocapture name throws and leaves no listener behind', () => {
    const added = [vi.spyOn(document, 'addEventListener'), vi.spyOn(window, 'addEventListener')];
    expect(() => make({ autocapture: { page: false } as never }, fullFeatures)).toThrow(/autocapture\.page/);
    expect(added.flatMap((spy) => spy.mock.calls.map((call) => call[0]))).toEqual([]);
  });

  it('an event that cannot be turned into JSON is reported and not recorded: no id comes back', async () => {
    const diagnostics: string[] = [];
    const t = make({ onDiagnostic: (d) => diagnostics.push(d.kind) });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(t.track('loop', cycle as never)).toBeUndefined();
    await t.flush();
    expect(events()).toEqual([]);
    expect(diagnostics).toEqual(['event-unserializable']);
  });

  it("a plugin's flush or stop that throws is a plugin-error naming the plugin and the stage", async () => {
    const details: unknown[] = [];
    const boom = () => {
      throw new Error('x');
    };
    const t = make({
      plugins: [{ name: 'broken', start: () => {}, stop: boom, flush: boom }],
      onDiagnostic: (d) => details.push(d),
    });
    window.dispatchEvent(new Event('pagehide'));
    await t.shutdown();
    expect(details).toMatchObject([
      { kind: 'plugin-error', detail: { plugin: 'broken', stage: 'flush' } },
      { kind: 'plugin-error', detail: { plugin: 'broken', stage: 'stop' } },
    ]);
  });

  it('never throws from API calls; bad calls are reported', () => {
    const diagnostics: string[] = [];
    const t = make({ onDiagnostic: (d) => diagnostics.push(d.kind) });
    expect(t.track(undefined as unknown as string)).toBeUndefined();
    expect(() => t.consent('maybe' as never)).not.toThrow();
    expect(diagnostics.filter((k) => k === 'invalid-call')).toHaveLength(2);
  });

  it('debug logs each diagnostic with console.info, which DevTools shows by default (not console.debug)', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const t = make({ debug: true });
    t.track('');
    expect(info).toHaveBeenCalledWith('[touchpoint]', 'invalid-call', expect.anything());
    info.mockRestore();
  });
});

describe('consent', () => {
  it('pending holds events in memory without storing anything; granted sends them', async () => {
    const t = make({ consent: 'pending' });
    t.track('a');
    await t.flush();
    expect(sent).toEqual([]);
    expect(localStorage.getItem(ANONYMOUS_ID_KEY)).toBeNull();
    t.consent('granted');
    await t.flush();
    expect(events().map((e) => e.type === 'track' && e.name)).toEqual(['a']);
    expect(localStorage.getItem(ANONYMOUS_ID_KEY)).toBe(t.anonymousId());
    expect(localStorage.getItem(CONSENT_KEY)).toBe('granted');
  });

  it('while not granted, coming online, hiding or leaving the page sends nothing queued', async () => {
    const t = make();
    await t.flush(); // the start-up flush, with nothing queued yet
    t.track('a');
    t.consent('pending');
    for (const type of ['online', 'pagehide']) window.dispatchEvent(new Event(type));
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fetch).not.toHaveBeenCalled();
    t.consent('granted');
    await t.flush();
    expect(events().map((e) => e.type === 'track' && e.name)).toEqual(['a']);
  });

  it('pending holds at most maxQueueEvents, dropping (and counting) the oldest', async () => {
    const diagnostics: string[] = [];
    const t = make({ consent: 'pending', maxQueueEvents: 2, onDiagnostic: (d) => diagnostics.push(d.kind) });
    for (const name of ['a', 'b', 'c']) t.track(name);
    expect(t.stats()).toMatchObject({ queued: 2, dropped: 1 });
    expect(diagnostics).toContain('queue-full');
    t.consent('granted');
    await t.flush();
    expect(events().map((e) => e.type === 'track' && e.name)).toEqual(['b', 'c']);
  });

  it("pendingConsent 'drop' drops events while pending", async () => {
    const t = make({ consent: 'pending', pendingConsent: 'drop' });
    t.track('a');
    t.consent('granted');
    t.track('b');
    await t.flush();
    expect(events().map((e) => e.type === 'track' && e.name)).toEqual(['b']);
  });

  it('denied records nothing and removes stored data; the choice is remembered', async () => {
    const t = make();
    t.track('a');
    localStorage.setItem('tp_journal', '[]');
    t.consent('denied');
    expect(t.track('b')).toBeUndefined();
    await t.flush();
    expect(sent).toEqual([]);
    expect(localStorage.getItem(ANONYMOUS_ID_KEY)).toBeNull();
    expect(localStorage.getItem('tp_journal')).toBeNull();
    expect(make().track('c')).toBeUndefined();
  });

  it('granted again after a denial starts a new anonymous person: the removed ids do not come back', async () => {
    const t = make();
    t.identify('u1');
    const before = t.anonymousId();
    t.consent('denied');
    t.consent('granted');
    t.track('after');
    await t.flush();
    const after = events().find((e) => e.type === 'track')!;
    expect(after.anonymousId).not.toBe(before);
    expect(after.userId).toBeUndefined();
    expect(localStorage.getItem(ANONYMOUS_ID_KEY)).toBe(after.anonymousId);
  });

  it("follows a choice made in another tab of the site: a denial there stops this tab's tracking", async () => {
    const t = make({ consent: 'pending' });
    t.track('held');
    // The visitor grants in another tab (which stores the choice): this tab's held events go out.
    localStorage.setItem(CONSENT_KEY, 'granted');
    window.dispatchEvent(new StorageEvent('storage', { key: CONSENT_KEY, newValue: 'granted' }));
    await t.flush();
    expect(events().map((e) => e.type === 'track' && e.name)).toEqual(['held']);
    localStorage.setItem(CONSENT_KEY, 'denied');
    window.dispatchEvent(new StorageEvent('storage', { key: CONSENT_KEY, newValue: 'denied' }));
    expect(t.track('after')).toBeUndefined();
    expect(t.stats().consent).toBe('denied');
    expect(localStorage.getItem(ANONYMOUS_ID_KEY)).toBeNull();
  });

  it('honours Global Privacy Control by default, Do Not Track only when asked', () => {
    vi.spyOn(navigator, 'doNotTrack', 'get').mockReturnValue('1');
    expect(make().track('dnt-ignored')).toBeDefined();
    expect(make({ respectDoNotTrack: true }).track('dnt')).toBeUndefined();
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      expect(make().track('gpc')).toBeUndefined();
      expect(make({ respectGlobalPrivacyControl: false }).track('gpc-off')).toBeDefined();
      const t = make();
      t.consent('granted');
      expect(t.track('explicit')).toBeDefined();
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });
});

// linkDomains and order-id dedup are full-build features: on whatever `autocapture` says.
const full = (options: Partial<TrackerOptions> = {}) =>
  make({ autocapture: false, ...options }, fullFeatures);

describe('linkDomains', () => {
  it('adopts tp_aid from the landing URL and removes it from the address bar', () => {
    history.replaceState(null, '', '/landing?tp_aid=0190a5b2-0000-7000-8000-000000000001&x=a,b&flag#h');
    const t = full({ linkDomains: ['shop.example'] });
    expect(t.anonymousId()).toBe('0190a5b2-0000-7000-8000-000000000001');
    expect(location.search + location.hash).toBe('?x=a,b&flag#h');
  });

  it('decorates links to listed domains at click time, not others', () => {
    const t = full({ linkDomains: ['shop.example'] });
    document.body.innerHTML =
      '<a id="in" href="https://www.shop.example/cart">x</a><a id="out" href="https://other.example/">y</a>';
    const inside = document.getElementById('in') as HTMLAnchorElement;
    const outside = document.getElementById('out') as HTMLAnchorElement;
    for (const a of [inside, outside]) a.addEventListener('click', (e) => e.preventDefault());
    inside.click();
    outside.click();
    expect(new URL(inside.href).searchParams.get('tp_aid')).toBe(t.anonymousId());
    expect(outside.href).toBe('https://other.example/');
  });

  it('an arrival from a listed domain is a hop inside the site, not a referral', async () => {
    history.replaceState(null, '', '/checkout?tp_aid=0190a5b2-0000-7000-8000-000000000001');
    Object.defineProperty(document, 'referrer', {
      value: 'https://www.shop.example/cart',
      configurable: true,
    });
    const t = make(
      { linkDomains: ['shop.example'], autocapture: { ads: false, vitals: false } },
      fullFeatures,
    );
    await t.flush();
    Object.defineProperty(document, 'referrer', { value: '', configurable: true });
    const page = events().find((e) => e.type === 'page');
    expect(page?.type === 'page' && page.touchpoint).toMatchObject({ kind: 'direct', channel: 'Direct' });
  });

  it('a visit back from an ignored referrer (a payment page) is no referral', async () => {
    history.replaceState(null, '', '/thank-you');
    const arrive = async (options: Partial<TrackerOptions>) => {
      localStorage.clear();
      sent.length = 0;
      Object.defineProperty(document, 'referrer', {
        value: 'https://www.paypal.com/checkout',
        configurable: true,
      });
      const t = make({ ...options, autocapture: { ads: false, vitals: false } }, fullFeatures);
      await t.shutdown();
      Object.defineProperty(document, 'referrer', { value: '', configurable: true });
      const page = events().find((e) => e.type === 'page');
      return page?.type === 'page' ? page.touchpoint?.channel : undefined;
    };
    expect(await arrive({})).toBe('Referral');
    expect(await arrive({ ignoreReferrers: ['paypal.com'] })).toBe('Direct');
  });

  it('the core script warns that it ignores linkDomains', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.cookie = `${ANONYMOUS_ID_KEY}=; max-age=0; path=/`;
    history.replaceState(null, '', '/landing?tp_aid=0190a5b2-0000-7000-8000-000000000001');
    const t = make({ linkDomains: ['shop.example'] }, coreFeatures);
    expect(t.anonymousId()).not.toBe('0190a5b2-0000-7000-8000-000000000001');
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[touchpoint\] linkDomains needs a full build/);
    make({}, coreFeatures);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('order-id dedup', () => {
  it('the full builds drop a repeated order id, whatever autocapture says', async () => {
    const reports: string[] = [];
    const t = full({ onDiagnostic: (d) => reports.push(d.kind) });
    expect(t.conversion('purchase', { orderId: 'o1' })).toBeDefined();
    expect(t.conversion('purchase', { orderId: 'o1' })).toBeUndefined();
    expect(reports).toContain('duplicate_order');
  });

  it('the core tracker keeps repeats (the collector or backend counts each order once)', () => {
    const t = make();
    expect(t.conversion('purchase', { orderId: 'o1' })).toBeDefined();
    expect(t.conversion('purchase', { orderId: 'o1' })).toBeDefined();
  });
});
