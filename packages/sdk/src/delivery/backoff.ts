/**
 * Exponential backoff with full jitter: a uniform delay between 0 and `min(maxMs, baseMs * 2^attempt)`.
 * Jitter spreads the retries of many browsers after a collector outage.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoff(attempt: number, baseMs: number, maxMs: number): number {
  // A large attempt makes 2 ** attempt Infinity, which the cap absorbs.
  return Math.floor(Math.random() * Math.min(maxMs, baseMs * 2 ** attempt));
}
