/** A source, medium or campaign as the rules compare it: trimmed, lower-case, `''` when missing. */
export const lower = (value: string | undefined): string => (value ?? '').trim().toLowerCase();

/**
 * The lower-case host of a referrer given as a URL (`https://www.google.com/search?q=x`) or a bare host
 * (`google.com`), without `www.`-style prefixes and port. Returns undefined when there is none.
 */
export const hostOf = (value: string | undefined): string | undefined =>
  lower(value)
    // Everything up to the first `//` (the scheme; `[^]` also crosses line breaks), then path, query or
    // fragment, user info and port.
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
 * the entry the source's host equals or starts with (followed by a dot). No entry starts another one, so
 * at most one matches.
 */
export function sourceList(list: string): (source: string) => string | undefined {
  const entries = new RegExp(`^(${list.replace(/\./g, '\\.').replace(/ /g, '|')})(\\.|$)`);
  return (source) => entries.exec(hostOf(source) ?? '')?.[1];
}
