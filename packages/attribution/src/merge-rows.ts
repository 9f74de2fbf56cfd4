import type { PathRow } from './types';

/**
 * One row per distinct path, sorted by path (code-unit order): summing in this order keeps every
 * floating-point result identical for any input row order. Rows are copied, never changed.
 */
export function mergeRows(rows: readonly PathRow[]): PathRow[] {
  const byKey = new Map<string, PathRow>();
  for (const row of rows) {
    const key = row.path.join('\u0001');
    const kept = byKey.get(key);
    if (!kept) {
      byKey.set(key, { ...row, decay: row.decay?.slice(), decayValue: row.decayValue?.slice() });
      continue;
    }
    kept.conversions += row.conversions;
    kept.value += row.value;
    kept.nulls += row.nulls;
    if (kept.decay && kept.decayValue && row.decay && row.decayValue) {
      row.decay.forEach((w, i) => (kept.decay![i]! += w));
      row.decayValue.forEach((w, i) => (kept.decayValue![i]! += w));
    } else {
      delete kept.decay;
      delete kept.decayValue;
    }
  }
  // The default sort compares strings by UTF-16 code units, natively and much faster than a comparator.
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}
