import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attribute } from './attribute.js';
import type { PathRow } from './types.js';

/** Hundreds of generated cases: allow for a loaded machine (vitest's default is 5 s). */
const PROPERTY_TIMEOUT_MS = 60_000;

const rowArb = fc.record({
  path: fc.array(fc.constantFrom('Direct', 'Email', 'Paid Search', 'Organic Social', 'Display'), {
    minLength: 1,
    maxLength: 7,
  }),
  // Fractional, as ChannelAttribution CSVs have them; not subnormal (a seed drew 5e-324): the Markov model's
  // transition probabilities (conversions / visits) underflow to 0 there, so it credits nothing. No data
  // has such counts; 1e-300 and up are exact.
  conversions: fc.oneof(
    fc.nat(20),
    fc.double({ min: 0, max: 20, noNaN: true }).map((x) => (x < 1e-300 ? 0 : x)),
  ),
  value: fc.double({ min: 0, max: 1000, noNaN: true }),
  nulls: fc.nat(30),
});
// Distinct paths, at least one converting: the shape aggregatePaths produces.
const rowsArb = fc
  .uniqueArray(rowArb, { minLength: 1, maxLength: 15, selector: (r) => r.path.join('>') })
  .filter((rows) => rows.some((r) => r.conversions > 0))
  .map((rows) => rows.map((r) => (r.conversions > 0 ? r : { ...r, value: 0 })));

describe('attribution properties', () => {
  it(
    'efficiency: every model credits total conversions and value (1e-9)',
    () => {
      fc.assert(
        fc.property(
          rowsArb,
          fc.integer({ min: 1, max: 3 }),
          fc.boolean(),
          (rows: PathRow[], order, nulls) => {
            const conversions = rows.reduce((a, r) => a + r.conversions, 0);
            const value = rows.reduce((a, r) => a + r.value, 0);
            for (const m of attribute(rows, { order, nulls }).models) {
              expect(Math.abs(m.channels.reduce((a, c) => a + c.conversions, 0) - conversions)).toBeLessThan(
                1e-9 * Math.max(1, conversions),
              );
              expect(Math.abs(m.channels.reduce((a, c) => a + c.value, 0) - value)).toBeLessThan(
                1e-9 * Math.max(1, value),
              );
            }
          },
        ),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'row-order independence and determinism: identical output for any row order',
    () => {
      fc.assert(
        fc.property(rowsArb, fc.integer(), (rows: PathRow[], seed) => {
          const shuffled = [...rows].sort((a, b) => hash(a.path.join() + seed) - hash(b.path.join() + seed));
          expect(attribute(shuffled, { detail: true })).toEqual(attribute(rows, { detail: true }));
          expect(attribute(rows)).toEqual(attribute(rows));
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
