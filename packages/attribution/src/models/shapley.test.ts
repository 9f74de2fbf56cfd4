import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attribute } from '../attribute.js';
import type { PathRow } from '../types.js';

/** Hundreds of generated cases: allow for a loaded machine (vitest's default is 5 s). */
const PROPERTY_TIMEOUT_MS = 60_000;

/**
 * Textbook Shapley value over every coalition of channels, with v(S) = conversions of the paths whose
 * distinct channels all lie in S (the game of Zhao et al.). Exponential: the oracle for small inputs.
 */
function bruteForceShapley(rows: readonly PathRow[]): Record<string, number> {
  const channels = [...new Set(rows.flatMap((r) => r.path))].sort();
  const n = channels.length;
  const masks = rows.map((r) => r.path.reduce((m, c) => m | (1 << channels.indexOf(c)), 0));
  const v = (coalition: number) =>
    rows.reduce((acc, r, i) => ((masks[i]! & ~coalition) === 0 ? acc + r.conversions : acc), 0);
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const result: Record<string, number> = {};
  channels.forEach((channel, j) => {
    let phi = 0;
    for (let s = 0; s < 1 << n; s++) {
      if (s & (1 << j)) continue;
      const size = s.toString(2).split('1').length - 1;
      phi += ((factorial(size) * factorial(n - size - 1)) / factorial(n)) * (v(s | (1 << j)) - v(s));
    }
    result[channel] = phi;
  });
  return result;
}

const rowsArb = fc.array(
  fc.record({
    path: fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { minLength: 1, maxLength: 6 }),
    conversions: fc.double({ min: 0, max: 10, noNaN: true }),
    value: fc.constant(0),
    nulls: fc.nat(5),
  }),
  { minLength: 1, maxLength: 12 },
);

describe('Zhao simplified Shapley', () => {
  it(
    'equals the brute-force Shapley value over all coalitions',
    () => {
      fc.assert(
        fc.property(rowsArb, (rows) => {
          const oracle = bruteForceShapley(rows);
          const model = attribute(rows, { models: ['shapley'] }).models[0]!;
          for (const c of model.channels) expect(c.conversions).toBeCloseTo(oracle[c.channel]!, 9);
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
