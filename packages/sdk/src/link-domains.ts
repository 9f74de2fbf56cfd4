import type { Identity } from './identity.js';
import type { TouchpointPlugin, TrackerHost } from './touchpoints/plugin.js';
import { withoutParams } from './without-params.js';

/** URL parameter that carries the anonymous id to another domain of the same site. */
export const LINK_PARAM = 'tp_aid';

const ID_PATTERN = /^[0-9a-f-]{16,64}$/i;

/** True when `host` is one of `domains` or a subdomain of one. */
export const listed = (host: string, domains: string[]): boolean =>
  domains.some((d) => host === d || host.endsWith('.' + d));

/**
 * Cross-domain linking of the anonymous id, a plugin of the full builds (run it first, so an adopted id
 * is on the landing page). On start it reads `tp_aid` from the landing URL, adopts it and removes it from
 * the address bar (so the id is not shared onwards by copy-paste). While consent is granted it adds
 * `tp_aid` to links to `domains` (and their subdomains) at click time, so the id is current and links in
 * the markup stay clean.
 */
export function linkDomains(domains: string[], identity: Pick<Identity, 'adopt' | 'peek'>): TouchpointPlugin {
  let host: TrackerHost | undefined;
  const onClick = (event: Event): void => {
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!link || host?.consent?.() !== 'granted') return;
    try {
      const url = new URL(link.href);
      if (url.host === location.host || !listed(url.hostname, domains)) return;
      url.searchParams.set(LINK_PARAM, identity.peek());
      link.href = url.href;
    } catch {
      // not a URL we can decorate
    }
  };
  // Capture phase; pointer and keyboard activation both end in `click`, middle-click is `auxclick`.
  const listen = (method: 'addEventListener' | 'removeEventListener'): void => {
    for (const type of ['click', 'auxclick']) document[method](type, onClick, true);
  };
  return {
    name: 'linkDomains',
    start(h) {
      if (!domains.length) return;
      host = h;
      try {
        const id = new URL(location.href).searchParams.get(LINK_PARAM);
        if (id) {
          history.replaceState(history.state, '', withoutParams(location.href, /^tp_aid$/));
          if (ID_PATTERN.test(id)) identity.adopt(id);
        }
      } catch {
        // no parseable URL or no history: nothing to adopt
      }
      listen('addEventListener');
    },
    stop: () => listen('removeEventListener'),
  };
}
