import { DEFAULT_MAX_STRING_LENGTH, type PageContext } from '@touchpoint/protocol';
import { DELIVERY_ONLY } from './build-flags.js';

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

/**
 * The page the visitor is on now. The pipeline redacts its URLs (after plugins' own pages) and cuts them
 * to the protocol's longest string: collectors refuse a longer one, and a URL piled up with parameters by
 * redirects would lose every event of the page. The core script, with no pipeline stages, cuts here.
 */
export function pageContext(): PageContext {
  return {
    url: DELIVERY_ONLY ? location.href.slice(0, DEFAULT_MAX_STRING_LENGTH) : location.href,
    path: location.pathname,
    title: document.title || undefined,
    referrer:
      (DELIVERY_ONLY ? document.referrer.slice(0, DEFAULT_MAX_STRING_LENGTH) : document.referrer) ||
      undefined,
  };
}
