/**
 * The lower-case host of a referrer given as a URL (`https://www.google.com/search?q=x`) or a bare host
 * (`google.com`), without `www.`-style prefixes and port. Returns undefined when there is none.
 */
export const hostOf = (value: string | undefined): string | undefined =>
  (value || '')
    .trim()
    .toLowerCase()
    // Everything up to the first `//` (the scheme), then path, query or fragment, user info and port.
    .replace(/^[^]*?\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^.*@/, '')
    .replace(/:\d*$/, '')
    // Prefixes that name the same site on another front end (mobile, link shim), all of them:
    // `m.l.facebook.com` is still Facebook.
    .replace(/^((www\d*|m|l|lm|mobile)\.)+/, '') || undefined;

/**
 * True when two hosts belong to the same site: equal, or one is a subdomain of the other
 * (`shop.example.com` and `example.com`). Sibling subdomains of a shared suffix (`a.github.io`,
 * `b.github.io`) are different sites, which is the safe answer without a public-suffix list.
 */
export const sameSite = (a: string, b: string): boolean =>
  ('.' + a).endsWith('.' + b) || ('.' + b).endsWith('.' + a);

/**
 * Makes a matcher for a space-separated source list (see `sources.ts` for the matching rule): it returns
 * the entry a source matches, trying the source's whole host and then ever shorter leading parts of it.
 */
export function sourceList(list: string): (source: string) => string | undefined {
  const entries = new Set(list.split(' '));
  return (source) => {
    for (let name = hostOf(source) ?? ''; ; name = name.slice(0, name.lastIndexOf('.'))) {
      if (entries.has(name)) return name;
      if (!name.includes('.')) return undefined;
    }
  };
}
