import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long browsers may cache a preflight answer, seconds. */
const PREFLIGHT_MAX_AGE_S = 86_400;

/**
 * Sets CORS headers for `req` and says whether its origin may send. Without an `Origin` header (server
 * to server, curl) there is nothing to check. Credentials are never allowed: the SDK sends none.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: '*' | ReadonlySet<string>,
): boolean {
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  if (!origin) return true;
  if (allowed !== '*' && !allowed.has(origin)) return false;
  res.setHeader('access-control-allow-origin', origin);
  // Not a CORS-safelisted header: without this, a page on another origin reads null and cannot wait as asked.
  res.setHeader('access-control-expose-headers', 'Retry-After');
  return true;
}

/** Answers a preflight (`OPTIONS`) request of an allowed origin. */
export function answerPreflight(res: ServerResponse): void {
  res.writeHead(204, {
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_S),
    'content-length': '0',
  });
  res.end();
}
