import type { Report } from '../report.js';

/** Rounds for display: up to `digits` decimals, trailing zeros dropped. */
export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  return Number(n.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A fraction as a percentage. */
export function formatShare(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}

/** `; N conversions without any touch …` when some conversions had no touch in their lookback windows. */
export function untrackedNote(report: Report): string {
  const n = report.journeys?.untracked ?? 0;
  return n > 0
    ? `; ${formatNumber(n)} conversions without any touch in their lookback windows (credited to no channel)`
    : '';
}
