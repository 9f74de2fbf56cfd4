import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoff } from './backoff.js';

const random = (value: number) => vi.spyOn(Math, 'random').mockReturnValue(value);

describe('backoff (exponential, full jitter)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('caps grow by doubling up to the maximum', () => {
    random(0.999999);
    expect(backoff(0, 100, 10_000)).toBe(99);
    expect(backoff(3, 100, 10_000)).toBe(799);
    expect(backoff(20, 100, 10_000)).toBe(9999);
    expect(backoff(5000, 100, 10_000)).toBe(9999);
  });
  it('draws uniformly from zero to the cap', () => {
    random(0);
    expect(backoff(4, 100, 10_000)).toBe(0);
    random(0.5);
    expect(backoff(4, 100, 10_000)).toBe(800);
    vi.restoreAllMocks();
    for (let i = 0; i < 100; i++) {
      const d = backoff(2, 100, 10_000);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(400);
    }
  });
});
