import { describe, expect, it } from 'vitest';
import { pathKey } from './path-key.js';

describe('pathKey', () => {
  it('tells apart paths whose names hold the separator or the escape', () => {
    const paths = [
      [],
      [''],
      ['', ''],
      ['A', 'B'],
      ['A\u0001B'],
      ['A\u0000', 'B'],
      ['A', '\u0000B'],
      ['A\u0000\u0001B'],
      ['A\u0000', '\u0001B'],
      ['\u0000'],
      ['\u0001'],
      ['\u0000', ''],
    ];
    expect(new Set(paths.map(pathKey)).size).toBe(paths.length);
  });
  it('is the names joined by U+0001 when they hold neither, so sorting by key keeps the order of today', () => {
    expect(pathKey(['Email', 'Paid Search'])).toBe('Email\u0001Paid Search');
    const paths = [['B'], ['A', 'B'], ['A'], ['A B'], ['A', 'A'], ['Ä']];
    const byKey = [...paths].sort((x, y) => (pathKey(x) < pathKey(y) ? -1 : 1));
    expect(byKey).toEqual([['A'], ['A', 'A'], ['A', 'B'], ['A B'], ['B'], ['Ä']]);
  });
});
