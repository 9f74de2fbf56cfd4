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

/** ` EUR` after the value when every valued conversion named that one currency; else nothing. */
export function currencySuffix(report: Report): string {
  const names = Object.keys(report.journeys?.currencies ?? {});
  return names.length === 1 && names[0] ? ` ${names[0]}` : '';
}

/** `; values add up EUR, USD …` when conversions of several currencies (or none named) were summed. */
export function mixedCurrencyNote(report: Report): string {
  const names = Object.keys(report.journeys?.currencies ?? {}).sort();
  return names.length > 1
    ? `; values add up ${names.map((n) => n || 'no currency').join(', ')} as they are (keep one with the currency option, --currency in the CLI)`
    : '';
}

/** `; N conversions without any touch …` when some conversions had no touch in their lookback windows. */
export function untrackedNote(report: Report): string {
  const n = report.journeys?.untracked ?? 0;
  return n > 0
    ? `; ${formatNumber(n)} conversions without any touch in their lookback windows (credited to no channel)`
    : '';
}
