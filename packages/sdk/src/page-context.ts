import type { PageContext } from '@touchpoint/protocol';

/** What a redacted query value becomes. */
export const REDACTED = 'redacted';

/**
 * Replaces the values of query parameters (also `name=value` pairs in the fragment) whose name contains one
 * of `patterns`, ignoring case. Unparseable input is returned unchanged only when it has no query or
 * fragment at all; otherwise both are cut.
 */
export function redactUrl(url: string, patterns: string[]): string {
  // Every event carries the same few URLs: parsing them once per change keeps an event in microseconds.
  const key = url + '\n' + patterns.join();
  let out = cache.get(key);
  if (out === undefined) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(key, (out = redact(url, patterns)));
  }
  return out;
}

const CACHE_SIZE = 16;
const cache = new Map<string, string>();

function redact(url: string, patterns: string[]): string {
  const q = url.search(/[?#]/);
  if (q < 0 || !patterns.length) return url;
  const hit = (name: string): boolean => patterns.some((p) => name.toLowerCase().includes(p.toLowerCase()));
  try {
    const parsed = new URL(url);
    let changed = false;
    for (const name of new Set(parsed.searchParams.keys())) {
      if (hit(name)) {
        parsed.searchParams.set(name, REDACTED);
        changed = true;
      }
    }
    // Parameters in the fragment: OAuth's `#access_token=…`, a hash route's `#/reset?token=…`.
    parsed.hash = parsed.hash.replace(/([#?&])([^#?&=]+)=[^&]*/g, (all, sep: string, name: string) =>
      hit(name) ? ((changed = true), sep + name + '=' + REDACTED) : all,
    );
    return changed ? parsed.href : url;
  } catch {
    return url.slice(0, q);
  }
}

/** The page the visitor is on now (redaction happens in the pipeline, after plugins' own pages). */
export function pageContext(): PageContext {
  return {
    url: location.href,
    path: location.pathname,
    title: document.title || undefined,
    referrer: document.referrer || undefined,
  };
}
