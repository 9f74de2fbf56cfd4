/**
 * Absorption probabilities of an absorbing Markov chain: x_s = b_s + Σ_t Q[s][t]·x_t for transient states s,
 * with states in `removed` fixed at 0 (sent to the null state). Solved exactly by Gaussian elimination with
 * partial pivoting up to `DENSE_LIMIT` states; above it by Gauss–Seidel iteration to `TOLERANCE`.
 */

/** Sparse row: targets and probabilities among transient states. */
export interface SparseRow {
  to: Int32Array;
  p: Float64Array;
}

/** Largest chain solved by dense elimination (n³/3 flops: ~70 M at this size, well under a second). */
export const DENSE_LIMIT = 600;
/** Gauss–Seidel stops when no unknown moved more than this. */
export const TOLERANCE = 1e-14;
/** Gauss–Seidel gives up after this many sweeps (a chain this slow to mix is reported, not guessed). */
export const MAX_SWEEPS = 1_000_000;

export function absorptionProbabilities(
  rows: readonly SparseRow[],
  b: Float64Array,
  removed: Uint8Array,
): Float64Array {
  return rows.length <= DENSE_LIMIT ? dense(rows, b, removed) : iterative(rows, b, removed);
}

export function dense(rows: readonly SparseRow[], b: Float64Array, removed: Uint8Array): Float64Array {
  const n = rows.length;
  const a = new Float64Array(n * n);
  const rhs = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    a[s * n + s] = 1;
    if (removed[s]) continue;
    rhs[s] = b[s]!;
    const row = rows[s]!;
    for (let k = 0; k < row.to.length; k++) {
      const t = row.to[k]!;
      if (!removed[t]) a[s * n + t]! -= row.p[k]!;
    }
  }
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
    if (pivot !== col) {
      for (let c = col; c < n; c++) {
        const tmp = a[col * n + c]!;
        a[col * n + c] = a[pivot * n + c]!;
        a[pivot * n + c] = tmp;
      }
      const tmp = rhs[col]!;
      rhs[col] = rhs[pivot]!;
      rhs[pivot] = tmp;
    }
    const d = a[col * n + col]!;
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col]! / d;
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c]! -= f * a[col * n + c]!;
      rhs[r]! -= f * rhs[col]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let sum = rhs[r]!;
    for (let c = r + 1; c < n; c++) sum -= a[r * n + c]! * x[c]!;
    x[r] = sum / a[r * n + r]!;
  }
  return x;
}

export function iterative(rows: readonly SparseRow[], b: Float64Array, removed: Uint8Array): Float64Array {
  const x = new Float64Array(rows.length);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let moved = 0;
    for (let s = 0; s < rows.length; s++) {
      if (removed[s]) continue;
      const row = rows[s]!;
      let sum = b[s]!;
      for (let k = 0; k < row.to.length; k++) sum += row.p[k]! * x[row.to[k]!]!;
      moved = Math.max(moved, Math.abs(sum - x[s]!));
      x[s] = sum;
    }
    if (moved <= TOLERANCE) return x;
  }
  throw new Error(
    `[touchpoint] attribution: the Markov chain did not converge in ${MAX_SWEEPS} sweeps. ` +
      'Use a lower --order or a path transform (exposure, trimLongPath) to shrink the chain.',
  );
}
