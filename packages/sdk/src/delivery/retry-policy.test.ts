import { describe, expect, it, vi } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter, retryPolicy } from './retry-policy.js';

describe('retryPolicy', () => {
  it.each([200, 202, 204])('%i is sent', (s) => expect(retryPolicy(s)).toBe('sent'));
  it.each([408, 429, 500, 502, 503, 504])('%i is retried', (s) => expect(retryPolicy(s)).toBe(0));
  it('network errors are retried', () => expect(retryPolicy('network')).toBe(0));
  it('413 splits the batch', () => expect(retryPolicy(413)).toBe('split'));
  it.each([401, 403, 404])('%i is retried: it says nothing about the events', (s) =>
    expect(retryPolicy(s)).toBe(0),
  );
  it.each([400, 415, 422])('%i drops the batch', (s) => expect(retryPolicy(s)).toBe('drop'));
  it('honours Retry-After in seconds and as a date', () => {
    const now = Date.UTC(2026, 0, 1);
    vi.useFakeTimers({ now });
    try {
      expect(retryPolicy(429, '3')).toBe(3000);
      expect(retryPolicy(503, new Date(now + 5000).toUTCString())).toBe(5000);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('parseRetryAfter', () => {
  it('ignores junk and caps long waits', () => {
    expect(parseRetryAfter('soon')).toBe(0);
    expect(parseRetryAfter(null)).toBe(0);
    expect(parseRetryAfter('999999')).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter(new Date(0).toUTCString())).toBe(0);
  });
});
