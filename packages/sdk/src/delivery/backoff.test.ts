import { describe, expect, it } from 'vitest';
import { backoff } from './backoff';

describe('backoff (exponential, full jitter)', () => {
  it('caps grow by doubling up to the maximum', () => {
    const top = () => 0.999999;
    expect(backoff(0, 100, 10_000, top)).toBe(99);
    expect(backoff(3, 100, 10_000, top)).toBe(799);
    expect(backoff(20, 100, 10_000, top)).toBe(9999);
    expect(backoff(5000, 100, 10_000, top)).toBe(9999);
  });
  it('draws uniformly from zero to the cap', () => {
    expect(backoff(4, 100, 10_000, () => 0)).toBe(0);
    expect(backoff(4, 100, 10_000, () => 0.5)).toBe(800);
    for (let i = 0; i < 100; i++) {
      const d = backoff(2, 100, 10_000);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(400);
    }
  });
});
