import type { PageContext } from '@touchpoint/protocol';

/** What a redacted query value becomes. */
export const REDACTED = 'redacted';

/**
 * Replaces the values of query parameters whose name contains one of `patterns`, ignoring case.
 * Unparseable input is returned unchanged only when it has no query at all; otherwise its query is cut.
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
  const q = url.indexOf('?');
  if (q < 0 || !patterns.length) return url;
  try {
    const parsed = new URL(url);
    let changed = false;
    for (const name of new Set(parsed.searchParams.keys())) {
      const lower = name.toLowerCase();
      if (patterns.some((p) => lower.includes(p.toLowerCase()))) {
        parsed.searchParams.set(name, REDACTED);
        changed = true;
      }
    }
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
