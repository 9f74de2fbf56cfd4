/** `String.prototype.isWellFormed` (ES2024, Node 20) is missing from the ES2022 lib this package targets. */
type MaybeWellFormed = string & { isWellFormed?: () => boolean };

/** Deepest nesting accepted anywhere in an event (unknown extra fields included). */
export const MAX_EVENT_DEPTH = 32;

/**
 * Why a value cannot be stored faithfully by every sink, or undefined when it can. PostgreSQL's jsonb
 * refuses NUL characters and lone UTF-16 surrogates, and JSON has no Infinity; rejecting them here keeps
 * one bad event from failing (and endlessly retrying) its whole batch, or from being stored changed.
 * Deep nesting is refused before anything recurses over it (serializing, storing).
 */
export function unstorable(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return 'strings must not contain NUL (U+0000) characters';
    if ((value as MaybeWellFormed).isWellFormed?.() === false)
      return 'strings must not contain lone UTF-16 surrogates';
    return undefined;
  }
  // JSON.parse reads 1e309 as Infinity, which every sink would write as null.
  if (typeof value === 'number' && !isFinite(value))
    return 'numbers must be finite (1e309 is too large for JSON)';
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= MAX_EVENT_DEPTH) return `the event is nested deeper than ${MAX_EVENT_DEPTH} levels`;
  for (const [key, item] of Object.entries(value)) {
    const reason = unstorable(key) ?? unstorable(item, depth + 1);
    if (reason) return reason;
  }
  return undefined;
}
