import { describe, expect, it } from 'vitest';
import {
  applyTransforms,
  exposure,
  first,
  frequency,
  parseTransform,
  removeIfLastAndNotAll,
  removeIfNotAll,
  touchLabel,
  trimLongPath,
  type PathTransform,
} from './path-transforms.js';

const run = (path: string, ...transforms: PathTransform[]) =>
  applyTransforms(path ? path.split(' > ').map((channel) => ({ channel })) : [], transforms)
    .map(touchLabel)
    .join(' > ');

describe('path transforms (reference vectors)', () => {
  const long = 'D > A > B > B > C > D > C > C';
  it('exposure, first, frequency', () => {
    expect(run(long, exposure)).toBe('D > A > B > C > D > C');
    expect(run(long, first)).toBe('D > A > B > C');
    expect(run(long, frequency)).toBe('D(2) > A(1) > B(2) > C(3)');
  });
  const direct = 'a > a > a > Direct > a > Direct > Direct';
  it('Direct handling', () => {
    expect(run(direct, exposure)).toBe('a > Direct > a > Direct');
    expect(run(direct, first)).toBe('a > Direct');
    expect(run(direct, removeIfNotAll('Direct'))).toBe('a > a > a > a');
    expect(run(direct, removeIfLastAndNotAll('Direct'))).toBe('a > a > a > Direct > a');
    expect(run('Direct > Direct', removeIfNotAll('Direct'))).toBe('Direct > Direct');
    expect(run('Direct > Direct', removeIfLastAndNotAll('Direct'))).toBe('Direct > Direct');
    expect(
      run('', removeIfNotAll('Direct'), removeIfLastAndNotAll('Direct'), exposure, first, frequency),
    ).toBe('');
  });
  it('trimLongPath keeps the last n, and chains', () => {
    expect(run(long, trimLongPath(3))).toBe('D > C > C');
    expect(run(long, exposure, trimLongPath(2))).toBe('D > C');
    expect(() => trimLongPath(0)).toThrow(/whole number/);
  });
  it('keeps the first touch of a collapsed run (its time and kind)', () => {
    const out = exposure([
      { channel: 'A', ts: 1 },
      { channel: 'A', ts: 2 },
    ] as never);
    expect(out).toEqual([{ channel: 'A', ts: 1 }]);
  });
  it('parses CLI specs', () => {
    expect(parseTransform('exposure')).toBe(exposure);
    expect(run(direct, parseTransform('removeIfNotAll:Direct'))).toBe('a > a > a > a');
    expect(parseTransform('trimLongPath:4').spec).toBe('trimLongPath:4');
    expect(() => parseTransform('trim')).toThrow(/\[touchpoint\].*unknown path transform "trim"/);
  });
});
