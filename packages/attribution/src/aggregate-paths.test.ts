import { describe, expect, it } from 'vitest';
import { aggregatePaths } from './aggregate-paths.js';
import type { Journey } from './types.js';

describe('aggregatePaths', () => {
  it('aggregates a journey of any length (a bot with 200,000 touches does not stop the analysis)', () => {
    const touches = Array.from({ length: 200_000 }, (_, i) => ({
      channel: 'Display',
      ts: i,
      kind: 'impression' as const,
    }));
    const journey: Journey = {
      person: 'bot',
      anonymous: true,
      touches,
      conversion: { ts: 200_000, name: 'buy', value: 1, count: 1 },
    };
    const { rows } = aggregatePaths([journey]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.decay!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
  it('keeps a channel named with U+0001 apart from the two-touch path it would spell', () => {
    const journey = (person: string, channels: string[]): Journey => ({
      person,
      touches: channels.map((channel, ts) => ({ channel, ts, kind: 'visit' as const })),
      conversion: { ts: 10, name: 'buy', value: 1, count: 1 },
    });
    const { rows } = aggregatePaths([journey('a', ['A', 'B']), journey('b', ['A\u0001B'])]);
    expect(rows.map((r) => r.path)).toEqual([['A', 'B'], ['A\u0001B']]);
  });
});
