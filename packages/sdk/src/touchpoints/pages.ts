import { pageContext } from '../page-context.js';
import type { TouchpointPlugin, TrackerHost } from './plugin.js';

/** Options of {@link pages}. */
export interface PagesOptions {
  /**
   * Record a `page` for every client-side navigation (`history.pushState`/`replaceState`, `popstate`,
   * `hashchange`) and for bfcache restores. Turn off for apps that call `page()` themselves.
   * @default true
   */
  spa?: boolean;
}

/** How long after a URL change its page is read (title and redirects settled); flush() reads it sooner. */
const SETTLE_MS = 100;

/**
 * Records a `page` event on load and, in single-page apps, once per real URL change, whatever the router:
 * a URL change is read once the router has settled (100 ms later), so the page has the title the route set,
 * a push followed by a redirect (`replaceState`) counts one page, `replaceState` then `pushState` one, and a
 * same-URL replace none. A new navigation (push, Back, hash change) within those 100 ms still counts the one
 * before it. The previous URL becomes the next page's referrer. A page restored from the back/forward cache
 * counts again; a prerendered one counts when it is shown.
 *
 * @see https://developer.mozilla.org/docs/Web/API/History_API
 * @see https://web.dev/articles/bfcache
 * @see https://developer.chrome.com/docs/web-platform/prerender-pages#detecting_prerendering
 */
export function pages(options: PagesOptions = {}): TouchpointPlugin {
  let host: TrackerHost | undefined;
  let last = '';
  let lastKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The URL whose page waits for the router to settle.
  let pending: string | undefined;
  let off: AbortController | undefined;

  const check = (url = location.href): void => {
    clearTimeout(timer);
    timer = pending = undefined;
    // A prerendered page (speculation rules, the address bar's guesses) counts once shown, if ever.
    if ((document as { prerendering?: boolean }).prerendering) return;
    const { pathname, hash } = new URL(url);
    // Hash routers keep the route in the fragment (`#/…`, `#!/…`): it is part of the page, and of its path
    // so pages stay apart in reports. Any other fragment is an in-page anchor: the same page, not a new one;
    // so is the root route `#/` alone, which a hash router puts on the bare URL at start (Vue Router).
    const route = /^#!?\/./.test(hash) ? hash : '';
    const key = url.split('#')[0] + route;
    if (!host || key === lastKey) return;
    lastKey = key;
    const page = pageContext();
    page.url = url;
    // Without the route's query, as a history route's path is without the URL's (only URLs are redacted).
    page.path = pathname + route.split('?')[0];
    if (last) page.referrer = last;
    last = url;
    host.record('page', { page });
  };
  // Routers render the new route, set its title and follow a redirect (`<Navigate replace>`) in tasks after
  // the URL changed (React: one page behind with a 0 ms check), so a change is read once it has settled.
  // Another navigation meanwhile means the visitor moved on: the waiting page counts now. A replace does not:
  // it is a redirect, or the router storing state.
  const schedule = (replace?: boolean): void => {
    if (pending && !replace) check(pending);
    pending = location.href;
    timer ??= setTimeout(check, SETTLE_MS);
  };

  return {
    name: 'pages',
    start(h) {
      host = h;
      check();
      const signal = (off = new AbortController()).signal;
      document.addEventListener('prerenderingchange', () => check(), { signal });
      if (options.spa === false) return;
      for (const method of ['pushState', 'replaceState'] as const) {
        const original = history[method];
        const patched = function (this: History, ...args: Parameters<History['pushState']>) {
          original.apply(this, args);
          schedule(method === 'replaceState');
        };
        history[method] = patched;
        // Only unpatch if nobody wrapped ours since; otherwise theirs would lose its hook.
        signal.addEventListener('abort', () => history[method] === patched && (history[method] = original));
      }
      for (const type of ['popstate', 'hashchange']) addEventListener(type, () => schedule(), { signal });
      addEventListener(
        'pageshow',
        (event) => {
          if (event.persisted) {
            last = lastKey = '';
            check();
          }
        },
        { signal },
      );
    },
    // A route change still waiting for its check would die with the page.
    flush() {
      if (pending) check();
    },
    stop() {
      host = undefined;
      clearTimeout(timer);
      timer = pending = undefined;
      off?.abort();
    },
  };
}
