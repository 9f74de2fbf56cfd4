/** Rounds for display: up to `digits` decimals, trailing zeros dropped. */
export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  return Number(n.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A fraction as a percentage. */
export function formatShare(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}
