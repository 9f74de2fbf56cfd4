import type { TouchpointPlugin, TrackerHost } from './plugin';

/**
 * Share endpoints of the big networks: host (without `www.`), path prefix, network name. A link to one of
 * these is a share button even without markup.
 */
export const SHARE_URLS: ReadonlyArray<readonly [host: string, path: string, network: string]> = [
  ['facebook.com', '/sharer', 'facebook'],
  ['facebook.com', '/share', 'facebook'],
  ['twitter.com', '/intent/', 'x'],
  ['x.com', '/intent/', 'x'],
  ['linkedin.com', '/sharing/', 'linkedin'],
  ['linkedin.com', '/shareArticle', 'linkedin'],
  ['pinterest.com', '/pin/create', 'pinterest'],
  ['reddit.com', '/submit', 'reddit'],
  ['wa.me', '/', 'whatsapp'],
  ['api.whatsapp.com', '/send', 'whatsapp'],
  ['t.me', '/share', 'telegram'],
  ['bsky.app', '/intent/compose', 'bluesky'],
  ['threads.net', '/intent/post', 'threads'],
  ['tumblr.com', '/widgets/share', 'tumblr'],
];

/** Query parameters share endpoints carry the shared address in. */
const URL_PARAMS = ['u', 'url', 'link'];

/** Which network a link shares to (and what), or undefined when it is not a share link. */
export function shareTarget(href: string): { network: string; url?: string } | undefined {
  let link: URL;
  try {
    link = new URL(href, location.href);
  } catch {
    return undefined;
  }
  if (link.protocol === 'mailto:') return { network: 'email' };
  const host = link.hostname.replace(/^www\./, '');
  const match = SHARE_URLS.find(([h, path]) => host === h && link.pathname.startsWith(path));
  if (!match) return undefined;
  const url = URL_PARAMS.map((p) => link.searchParams.get(p)).find(Boolean) ?? undefined;
  return { network: match[2], url };
}

/**
 * Records a `share` event when a visitor clicks a share link of a known network (see {@link SHARE_URLS};
 * `mailto:` links count as `email` shares only when marked) or any element marked
 * `data-tp-share="network"` (optionally `data-tp-share-url="what was shared"`; defaults to this page).
 */
export function shares(): TouchpointPlugin {
  let host: TrackerHost | undefined;
  const onClick = (event: Event): void => {
    const target = event.target as Element | null;
    const marked = target?.closest?.('[data-tp-share]');
    const link = target?.closest?.('a[href]') as HTMLAnchorElement | null;
    const known = link ? shareTarget(link.href) : undefined;
    if (marked) {
      host?.record('share', {
        network: marked.getAttribute('data-tp-share') || known?.network || 'other',
        url: marked.getAttribute('data-tp-share-url') || known?.url || location.href,
      });
    } else if (known && known.network !== 'email') {
      host?.record('share', { network: known.network, url: known.url || location.href });
    }
  };
  return {
    name: 'shares',
    start(h) {
      host = h;
      document.addEventListener('click', onClick, true);
    },
    stop() {
      host = undefined;
      document.removeEventListener('click', onClick, true);
    },
  };
}
