import { describe, expect, it } from 'vitest';
import { sortInOrder } from './sort-in-order.js';

describe('sortInOrder', () => {
  it('sorts what is out of order, in place, and leaves what is in order without sorting it', () => {
    let calls = 0;
    const order = (a: number, b: number) => (calls++, a - b);
    const sorted = [1, 2, 2, 5];
    expect(sortInOrder(sorted, order)).toBe(sorted);
    expect(calls).toBe(3);
    const typed = Int32Array.from([3, 1, 2]);
    expect([...sortInOrder(typed.subarray(0, 3), order)]).toEqual([1, 2, 3]);
    expect([...typed]).toEqual([1, 2, 3]);
  });
});
