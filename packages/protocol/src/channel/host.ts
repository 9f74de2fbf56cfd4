/** Prefixes that name the same site on another front end (mobile, link shim). */
const ALIAS_PREFIX = /^(?:www\d*|m|l|lm|mobile)\./;

/**
 * The lower-case host of a referrer given as a URL (`https://www.google.com/search?q=x`) or a bare host
 * (`google.com`), without `www.`-style prefixes and port. Returns undefined when there is none.
 */
export function hostOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let host = value.trim().toLowerCase();
  const scheme = host.indexOf('//');
  if (scheme >= 0) host = host.slice(scheme + 2);
  host = host
    .replace(/[/?#].*$/, '')
    .replace(/^.*@/, '')
    .replace(/:\d*$/, '');
  // Strip repeatedly: `m.l.facebook.com` is still Facebook.
  while (ALIAS_PREFIX.test(host)) host = host.replace(ALIAS_PREFIX, '');
  return host || undefined;
}

/**
 * True when two hosts belong to the same site: equal, or one is a subdomain of the other
 * (`shop.example.com` and `example.com`). Sibling subdomains of a shared suffix (`a.github.io`,
 * `b.github.io`) are different sites, which is the safe answer without a public-suffix list.
 */
export function sameSite(a: string, b: string): boolean {
  return a === b || a.endsWith('.' + b) || b.endsWith('.' + a);
}

/** Makes a matcher for a space-separated source list (see `sources.ts` for the matching rule). */
export function sourceList(list: string): (source: string) => string | undefined {
  const entries = new Set(list.split(' '));
  return (source) => {
    let name = hostOf(source) ?? '';
    for (;;) {
      if (entries.has(name)) return name;
      const dot = name.lastIndexOf('.');
      if (dot < 0) return undefined;
      name = name.slice(0, dot);
    }
  };
}
