import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { campaign } from './campaign.js';
import { fakeHost, type FakeHost } from './fake-host.js';
import { pages } from './pages.js';

let host: FakeHost;
const land = (url: string, referrer = '') => {
  history.replaceState(null, '', url);
  Object.defineProperty(document, 'referrer', { value: referrer, configurable: true });
};
beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  host = fakeHost();
});
afterEach(() => {
  host.stop();
  vi.useRealTimers();
  land('/');
});

describe('campaign', () => {
  it('puts the classified arrival on the first page and the campaign on every event of the session', () => {
    land('/p?utm_source=google&utm_medium=cpc&utm_campaign=spring&gclid=G1', 'https://www.google.com/');
    host.start(campaign(), pages());
    host.record('track', { name: 'signup' });
    history.pushState(null, '', '/q');
    vi.runAllTimers();
    const [first, track, second] = host.events;
    expect(first!.type === 'page' && first.touchpoint).toMatchObject({
      kind: 'ad',
      channel: 'Paid Search',
      paid: true,
      source: 'google',
      campaign: 'spring',
      clickId: { name: 'gclid', value: 'G1' },
      referrerHost: 'google.com',
    });
    expect(track!.campaign).toMatchObject({ source: 'google', campaign: 'spring' });
    expect(second!.type === 'page' && second.touchpoint).toBeUndefined();
    expect(second!.campaign).toMatchObject({ campaign: 'spring' });
  });
  it('marks a direct first visit and adds no campaign', () => {
    land('/');
    host.start(campaign(), pages());
    const [page] = host.of('page');
    expect(page!.touchpoint).toMatchObject({ kind: 'direct', channel: 'Direct' });
    expect(page!.campaign).toBeUndefined();
  });
  it('email arrivals via tp_email or utm_medium=email', () => {
    land('/?tp_email=spring:welcome-2');
    host.start(campaign(), pages());
    expect(host.of('page')[0]!.touchpoint).toMatchObject({
      kind: 'email',
      channel: 'Email',
      campaign: 'spring',
      content: 'welcome-2',
    });
    host.stop();
    localStorage.clear();
    host.ctx.sessionId = 's2';
    land('/?utm_source=newsletter&utm_medium=email&utm_campaign=may');
    host.start(campaign(), pages());
    expect(host.of('page')[1]!.touchpoint).toMatchObject({ kind: 'email', campaign: 'may' });
  });
  it('social arrivals by referrer (organic) and by UTM (paid)', () => {
    land('/', 'https://t.co/abc');
    host.start(campaign(), pages());
    expect(host.of('page')[0]!.touchpoint).toMatchObject({
      kind: 'social',
      channel: 'Organic Social',
      paid: false,
    });
    host.stop();
    host.ctx.sessionId = 's2';
    land('/?utm_source=facebook&utm_medium=paid_social');
    host.start(campaign(), pages());
    expect(host.of('page')[1]!.touchpoint).toMatchObject({ kind: 'ad', channel: 'Paid Social', paid: true });
  });
  it('a new page load inside a running session: internal hops add nothing, a new arrival adds a touch', () => {
    land('/', 'https://news.example.org/');
    host.start(campaign(), pages());
    host.stop();
    land('/next', location.origin + '/');
    host.start(campaign(), pages());
    expect(host.of('page')[1]!.touchpoint).toBeUndefined();
    host.stop();
    land('/?fbclid=F', 'https://l.facebook.com/');
    host.start(campaign(), pages());
    expect(host.of('page')[2]!.touchpoint).toMatchObject({
      channel: 'Paid Social',
      clickId: { name: 'fbclid' },
    });
    // The session keeps the campaign it started with (none: a referral).
    expect(host.of('page')[2]!.campaign).toBeUndefined();
  });
  // This document's navigation type, as `performance.getEntriesByType('navigation')` reports it.
  const navigated = (type: string) =>
    vi.spyOn(performance, 'getEntriesByType').mockReturnValue([{ type } as unknown as PerformanceEntry]);
  it('a reload or a Back to the landing page is the same arrival, not a new touch', () => {
    land('/?gclid=G1', 'https://www.google.com/');
    host.start(campaign(), pages());
    for (const type of ['reload', 'back_forward']) {
      host.stop();
      navigated(type);
      host.start(campaign(), pages());
    }
    vi.restoreAllMocks();
    expect(host.of('page').map((e) => e.touchpoint?.clickId?.value)).toEqual(['G1', undefined, undefined]);
    // In a new session it is an arrival again.
    host.stop();
    host.ctx.sessionId = 's2';
    navigated('reload');
    host.start(campaign(), pages());
    vi.restoreAllMocks();
    expect(host.of('page')[3]!.touchpoint).toMatchObject({ clickId: { value: 'G1' } });
  });
  it('a session that starts later in the same document gets a (direct) touch on its first page', () => {
    land('/?utm_source=x1&utm_medium=link');
    host.start(campaign(), pages());
    host.ctx.sessionId = 's2';
    history.pushState(null, '', '/later');
    vi.runAllTimers();
    const later = host.of('page')[1]!;
    expect(later.touchpoint).toMatchObject({ kind: 'direct' });
    expect(later.campaign).toBeUndefined();
  });
  it("a session the site's tabs share gets one visit touch, whichever tab's page comes first", () => {
    land('/');
    host.start(campaign());
    host.record('page', {});
    const other = fakeHost(); // the site's other tab, same storage
    other.start(campaign());
    other.record('page', {});
    // Logout in the other tab: a new person and session; its first event there is no page.
    other.ctx = { anonymousId: 'a2', sessionId: 's2', sessionIsNew: true };
    other.record('track', { name: 'logged_out' });
    // This tab follows the new ids; its route change touches the session first, the other's page then not.
    host.ctx = { anonymousId: 'a2', sessionId: 's2', sessionIsNew: false };
    const next = host.record('page', {});
    const otherNext = other.record('page', {});
    expect(next!.type === 'page' && next.touchpoint).toMatchObject({ kind: 'direct' });
    expect(otherNext!.type === 'page' && otherNext.touchpoint).toBeUndefined();
    other.stop();
  });
  it("a tab's own landing still counts, with its campaign, in a session another tab started and touched", () => {
    // This tab landed from an ad but recorded nothing yet (prerendered, or waiting); the other tab starts a
    // new session meanwhile and touches it.
    land('/?utm_source=google&utm_medium=cpc&gclid=G2', 'https://www.google.com/');
    host.start(campaign());
    const other = fakeHost();
    land('/'); // the other tab's own, direct page
    other.ctx = { anonymousId: 'a1', sessionId: 's2', sessionIsNew: true };
    other.start(campaign());
    other.record('page', {});
    land('/?utm_source=google&utm_medium=cpc&gclid=G2', 'https://www.google.com/');
    host.ctx = { anonymousId: 'a1', sessionId: 's2', sessionIsNew: false };
    const page = host.record('page', {});
    expect(page!.type === 'page' && page.touchpoint).toMatchObject({ kind: 'ad', clickId: { value: 'G2' } });
    expect(page!.campaign).toMatchObject({ source: 'google' });
    other.stop();
  });
  it('stripParams removes utm_*, tp_email and tp_click but keeps ad click ids and other params', () => {
    land('/p?utm_source=n&utm_medium=email&tp_email=c:m&tp_click=T&gclid=G&q=a%20b&ids=1,2&flag#h');
    host.start(campaign({ stripParams: true }), pages());
    // The other parameters exactly as they were (not re-encoded: no `flag=`, `a+b`, `1%2C2`).
    expect(location.pathname + location.search + location.hash).toBe('/p?gclid=G&q=a%20b&ids=1,2&flag#h');
    expect(host.of('page')[0]!.touchpoint).toMatchObject({ kind: 'email', clickId: { name: 'tp_click' } });
    expect(host.of('page')).toHaveLength(1);
  });
  it("stripParams leaves a hash route's query alone (it is not the landing URL's campaign)", () => {
    land('/p#/r?utm_source=x');
    host.start(campaign({ stripParams: true }), pages());
    expect(location.pathname + location.hash).toBe('/p#/r?utm_source=x');
  });
  it('leaves the address bar alone by default', () => {
    land('/p?utm_source=n&utm_medium=email');
    host.start(campaign(), pages());
    expect(location.search).toBe('?utm_source=n&utm_medium=email');
  });
});

describe('campaign storage and consent', () => {
  it('keeps state in memory while consent is pending and writes it once granted (at pagehide at the latest)', () => {
    let consent: 'pending' | 'granted' = 'pending';
    Object.assign(host, { consent: () => consent });
    land('/?utm_source=news&utm_medium=email&utm_campaign=later');
    host.start(campaign(), pages());
    expect(localStorage.getItem('tp_campaign')).toBeNull();
    consent = 'granted';
    window.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(localStorage.getItem('tp_campaign')!)).toMatchObject({
      sid: 's1',
      touched: true,
      campaign: { campaign: 'later' },
    });
  });
});
