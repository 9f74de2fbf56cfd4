import { describe, expect, it } from 'vitest';
import { attribute, type AttributionResult } from './attribute.js';
import { aggregatePaths } from './aggregate-paths.js';
import { frequency } from './path-transforms.js';
import { parsePathsCsv } from './read-paths-csv.js';
import type { ModelName } from './models/model-options.js';

/** The golden toy data set of the attribution reference (7 conversions, value 65, 18 journeys). */
const GOLDEN_CSV = ['A > B > C;2;20;3', 'A > C;1;5;1', 'B;0;0;4', 'C;3;30;2', 'A > A > B;1;10;1'].join('\n');
/** Fractribution's leave-one-out fixture. */
const FRACTRIBUTION_CSV = ['Organic_Search > Direct;1;0;1', 'Direct;3;0;25', 'Organic_Search;1;0;26'].join(
  '\n',
);
const golden = parsePathsCsv(GOLDEN_CSV);

function credit(result: AttributionResult, model: ModelName) {
  const m = result.models.find((r) => r.model === model)!;
  return Object.fromEntries(m.channels.map((c) => [c.channel, c]));
}

function expectCredit(
  model: ModelName,
  conversions: Record<string, number>,
  value?: Record<string, number>,
  options = {},
) {
  const c = credit(attribute(golden, { models: [model], ...options }), model);
  for (const [ch, n] of Object.entries(conversions)) expect(c[ch]?.conversions ?? 0).toBeCloseTo(n, 9);
  for (const [ch, n] of Object.entries(value ?? {})) expect(c[ch]?.value ?? 0).toBeCloseTo(n, 9);
}

describe('attribute on the golden data set', () => {
  it('first touch', () => expectCredit('first_touch', { A: 4, B: 0, C: 3 }, { A: 35, B: 0, C: 30 }));
  it('last touch', () => expectCredit('last_touch', { A: 0, B: 1, C: 6 }, { A: 0, B: 10, C: 55 }));
  it('linear counts occurrences', () =>
    expectCredit('linear', { A: 11 / 6, B: 1, C: 25 / 6 }, { A: 15.8333333333, B: 10, C: 39.1666666667 }));
  it('position-based 40/20/40 on raw paths', () =>
    expectCredit('position_based', { A: 1.9, B: 0.8, C: 4.3 }));
  it('Zhao simplified Shapley', () => expectCredit('shapley', { A: 5 / 3, B: 7 / 6, C: 25 / 6 }));
  it('ordered Shapley has the same channel totals', () =>
    expectCredit('ordered_shapley', { A: 5 / 3, B: 7 / 6, C: 25 / 6 }));
  it('time decay without touch times treats touches as simultaneous', () =>
    expectCredit('time_decay', { A: 11 / 6, B: 1, C: 25 / 6 }));

  it('Markov order 1 with nulls: removal effects and conversions', () => {
    const m = attribute(golden, { models: ['markov'] }).models[0]!;
    expect(m.markov!.conversionProbability).toBeCloseTo(7 / 18, 12);
    expect(m.markov!.removalEffects['A']).toBeCloseTo(71 / 154, 12);
    expect(m.markov!.removalEffects['B']).toBeCloseTo(1 / 2, 12);
    expect(m.markov!.removalEffects['C']).toBeCloseTo(6 / 7, 12);
    expectCredit('markov', { A: 1.775, B: 1.925, C: 3.3 });
  });

  it('Markov order 1 without nulls', () => {
    const m = attribute(golden, { models: ['markov'], nulls: false }).models[0]!;
    expect(m.markov!.removalEffects).toEqual({
      A: expect.closeTo(4 / 7, 12),
      B: expect.closeTo(3 / 7, 12),
      C: expect.closeTo(6 / 7, 12),
    });
    expectCredit(
      'markov',
      { A: 28 / 13, B: 21 / 13, C: 42 / 13 },
      { A: (65 * 4) / 13, B: (65 * 3) / 13, C: (65 * 6) / 13 },
      { nulls: false },
    );
  });

  it('exposes the order-1 transition matrix (self-loops collapsed)', () => {
    const m = attribute(golden, { models: ['markov'] }).models[0]!;
    const p = (from: string, to: string) =>
      m.markov!.transitions.find((t) => t.from === from && t.to === to)?.probability;
    expect(p('(start)', 'A')).toBeCloseTo(0.5, 4);
    expect(p('(start)', 'B')).toBeCloseTo(0.2222, 4);
    expect(p('(start)', 'C')).toBeCloseTo(0.2778, 4);
    expect(p('A', 'B')).toBeCloseTo(0.7778, 4);
    expect(p('A', 'C')).toBeCloseTo(0.2222, 4);
    expect(p('B', 'C')).toBeCloseTo(0.4545, 4);
    expect(p('B', '(null)')).toBeCloseTo(0.4545, 4);
    expect(p('B', '(conversion)')).toBeCloseTo(0.0909, 4);
    expect(p('C', '(conversion)')).toBeCloseTo(0.5, 4);
    expect(p('C', '(null)')).toBeCloseTo(0.5, 4);
    expect(p('A', 'A')).toBeUndefined();
  });

  it('Markov of higher order stays efficient', () => {
    for (const order of [2, 3, 4]) {
      const m = attribute(golden, { models: ['markov'], order }).models[0]!;
      expect(m.markov!.order).toBe(order);
      expect(m.channels.reduce((a, c) => a + c.conversions, 0)).toBeCloseTo(7, 9);
    }
  });

  it('Markov of higher order tells a channel named "A > B" from the state A then B', () => {
    // Its states were keyed by their display name, so the channel merged into the pair and lost its credit.
    const rows = [
      { path: ['A > B'], conversions: 1, value: 0, nulls: 3 },
      { path: ['A', 'B'], conversions: 3, value: 0, nulls: 1 },
    ];
    const credit = (name: string) =>
      Object.fromEntries(
        attribute(
          rows.map((r) => ({ ...r, path: r.path.map((c) => (c === 'A > B' ? name : c)) })),
          { models: ['markov'], order: 2 },
        ).models[0]!.channels.map((c) => [c.channel === name ? 'joined' : c.channel, c.conversions]),
      );
    expect(credit('A > B')).toEqual(credit('A>B'));
    expect(credit('A > B').joined).toBeGreaterThan(0);
  });

  it('every model is efficient on the golden set', () => {
    const result = attribute(golden, { models: 'all' });
    expect(result.totals).toEqual({ conversions: 7, value: 65, nulls: 11, paths: 5 });
    for (const m of result.models) {
      expect(
        m.channels.reduce((a, c) => a + c.conversions, 0),
        m.model,
      ).toBeCloseTo(7, 9);
      expect(
        m.channels.reduce((a, c) => a + c.value, 0),
        m.model,
      ).toBeCloseTo(65, 9);
    }
  });

  it('per path × touch shares sum to 1', () => {
    for (const m of attribute(golden, { detail: true }).models) {
      for (const p of m.paths!)
        expect(
          p.shares.reduce((a, b) => a + b, 0),
          m.model,
        ).toBeCloseTo(1, 12);
    }
  });

  it('rejects an unknown model and a bad order with a fix', () => {
    expect(() => attribute(golden, { models: ['nope' as ModelName] })).toThrow(
      /\[touchpoint\].*unknown model "nope"/,
    );
    expect(() => attribute(golden, { models: ['markov'], order: 5 })).toThrow(/use 1 to 4/);
  });

  it('rejects position weights that are not three numbers ≥ 0 summing to 1, as the CLI does', () => {
    // Accepted before: [0.5, 0.5, 0.5] credited 1.5 per conversion, [-1, 2, 0] negative credit, NaN null.
    for (const positionWeights of [
      [0.5, 0.5, 0.5],
      [-1, 2, 0],
      [NaN, 0.5, 0.5],
      [0.5, 0.5],
    ]) {
      expect(() =>
        attribute(golden, {
          models: ['position_based'],
          positionWeights: positionWeights as unknown as [number, number, number],
        }),
      ).toThrow(/\[touchpoint\] attribution: positionWeights .*give three weights ≥ 0 that sum to 1/);
    }
    expect(() => attribute(golden, { positionWeights: [0.3, 0.3, 0.4] })).not.toThrow();
  });

  it('rejects a half-life ≤ 0 on aggregated paths too, as on events', () => {
    for (const halfLife of [0, -1, NaN]) {
      expect(() => attribute(golden, { models: ['time_decay'], halfLife })).toThrow(
        /\[touchpoint\] attribution: halfLife must be > 0 ms/,
      );
      expect(() => aggregatePaths([], { halfLife })).toThrow(/halfLife must be > 0 ms/);
    }
  });
});

