import { DELIVERY_ONLY } from '../build-flags.js';
/**
 * What to do with a batch after a send attempt: `sent`, `split` it, `drop` it, or retry it — a number:
 * the least delay in ms the collector asked for (`Retry-After`; 0 when it did not say).
 */
export type SendOutcome = 'sent' | 'split' | 'drop' | number;

/** Most a `Retry-After` may postpone sending; longer answers are capped so a bad header cannot stall delivery. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Parses `Retry-After` (delay in seconds or an HTTP date) to milliseconds from `now`; 0 when it is
 * missing or junk (no delay asked for). The core script reads seconds only (what the reference collector
 * sends); a date there counts as junk, and the retry waits its own backoff.
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-retry-after
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number {
  const ms = !value ? 0 : DELIVERY_ONLY || !isNaN(value as never) ? +value * 1000 : Date.parse(value) - now;
  // NaN (an unparsable date) stays NaN through min and max, and becomes 0.
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) || 0;
}

/**
 * The retry rule of the delivery contract, in one place: 2xx sent; 413 split; 400, 415 and 422 mean the
 * collector refuses this body as it is, so it is dropped (and reported) rather than retried forever. Every
 * other answer is retried with backoff (honouring `Retry-After`): network errors, 408, 429 and 5xx, and
 * also 401/403/404 and the like, which say nothing about the events (a rotated write key, a deploy, a
 * proxy) — the queue is bounded, so waiting costs nothing, while dropping would lose the backlog.
 */
export function retryPolicy(status: number | 'network', retryAfter?: string | null): SendOutcome {
  // 'network' compares as NaN, matches no status and has no Retry-After: it falls through to a retry.
  const code = status as number;
  return code > 199 && code < 300
    ? 'sent'
    : code === 413
      ? 'split'
      : [400, 415, 422].includes(code)
        ? 'drop'
        : parseRetryAfter(retryAfter);
}
