import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTracker } from './create-tracker';

describe('createTracker outside a browser', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('returns a no-op tracker (server-side rendering) after validating the options', async () => {
    vi.stubGlobal('window', undefined);
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const t = createTracker({ endpoint: 'https://c.example/v1/batch' });
    expect(t.track('x')).toBeUndefined();
    await t.flush();
    expect(fetch).not.toHaveBeenCalled();
    expect(t.stats().requests).toBe(0);
    expect(() => createTracker({ endpoint: 'https://c.example/v1/batch', flushIntervalMs: -1 })).toThrow(
      /`flushIntervalMs`/,
    );
  });
});
