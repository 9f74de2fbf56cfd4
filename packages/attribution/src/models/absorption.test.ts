import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dense, iterative, type SparseRow } from './absorption.js';

/** Hundreds of generated cases: allow for a loaded machine (vitest's default is 5 s). */
const PROPERTY_TIMEOUT_MS = 60_000;

/** A random absorbing chain: each state moves to a few others, to conversion (b) and to null (the rest). */
const chainArb = fc.integer({ min: 2, max: 120 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.array(
      fc.record({
        to: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 5 }),
        weights: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 7, maxLength: 7 }),
      }),
      { minLength: n, maxLength: n },
    ),
    fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  ),
);

describe('absorption probabilities', () => {
  it(
    'Gauss–Seidel agrees with exact elimination to 1e-12, with and without removed states',
    () => {
      fc.assert(
        fc.property(chainArb, ([n, spec, removedFlags]) => {
          const b = new Float64Array(n);
          const rows: SparseRow[] = spec.map((s, i) => {
            const to = s.to.filter((t) => t !== i);
            const w = s.weights;
            const total = w.slice(0, to.length + 2).reduce((a, x) => a + x, 0);
            b[i] = w[to.length]! / total; // conversion; w[to.length + 1] goes to null
            return { to: Int32Array.from(to), p: Float64Array.from(to.map((_, k) => w[k]! / total)) };
          });
          for (const removed of [new Uint8Array(n), Uint8Array.from(removedFlags, Number)]) {
            const exact = dense(rows, b, removed);
            const approx = iterative(rows, b, removed);
            for (let i = 0; i < n; i++) expect(Math.abs(exact[i]! - approx[i]!)).toBeLessThan(1e-12);
          }
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('solves a two-state cycle exactly: x = b + q·x', () => {
    const rows: SparseRow[] = [
      { to: Int32Array.of(1), p: Float64Array.of(0.9) },
      { to: Int32Array.of(0), p: Float64Array.of(0.9) },
    ];
    const b = Float64Array.of(0.05, 0.05);
    const x = dense(rows, b, new Uint8Array(2));
    expect(x[0]).toBeCloseTo(0.5, 14);
    expect(iterative(rows, b, new Uint8Array(2))[0]).toBeCloseTo(0.5, 12);
  });
});
