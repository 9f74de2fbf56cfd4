import { afterEach, expect, it, vi } from 'vitest';
import { optionNames } from './resolve-options.js';
import { createCoreTracker } from './tracker.js';
import { attributeName, unknownOptions } from './unknown-options.js';
import { stubCollectorFetch } from './fake-collector-fetch.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

it('names each unknown option with the known one it most likely meant', () => {
  const known = optionNames();
  expect(
    unknownOptions(
      {
        endpoint: '/v1/batch',
        writekey: 'k', // data-writekey
        flushInterval: 2000,
        respectdonottrack: true,
        debugMode: true,
        consentMode: 'denied',
        // Other tools' data-* attributes.
        cfasync: false,
        cookieconsent: 'ignore',
        consentCategory: 'analytics',
        auto: false,
        plugin: 'x',
        api: '/x',
      },
      known,
    ),
  ).toEqual([
    ['writekey', 'writeKey'],
    ['flushInterval', 'flushIntervalMs'],
    ['respectdonottrack', 'respectDoNotTrack'],
    ['debugMode', undefined],
    ['consentMode', undefined],
    ['cfasync', undefined],
    ['cookieconsent', undefined],
    ['consentCategory', undefined],
    ['auto', undefined],
    ['plugin', undefined],
    ['api', undefined],
  ]);
  expect(unknownOptions({ endpoint: '/v1/batch', writeKey: 'k', autocapture: false }, known)).toEqual([]);
  expect(attributeName('flushIntervalMs')).toBe('data-flush-interval-ms');
});

it('warns about a likely slip and reports every unknown option, without refusing the config', () => {
  stubCollectorFetch();
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const kinds: unknown[] = [];
  const t = createCoreTracker({
    endpoint: '/v1/batch',
    persist: false,
    onDiagnostic: (d) => d.kind === 'unknown-option' && kinds.push(d.detail),
    ...({ writekey: 'k', cfasync: false } as object),
  });
  expect(warn).toHaveBeenCalledTimes(1);
  expect(warn.mock.calls[0]![0]).toBe(
    '[touchpoint] unknown option `writekey` ignored: did you mean `writeKey` (data-write-key)?',
  );
  expect(kinds).toEqual([
    { option: 'writekey', meant: 'writeKey' },
    { option: 'cfasync', meant: undefined },
  ]);
  void t.shutdown();
});
