import { describe, expect, it } from 'vitest';
import { KEEPALIVE_BUDGET_BYTES, keepaliveBudget } from './keepalive-budget';

describe('keepaliveBudget', () => {
  it('accounts for bytes in flight and refuses what does not fit', () => {
    const b = keepaliveBudget();
    expect(b.available()).toBe(KEEPALIVE_BUDGET_BYTES);
    expect(b.reserve(60_000)).toBe(true);
    expect(b.available()).toBe(KEEPALIVE_BUDGET_BYTES - 60_000);
    expect(b.reserve(10_000)).toBe(false);
    expect(b.available()).toBe(KEEPALIVE_BUDGET_BYTES - 60_000);
    b.release(60_000);
    expect(b.reserve(10_000)).toBe(true);
    b.release(99_999);
    expect(b.available()).toBe(KEEPALIVE_BUDGET_BYTES);
  });
});
