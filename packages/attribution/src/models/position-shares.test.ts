import { describe, expect, it } from 'vitest';
import { aggregatePaths } from '../aggregate-paths.js';
import { attribute } from '../attribute.js';
import type { Journey } from '../types.js';
import { DAY_MS } from './model-options.js';
import { linear, positionBased, timeDecay } from './position-shares.js';

const row = (path: string) => ({ path: path.split(' > '), conversions: 1, value: 1, nulls: 0 });

describe('position rules (reference vectors)', () => {
  it('linear counts occurrences', () => {
    expect(linear(row('A > A > B'), {}).conversions).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
  it('position-based 40/20/40', () => {
    expect(positionBased(row('A > B > C > D'), {}).conversions).toEqual([0.4, 0.1, 0.1, 0.4]);
    expect(positionBased(row('A > A'), {}).conversions).toEqual([0.5, 0.5]);
    expect(positionBased(row('A'), {}).conversions).toEqual([1]);
    expect(positionBased(row('A > B > C'), { positionWeights: [0.3, 0.4, 0.3] }).conversions).toEqual([
      0.3, 0.4, 0.3,
    ]);
    const c = attribute([row('A > A > B')], { models: ['position_based'] }).models[0]!.channels;
    expect(c.map((x) => [x.channel, x.conversions])).toEqual([
      ['A', expect.closeTo(0.6, 12)],
      ['B', expect.closeTo(0.4, 12)],
    ]);
  });
  it('time decay with a 7-day half-life: Δ = (14 d, 7 d, 0) → (1/7, 2/7, 4/7); Δ = (0, 0) → (½, ½)', () => {
    const journey = (deltas: number[], channels: string[]): Journey => ({
      person: 'p',
      touches: deltas.map((d, i) => ({ channel: channels[i]!, ts: 100 * DAY_MS - d, kind: 'visit' })),
      conversion: { ts: 100 * DAY_MS, name: 'x', value: 70, count: 1 },
    });
    const paths = aggregatePaths([journey([14 * DAY_MS, 7 * DAY_MS, 0], ['A', 'B', 'C'])]);
    const shares = timeDecay(paths.rows[0]!, {});
    [1 / 7, 2 / 7, 4 / 7].forEach((s, i) => expect(shares.conversions[i]).toBeCloseTo(s, 12));
    const c = attribute(paths, { models: ['time_decay'] }).models[0]!.channels;
    expect(c.map((x) => x.value)).toEqual([10, 20, 40].map((v) => expect.closeTo(v, 9)));
    const same = aggregatePaths([journey([0, 0], ['A', 'B'])]);
    expect(timeDecay(same.rows[0]!, {}).conversions).toEqual([0.5, 0.5]);
    const halfLife = aggregatePaths([journey([1 * DAY_MS, 0], ['A', 'B'])], { halfLife: DAY_MS });
    expect(timeDecay(halfLife.rows[0]!, {}).conversions.map((x) => x * 3)).toEqual([
      expect.closeTo(1, 12),
      expect.closeTo(2, 12),
    ]);
  });
});
