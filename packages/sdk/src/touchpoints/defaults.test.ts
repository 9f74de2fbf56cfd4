import { describe, expect, it } from 'vitest';
import { defaultPlugins } from './defaults.js';

const names = (list: { name: string }[]) => list.map((p) => p.name);

describe('defaultPlugins', () => {
  it('runs every capture plugin by default, campaign before journal before pages', () => {
    expect(names(defaultPlugins())).toEqual([
      'campaign',
      'journal',
      'pages',
      'ads',
      'shares',
      'surveys',
      'vitals',
    ]);
    expect(names(defaultPlugins(true))).toHaveLength(7);
  });
  it('false turns all off; per-name false turns one off; objects keep it on', () => {
    expect(defaultPlugins(false)).toEqual([]);
    expect(names(defaultPlugins({ ads: false, vitals: false, pages: { spa: false } }))).toEqual([
      'campaign',
      'journal',
      'pages',
      'shares',
      'surveys',
    ]);
  });
  it('names an unknown plugin and the known ones', () => {
    expect(() => defaultPlugins({ add: false } as never)).toThrow(
      /^\[touchpoint\] createTracker: autocapture\.add is not a capture plugin\. Use one of campaign, journal/,
    );
  });
});
