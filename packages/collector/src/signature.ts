import { createHmac, timingSafeEqual } from 'node:crypto';

/** Query parameter holding the HMAC of a pixel or redirect URL. */
export const SIGNATURE_PARAM = 'sig';

/**
 * The text a signature covers: the endpoint name plus every other parameter, sorted, so that the
 * signature of a pixel cannot be replayed on the redirect and no parameter can be added or changed.
 */
function canonical(endpoint: string, params: URLSearchParams): string {
  const entries = [...params].filter(([key]) => key !== SIGNATURE_PARAM);
  entries.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return `${endpoint}?${new URLSearchParams(entries).toString()}`;
}

/** HMAC-SHA256 of the canonical parameters, base64url. */
export function signParams(endpoint: string, params: URLSearchParams, secret: string): string {
  return createHmac('sha256', secret).update(canonical(endpoint, params)).digest('base64url');
}

/** True when `params` carries a valid signature for `endpoint` under `secret` (constant-time compare). */
export function verifyParams(endpoint: string, params: URLSearchParams, secret: string): boolean {
  const given = params.get(SIGNATURE_PARAM);
  if (!given) return false;
  const expected = Buffer.from(signParams(endpoint, params, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
