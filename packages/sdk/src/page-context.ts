import type { PageContext } from '@touchpoint/protocol';

/** What a redacted query value becomes. */
export const REDACTED = 'redacted';

/**
 * Replaces the values of query parameters whose name contains one of `patterns`, ignoring case; also
 * `name=value` pairs in the fragment (OAuth's `#access_token=…`, a hash route's `#/reset?token=…`). The rest
 * of the URL stays as it was, byte for byte; no parsing, so a relative or odd URL is redacted too.
 */
export const redactUrl = (url: string, patterns: string[]): string =>
  // `head` is the separator and the name (`&token`): patterns are parts of names, never `#?&`.
  url.replace(/([#?&][^#?&=]+)=[^&#]*/g, (all, head: string) =>
    patterns.some((p) => head.toLowerCase().includes(p.toLowerCase())) ? head + '=' + REDACTED : all,
  );

/** The page the visitor is on now (redaction happens in the pipeline, after plugins' own pages). */
export function pageContext(): PageContext {
  return {
    url: location.href,
    path: location.pathname,
    title: document.title || undefined,
    referrer: document.referrer || undefined,
  };
}
