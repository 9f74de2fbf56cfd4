/** What to do with a batch after a send attempt. */
export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'retry'; afterMs?: number }
  | { kind: 'split' }
  | { kind: 'drop'; reason: string };

/** Most a `Retry-After` may postpone sending; longer answers are capped so a bad header cannot stall delivery. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Parses `Retry-After` (delay in seconds or an HTTP date) to milliseconds from `now`.
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-retry-after
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/**
 * The retry rule of the delivery contract, in one place: 2xx sent; network error, 408, 429 and 5xx retried
 * (honouring `Retry-After`); 413 split; any other status means the collector refuses this body as it is,
 * so it is dropped (and reported) rather than retried forever.
 */
export function retryPolicy(
  status: number | 'network',
  retryAfter?: string | null,
  now = Date.now(),
): SendOutcome {
  if (status === 'network') return { kind: 'retry' };
  if (status >= 200 && status < 300) return { kind: 'sent' };
  if (status === 413) return { kind: 'split' };
  if (status === 408 || status === 429 || status >= 500)
    return { kind: 'retry', afterMs: parseRetryAfter(retryAfter, now) };
  return { kind: 'drop', reason: `collector answered ${status}` };
}
