import { describe, expect, it } from 'vitest';
import { SEARCH_SOURCES, SHOPPING_SOURCES, SOCIAL_SOURCES, VIDEO_SOURCES } from './sources.js';

describe('source lists', () => {
  it.each([
    ['search', SEARCH_SOURCES],
    ['social', SOCIAL_SOURCES],
    ['video', VIDEO_SOURCES],
    ['shopping', SHOPPING_SOURCES],
  ])('%s: plain host names, each one once, none the start of another', (_, list) => {
    const entries = list.split(' ');
    for (const entry of entries) {
      expect(entry).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/);
      // The matcher is one regex alternation: with `google` and `google.co`, which one names the source
      // would depend on the order.
      expect(entries.filter((other) => other === entry || other.startsWith(entry + '.'))).toEqual([entry]);
    }
  });
});
