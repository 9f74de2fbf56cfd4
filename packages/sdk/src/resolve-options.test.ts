import { describe, expect, it } from 'vitest';
import { resolveOptions } from './resolve-options.js';
import {
  DEFAULT_FLUSH_INTERVAL_MS,
  DEFAULT_REDACT_PARAMS,
  DEFAULT_SESSION_TIMEOUT_MS,
  type TrackerOptions,
} from './options.js';

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
      /^\[touchpoint\] option `endpoint` must be the collector URL \(e\.g\. 'https:\/\/collector\.example\/v1\/batch'\), got undefined\.$/,
    );
    expect(bad(undefined)).toThrow(/`endpoint` must be the collector URL/);
    // What was passed, not the missing default it was replaced with.
    expect(bad({ endpoint: null })).toThrow(/`endpoint` must be the collector URL .*, got null\.$/);
  });
  it('rejects an endpoint that would post to this site by mistake (no scheme, no leading /)', () => {
    for (const endpoint of ['collect.example/v1/batch', 'v1/batch', 'ftp://collect.example/v1/batch'])
      expect(() => resolveOptions({ endpoint })).toThrow(/`endpoint` must be the collector URL/);
    for (const endpoint of ['/v1/batch', '//collect.example/v1/batch', 'HTTPS://collect.example/b'])
      expect(resolveOptions({ endpoint }).endpoint).toBe(endpoint);
  });
  it('rejects an endpoint that is no URL, keeping the cause', () => {
    try {
      resolveOptions({ endpoint: 'http://[bad' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(
        /`endpoint` must be the collector URL \(e\.g\. .*\), got "http:\/\/\[bad"/,
      );
      expect((error as Error).cause).toBeInstanceOf(Error);
    }
  });
  it.each([
    [{ flushIntervalMs: -1 }, /`flushIntervalMs` must be a positive number \(default 1000\), got -1\.$/],
    [{ maxBatchEvents: '10' }, /`maxBatchEvents` must be a positive number \(default 100\), got "10"/],
    [
      { consent: 'yes' },
      /`consent` must be 'granted', 'pending' or 'denied' \(default "granted"\), got "yes"/,
    ],
    [{ pendingConsent: 'keep' }, /`pendingConsent` must be 'memory' or 'drop'/],
    [{ linkDomains: 'a.com' }, /`linkDomains` must be an array of strings \(default \[\]\), got "a.com"/],
    [{ middleware: [1] }, /`middleware` must be an array of functions/],
    [{ respectDoNotTrack: 'yes' }, /`respectDoNotTrack` must be true or false/],
    [{ autocapture: 'all' }, /`autocapture` must be true, false or an object/],
    [{ onDiagnostic: 'log' }, /`onDiagnostic` must be a function, got "log"/],
    [{ writeKey: '' }, /`writeKey` must be a non-empty string/],
  ])('rejects %o', (extra, message) => {
    expect(bad({ endpoint: '/v1/batch', ...extra })).toThrow(message);
  });
});
