import { describe, expect, it } from 'vitest';
import { uuidv7, uuidv7Time } from './uuid-v7.js';

describe('uuidv7', () => {
  it('has the version 7 and RFC variant bits', () => {
    const id = uuidv7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('encodes the creation time', () => {
    const now = Date.UTC(2030, 0, 1);
    expect(uuidv7Time(uuidv7(now))).toBe(now);
  });

  it('is strictly increasing within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_900_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('uuidv7 edge cases', () => {
  it('takes whole milliseconds of a fractional time', () => {
    const now = Date.UTC(2031, 0, 1) + 0.75;
    const id = uuidv7(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidv7Time(id)).toBe(Math.floor(now));
  });

  it('borrows the next millisecond when the counter overflows', () => {
    const now = Date.UTC(2032, 0, 1);
    const ids = Array.from({ length: 4097 }, () => uuidv7(now));
    expect(uuidv7Time(ids[0]!)).toBe(now);
    expect(uuidv7Time(ids.at(-1)!)).toBe(now + 1);
    expect([...ids].sort()).toEqual(ids);
  });
});
