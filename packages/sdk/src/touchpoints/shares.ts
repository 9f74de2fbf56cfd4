import type { TouchpointPlugin, TrackerHost } from './plugin.js';

/**
 * Share endpoints of the big networks (host without `www.`, `m.` or `mobile.`, then path). A link to one of
 * these is a share button even without markup. The network is named by the host's first label, renamed by
 * {@link NETWORKS}.
 */
export const SHARE_URL =
  /^(facebook\.com\/(shar|dialog\/share)|(twitter|x)\.com\/(intent\/|share)|linkedin\.com\/(sharing\/|shareArticle)|pinterest\.com\/pin\/create|reddit\.com\/submit|wa\.me\/|(api|web)\.whatsapp\.com\/send|t(elegram)?\.me\/share|bsky\.app\/intent\/|threads\.(net|com)\/intent\/|tumblr\.com\/widgets\/share)/;
const NETWORKS: Record<string, string> = {
  twitter: 'x',
  wa: 'whatsapp',
  api: 'whatsapp',
  web: 'whatsapp',
  t: 'telegram',
  bsky: 'bluesky',
};

/**
 * Which network a link shares to (and what), or undefined when it is not a share link. Takes the parsed
 * address: a link element's own `hostname`, `pathname`… (or a `URL`), so a click parses nothing again.
 */
export function shareTarget(
  link: Pick<URL, 'hostname' | 'pathname' | 'search'>,
): { network: string; url?: string } | undefined {
  // A template, not a call on hostname: an SVG <a> (which `a[href]` matches too) has none, and reads as
  // "undefined", no share link, instead of throwing into the page's click.
  const host = `${link.hostname}`.replace(/^(www|m|mobile)\./, '');
  if (!SHARE_URL.test(host + link.pathname)) return undefined;
  const label = host.split('.')[0]!;
  const params = new URLSearchParams(link.search);
  // Share endpoints carry the shared address in one of these parameters (`href`: Facebook's share dialog);
  // WhatsApp, and X or Bluesky without `url`, put it inside the message (`text`).
  return {
    network: NETWORKS[label] ?? label,
    url:
      params.get('u') ||
      params.get('url') ||
      params.get('href') ||
      params.get('text')?.match(/https?:\/\/\S+/)?.[0],
  };
}

/**
 * Records a `share` event when a visitor clicks a share link of a known network (see {@link SHARE_URL};
 * `mailto:` links count as `email` shares only when marked) or any element marked
 * `data-tp-share="network"` (optionally `data-tp-share-url="what was shared"`; defaults to this page).
 */
export function shares(): TouchpointPlugin {
  let host: TrackerHost | undefined;
  const onClick = (event: Event): void => {
    const target = event.target as Element | null;
    const marked = target?.closest?.('[data-tp-share]');
    const link = target?.closest?.('a[href]') as HTMLAnchorElement | null;
    const known = link && shareTarget(link);
    // Marked elements win over what their link says; a mailto: link is an `email` share only when marked.
    if (marked || known)
      host?.record('share', {
        network:
          marked?.getAttribute('data-tp-share') ||
          known?.network ||
          (link?.protocol === 'mailto:' ? 'email' : 'other'),
        url: marked?.getAttribute('data-tp-share-url') || known?.url || location.href,
      });
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
