/** The outcome of checking a redirect target. */
export type TargetCheck = { ok: true; url: URL } | { ok: false; reason: string };

// Anything the WHATWG URL parser would silently "fix" (backslashes, control characters, whitespace) is a
// sign of a trick: browsers and servers may disagree on what host it means.
const SUSPICIOUS = /[\\\u0000-\u0020\u007f]/;
const ABSOLUTE_HTTP = /^https?:\/\/[^/]/i;

/** True when `host` (lower case, with port when not default) matches an allowlist entry. */
export function hostAllowed(host: string, allowlist: readonly string[]): boolean {
  return allowlist.some((entry) =>
    entry.startsWith('*.') ? host.endsWith(entry.slice(1)) && host.length > entry.length - 1 : host === entry,
  );
}

/**
 * Decides whether `GET /v1/r` may send a browser to `raw`. Only absolute `http(s)://host/...` URLs without
 * user info pass; relative, protocol-relative (`//evil.example`), scheme-only (`https:evil.example`),
 * backslash (`/\evil.example`), `javascript:` and `data:` targets never do. A target must then be signed
 * (`signed`) or its host must be on the allowlist.
 */
export function checkTarget(raw: string | null, signed: boolean, allowlist: readonly string[]): TargetCheck {
  if (!raw) return { ok: false, reason: 'missing "url" parameter' };
  if (SUSPICIOUS.test(raw))
    return { ok: false, reason: 'the target URL holds backslashes, spaces or control characters' };
  if (!ABSOLUTE_HTTP.test(raw)) return { ok: false, reason: 'the target must be an absolute http(s) URL' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'the target is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: 'the target must be http(s)' };
  if (url.username || url.password) return { ok: false, reason: 'the target must not hold user info' };
  if (!url.hostname) return { ok: false, reason: 'the target has no host' };
  if (!signed && !hostAllowed(url.host.toLowerCase(), allowlist)) {
    return { ok: false, reason: `the target host is neither signed nor on the redirect allowlist` };
  }
  return { ok: true, url };
}
