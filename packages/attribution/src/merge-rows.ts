import type { PathRow } from './types.js';
import { pathKey } from './path-key.js';

/**
 * One row per distinct path, sorted by path (code-unit order): summing in this order keeps every
 * floating-point result identical for any input row order. Repeats of a path are summed in a fixed order
 * too (by their numbers). Rows are copied, never changed.
 */
export function mergeRows(rows: readonly PathRow[]): PathRow[] {
  const groups = new Map<string, PathRow[]>();
  for (const row of rows) {
    const key = pathKey(row.path);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const byKey = new Map<string, PathRow>();
  for (const [key, group] of groups) {
    if (group.length > 1) group.sort(byNumbers);
    const [head, ...repeats] = group;
    byKey.set(key, { ...head!, decay: head!.decay?.slice(), decayValue: head!.decayValue?.slice() });
    for (const row of repeats) add(byKey.get(key)!, row);
  }
  // The default sort compares strings by UTF-16 code units, natively and much faster than a comparator.
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

function add(kept: PathRow, row: PathRow): void {
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

/** Orders repeats of one path by their numbers, so their sum does not depend on input order. */
function byNumbers(a: PathRow, b: PathRow): number {
  const x = [a.conversions, a.value, a.nulls, ...(a.decay ?? []), ...(a.decayValue ?? [])];
  const y = [b.conversions, b.value, b.nulls, ...(b.decay ?? []), ...(b.decayValue ?? [])];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
