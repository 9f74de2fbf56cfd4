import type { PathRow } from '../types.js';
import type { ShareRule } from './position-shares.js';
import { pathKey } from '../path-key.js';

/**
 * Fractribution-style leave-one-out (what Fractribution calls "shapley"; it is not a Shapley value).
 * p(P) = conversions / (conversions + nulls) of path P over all rows; for each position i,
 * m_i = max(0, p(P) − p(P without position i)), where a path never seen has p = 0 (so a one-touch path gets
 * m_1 = p(P)). Shares are m_i/Σm, or all to the last touch when Σm = 0.
 * @see https://github.com/google/fractribution
 */
export function leaveOneOut(rows: readonly PathRow[]): ShareRule {
  const totals = new Map<string, { conversions: number; nulls: number }>();
  for (const row of rows) {
    const key = pathKey(row.path);
    const t = totals.get(key) ?? { conversions: 0, nulls: 0 };
    t.conversions += row.conversions;
    t.nulls += row.nulls;
    totals.set(key, t);
  }
  const probability = (path: readonly string[]): number => {
    const t = path.length ? totals.get(pathKey(path)) : undefined;
    const all = t ? t.conversions + t.nulls : 0;
    return all > 0 ? t!.conversions / all : 0;
  };
  return (row) => {
    const p = probability(row.path);
    const marginal = row.path.map((_, i) =>
      Math.max(0, p - probability([...row.path.slice(0, i), ...row.path.slice(i + 1)])),
    );
    const sum = marginal.reduce((a, b) => a + b, 0);
    const shares =
      sum > 0 ? marginal.map((m) => m / sum) : marginal.map((_, i) => (i === row.path.length - 1 ? 1 : 0));
    return { conversions: shares, value: shares };
  };
}