describe('leave_one_out (Fractribution fixture)', () => {
  it('matches the reference shares and channel totals', () => {
    const result = attribute(parsePathsCsv(FRACTRIBUTION_CSV), { models: ['leave_one_out'], detail: true });
    const m = result.models[0]!;
    const two = m.paths!.find((p) => p.path.length === 2)!;
    expect(two.shares[0]).toBeCloseTo(0.45904, 5);
    expect(two.shares[1]).toBeCloseTo(0.54096, 5);
    const c = Object.fromEntries(m.channels.map((x) => [x.channel, x.conversions]));
    expect(c['Direct']).toBeCloseTo(3.54096, 5);
    expect(c['Organic_Search']).toBeCloseTo(1.45904, 5);
  });

  it('gives everything to the last touch when no position adds anything', () => {
    const paths = parsePathsCsv('A > B;1;0;9\nA;1;0;0\nB;1;0;0');
    const p = attribute(paths, { models: ['leave_one_out'], detail: true }).models[0]!.paths!.find(
      (x) => x.path.length === 2,
    )!;
    expect(p.shares).toEqual([0, 1]);
  });
});

describe('last non-direct', () => {
  const run = (csv: string) =>
    credit(attribute(parsePathsCsv(csv), { models: ['last_non_direct'] }), 'last_non_direct');
  it('skips Direct', () => {
    expect(run('Email > Direct > Direct;1;0;0')['Email']!.conversions).toBe(1);
    expect(run('Direct > Paid > Direct;1;0;0')['Paid']!.conversions).toBe(1);
    expect(run('Direct > Direct;1;0;0')['Direct']!.conversions).toBe(1);
  });
  it('skips Direct under the frequency transform too (its label reads Direct(2))', () => {
    const paths = aggregatePaths(
      [
        {
          person: 'p',
          touches: [
            { channel: 'Email', ts: 0, kind: 'visit' },
            { channel: 'Direct', ts: 1, kind: 'visit' },
            { channel: 'Direct', ts: 2, kind: 'visit' },
          ],
          conversion: { ts: 3, name: 'buy', value: 10, count: 1 },
        },
      ],
      { transforms: [frequency] },
    );
    expect(paths.rows[0]!.path).toEqual(['Email(1)', 'Direct(2)']);
    const c = credit(attribute(paths, { models: ['last_non_direct'] }), 'last_non_direct');
    expect(c['Email(1)']!.conversions).toBe(1);
    expect(c['Direct(2)']!.conversions).toBe(0);
  });
});
