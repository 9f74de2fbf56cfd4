/** `String.prototype.isWellFormed` (ES2024, Node 20) is missing from the ES2022 lib this package targets. */
type MaybeWellFormed = string & { isWellFormed?: () => boolean };

/**
 * Why a value cannot be stored faithfully by every sink, or undefined when it can. PostgreSQL's jsonb
 * refuses NUL characters and lone UTF-16 surrogates; rejecting them here keeps one bad event from
 * failing (and endlessly retrying) its whole batch.
 */
export function unstorable(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return 'strings must not contain NUL (U+0000) characters';
    if ((value as MaybeWellFormed).isWellFormed?.() === false)
      return 'strings must not contain lone UTF-16 surrogates';
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const reason = unstorable(key) ?? unstorable(item);
    if (reason) return reason;
  }
  return undefined;
}
