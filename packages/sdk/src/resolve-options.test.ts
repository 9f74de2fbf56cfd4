import { describe, expect, it } from 'vitest';
import { resolveOptions } from './resolve-options';
import {
  DEFAULT_FLUSH_INTERVAL_MS,
  DEFAULT_REDACT_PARAMS,
  DEFAULT_SESSION_TIMEOUT_MS,
  type TrackerOptions,
} from './options';

const bad = (options: unknown) => () => resolveOptions(options as TrackerOptions);

describe('resolveOptions', () => {
  it('fills every default', () => {
    const o = resolveOptions({ endpoint: '/v1/batch' });
    expect(o).toMatchObject({
      flushIntervalMs: DEFAULT_FLUSH_INTERVAL_MS,
      sessionTimeoutMs: DEFAULT_SESSION_TIMEOUT_MS,
      consent: 'granted',
      pendingConsent: 'memory',
      respectGlobalPrivacyControl: true,
      respectDoNotTrack: false,
      persist: true,
      autocapture: true,
      redactParams: DEFAULT_REDACT_PARAMS,
      plugins: [],
      middleware: [],
      linkDomains: [],
    });
  });
  it('requires an endpoint and says how to fix it', () => {
    expect(bad({})).toThrow(
      /^\[touchpoint\] createTracker\(\): option `endpoint` is required\. Pass the collector URL/,
    );
    expect(bad(undefined)).toThrow(/`endpoint` is required/);
  });
  it('rejects an endpoint that is no URL, keeping the cause', () => {
    try {
      resolveOptions({ endpoint: 'http://[bad' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/`endpoint` is not a URL/);
      expect((error as Error).cause).toBeInstanceOf(Error);
    }
  });
  it.each([
    [
      { flushIntervalMs: -1 },
      /`flushIntervalMs` must be a positive number, got -1\. Pass a number above 0 or leave it out \(default 1000\)/,
    ],
    [{ maxBatchEvents: '10' }, /`maxBatchEvents` must be a positive number, got "10"/],
    [{ consent: 'yes' }, /`consent` must be one of 'granted', 'pending', 'denied', got "yes"/],
    [{ pendingConsent: 'keep' }, /`pendingConsent` must be one of 'memory', 'drop'/],
    [{ linkDomains: 'a.com' }, /`linkDomains` must be an array of strings, got "a.com"/],
    [{ middleware: [1] }, /`middleware` must be an array of functions/],
    [{ respectDoNotTrack: 'yes' }, /`respectDoNotTrack` must be true or false/],
    [{ autocapture: 'all' }, /`autocapture` must be true, false or an object/],
    [{ onDiagnostic: 'log' }, /`onDiagnostic` must be a function/],
    [{ writeKey: '' }, /`writeKey` must be a non-empty string/],
  ])('rejects %o', (extra, message) => {
    expect(bad({ endpoint: '/v1/batch', ...extra })).toThrow(message);
  });
});
