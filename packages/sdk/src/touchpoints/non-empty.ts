/**
 * Returns `value` when it is a non-empty string; throws a `[touchpoint]` TypeError naming `what`
 * otherwise. The capture API's argument check (`trackAd`, `survey`).
 */
export function nonEmpty(value: unknown, what: string): string {
  if (!value || typeof value !== 'string')
    throw new TypeError(`[touchpoint] ${what} must be a non-empty string`);
  return value;
}
