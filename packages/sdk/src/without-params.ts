/**
 * `url` without the query parameters whose name matches `drop`; the rest (other parameters, their order
 * and encoding, the fragment, a hash route's own `?…`) stays as it was. Deleting through `URLSearchParams`
 * would re-encode every other parameter (`?flag` → `?flag=`, `a%20b` → `a+b`, `1,2` → `1%2C2`) in the
 * visitor's address bar.
 *
 * @example withoutParams('/p?utm_source=x&flag#h', /^utm_/) // → '/p?flag#h'
 */
export const withoutParams = (url: string, drop: RegExp): string =>
  // The query: from the first `?` that comes before any `#`, up to the `#`.
  url.replace(/^([^#?]*)\?([^#]*)/, (_, base: string, query: string) => {
    const kept = query.split('&').filter((pair) => !drop.test(pair.split('=')[0]!));
    return base + (kept.length ? '?' + kept.join('&') : '');
  });
