import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeHost, type FakeHost } from './fake-host.js';
import { pages } from './pages.js';

let host: FakeHost;
beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/start');
  host = fakeHost();
});
afterEach(() => {
  host.stop();
  vi.useRealTimers();
});
const urls = () => host.of('page').map((e) => e.page.path);

describe('pages', () => {
  it('records the landing page at start', () => {
    document.title = 'Start';
    host.start(pages());
    expect(host.of('page')).toHaveLength(1);
    expect(host.of('page')[0]!.page).toMatchObject({ path: '/start', title: 'Start' });
  });
  it('records one page per pushState URL change, the previous URL as referrer', () => {
    host.start(pages());
    history.pushState(null, '', '/a');
    vi.runAllTimers();
    history.pushState(null, '', '/b?x=1');
    vi.runAllTimers();
    expect(urls()).toEqual(['/start', '/a', '/b']);
    const [, a, b] = host.of('page');
    expect(a!.page.referrer).toMatch(/\/start$/);
    expect(b!.page.referrer).toMatch(/\/a$/);
    expect(b!.page.url).toMatch(/\/b\?x=1$/);
  });
  it('does not double count replaceState then pushState, nor a same-URL replace', () => {
    host.start(pages());
    history.replaceState({ key: 1 }, '', location.href);
    history.pushState(null, '', '/next');
    vi.runAllTimers();
    history.replaceState({ key: 2 }, '', '/next');
    vi.runAllTimers();
    // push then a canonicalising replace in the same task: one page.
    history.pushState(null, '', '/c');
    history.replaceState(null, '', '/c/');
    vi.runAllTimers();
    expect(urls()).toEqual(['/start', '/next', '/c/']);
  });
  it('waits for the router to settle: a redirect right after a push is one page, with the title set after render', () => {
    // Like React Router: the URL changes, the route renders in a later task, an effect sets the title or a
    // <Navigate replace> moves on.
    document.title = 'Start';
    host.start(pages());
    history.pushState(null, '', '/old');
    setTimeout(() => history.replaceState(null, '', '/about'), 4);
    setTimeout(() => (document.title = 'About'), 8);
    vi.runAllTimers();
    expect(urls()).toEqual(['/start', '/about']);
    expect(host.of('page')[1]!.page).toMatchObject({
      title: 'About',
      referrer: expect.stringMatching(/\/start$/),
    });
  });
  it('a visitor moving on within the settle time still counts every page (push, hash link)', () => {
    host.start(pages());
    history.pushState(null, '', '/a');
    history.pushState(null, '', '/b');
    location.hash = '#/settings';
    window.dispatchEvent(new Event('hashchange'));
    vi.runAllTimers();
    expect(urls()).toEqual(['/start', '/a', '/b', '/b#/settings']);
    expect(host.of('page')[2]!.page.referrer).toMatch(/\/a$/);
  });
  it('counts a replaceState to another URL (a redirect in the router)', () => {
    host.start(pages());
    history.replaceState(null, '', '/login');
    vi.runAllTimers();
    expect(urls()).toEqual(['/start', '/login']);
  });
  it('records popstate and hashchange navigations; hash routes stay in the path', () => {
    host.start(pages());
    history.pushState(null, '', '/a');
    vi.runAllTimers();
    history.pushState(null, '', '/start');
    window.dispatchEvent(new Event('popstate'));
    vi.runAllTimers();
    location.hash = '#/settings';
    window.dispatchEvent(new Event('hashchange'));
    vi.runAllTimers();
    expect(urls()).toEqual(['/start', '/a', '/start', '/start#/settings']);
    // Leaving the hash route for a plain anchor is a page change (back to /start) …
    location.hash = '#top';
    window.dispatchEvent(new Event('hashchange'));
    vi.runAllTimers();
    expect(urls()).toEqual(['/start', '/a', '/start', '/start#/settings', '/start']);
    // … but jumping between anchors of one page is not (nor does it re-arm per-page-view capture).
    location.hash = '#section-2';
    window.dispatchEvent(new Event('hashchange'));
    history.pushState(null, '', '#section-3');
    vi.runAllTimers();
    expect(urls()).toHaveLength(5);
  });
  it('a hash router rewriting the bare URL to its root route (#/) is the same page', () => {
    // Vue Router's hash mode on a visit to https://site/: replaceState to https://site/#/ at start.
    host.start(pages());
    history.replaceState(null, '', '#/');
    vi.runAllTimers();
    history.pushState(null, '', '#/about');
    vi.runAllTimers();
    history.pushState(null, '', '#!/');
    vi.runAllTimers();
    expect(urls()).toEqual(['/start', '/start#/about', '/start']);
  });
  it("keeps a hash route's query out of the path, like a history route's", () => {
    host.start(pages());
    history.pushState(null, '', '#/reset?token=abc');
    vi.runAllTimers();
    history.pushState(null, '', '#/reset?step=2');
    vi.runAllTimers();
    expect(urls()).toEqual(['/start', '/start#/reset', '/start#/reset']);
    expect(host.of('page')[2]!.page.url).toMatch(/#\/reset\?step=2$/);
  });
  it('records a prerendered page when the visitor gets to see it, not before', () => {
    Object.defineProperty(document, 'prerendering', { value: true, configurable: true });
    host.start(pages());
    expect(urls()).toEqual([]);
    Object.defineProperty(document, 'prerendering', { value: false, configurable: true });
    document.dispatchEvent(new Event('prerenderingchange'));
    expect(urls()).toEqual(['/start']);
    delete (document as { prerendering?: boolean }).prerendering;
  });
  it('records again on a bfcache restore, not on a normal pageshow', () => {
    host.start(pages());
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(urls()).toEqual(['/start', '/start']);
  });
  it('flush() records a route change still waiting for its check (the page is going away)', () => {
    const plugin = pages();
    host.start(plugin);
    history.pushState(null, '', '/leaving');
    plugin.flush!();
    expect(urls()).toEqual(['/start', '/leaving']);
    vi.runAllTimers();
    plugin.flush!();
    expect(urls()).toEqual(['/start', '/leaving']);
  });
  it('spa: false records only the landing page', () => {
    host.start(pages({ spa: false }));
    history.pushState(null, '', '/a');
    vi.runAllTimers();
    expect(urls()).toEqual(['/start']);
  });
  it('stop() restores history methods and removes listeners', () => {
    const push = history.pushState;
    host.start(pages());
    expect(history.pushState).not.toBe(push);
    host.stop();
    expect(history.pushState).toBe(push);
    history.pushState(null, '', '/after');
    window.dispatchEvent(new Event('popstate'));
    vi.runAllTimers();
    expect(urls()).toEqual(['/start']);
  });
});
