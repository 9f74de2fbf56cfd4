/** URL parameter that carries the anonymous id to another domain of the same site. */
export const LINK_PARAM = 'tp_aid';

const ID_PATTERN = /^[0-9a-f-]{16,64}$/i;

const matches = (host: string, domains: string[]): boolean =>
  domains.some((d) => host === d || host.endsWith('.' + d));

/**
 * Reads `tp_aid` from the landing URL (when the page is on one of the listed domains' site) and removes it
 * from the address bar, so the id is not shared onwards by copy-paste.
 */
export function readLinkedId(domains: string[]): string | undefined {
  if (!domains.length) return undefined;
  try {
    const url = new URL(location.href);
    const id = url.searchParams.get(LINK_PARAM);
    if (!id) return undefined;
    url.searchParams.delete(LINK_PARAM);
    history.replaceState(history.state, '', url.href);
    return ID_PATTERN.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decorates links to the listed domains with `tp_aid` at click time (so the id is current and links in
 * the markup stay clean). Returns the function that removes the listener.
 */
export function decorateLinks(domains: string[], anonymousId: () => string | undefined): () => void {
  if (!domains.length || typeof document === 'undefined') return () => {};
  const onClick = (event: Event): void => {
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    const id = anonymousId();
    if (!link || !id) return;
    try {
      const url = new URL(link.href);
      if (url.host === location.host || !matches(url.hostname, domains)) return;
      url.searchParams.set(LINK_PARAM, id);
      link.href = url.href;
    } catch {
      // not a URL we can decorate
    }
  };
  // Capture phase and pointer/keyboard activation both end in `click`; middle-click is `auxclick`.
  document.addEventListener('click', onClick, true);
  document.addEventListener('auxclick', onClick, true);
  return () => {
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('auxclick', onClick, true);
  };
}
