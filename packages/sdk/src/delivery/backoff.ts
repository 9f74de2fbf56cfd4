/**
 * Exponential backoff with full jitter: a uniform delay between 0 and `min(maxMs, baseMs * 2^attempt)`.
 * Jitter spreads the retries of many browsers after a collector outage.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoff(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * cap);
}
