// The tracker as the core script builds it (DELIVERY_ONLY, see build-flags.ts): the options it leaves to the
// full builds are refused by name, pending consent records nothing, and a denial still removes the ids.
// The built script itself runs the delivery contract in real Chromium (test/browser/delivery.browser.test.ts).
import 'fake-indexeddb/auto';
import { DEFAULT_MAX_STRING_LENGTH } from '@touchpoint/protocol';
import { afterEach, expect, it, vi } from 'vitest';
import { stubCollectorFetch } from './fake-collector-fetch.js';
import { parseRetryAfter } from './delivery/retry-policy.js';
import { resolveOptions } from './resolve-options.js';
import { optionsFromAttributes } from './script-tag.js';
import { createCoreTracker } from './tracker.js';

vi.mock('./build-flags.js', () => ({ DELIVERY_ONLY: true }));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
});

const endpoint = 'https://core-script.example/v1/batch';

it('refuses, naming the full script, every option the core script would otherwise ignore', () => {
  const refused = {
    pendingConsent: 'memory',
    respectDoNotTrack: true,
    plugins: [{ name: 'mine' }],
    middleware: [() => null],
    redactParams: ['email'],
    linkDomains: ['shop.example'],
    ignoreReferrers: ['paypal.com'],
  };
  // Lists that ask for something, even when their text reads like a harmless value.
  for (const [name, value] of [
    ['redactParams', ['drop']],
    ['linkDomains', ['drop']],
    ['ignoreReferrers', ['0']],
    ['middleware', (() => null) as never],
    ['pendingConsent', 'memory'],
  ] as const)
    expect(() => resolveOptions({ endpoint, [name]: value }), name).toThrow(/must be left out/);
  for (const [name, value] of Object.entries(refused))
    expect(() => resolveOptions({ endpoint, [name]: value })).toThrow(
      `[touchpoint] option \`${name}\` must be left out of touchpoint.core.min.js (use touchpoint.min.js), got ${JSON.stringify(value)}.`,
    );
  // Settings that ask for nothing the core script lacks pass: a site moving to it keeps its config.
  const harmless = {
    pendingConsent: 'drop',
    respectDoNotTrack: false,
    plugins: [],
    middleware: [],
    redactParams: [],
    linkDomains: [],
    ignoreReferrers: [],
  } as const;
  for (const [name, value] of Object.entries(harmless))
    expect(() => resolveOptions({ endpoint, [name]: value }), name).not.toThrow();
  // Nothing to capture automatically: taken and ignored, so a tag copied from the full script still runs.
  expect(() => resolveOptions({ endpoint, autocapture: false })).not.toThrow();
  expect(resolveOptions({ endpoint })).toMatchObject({ consent: 'granted', persist: true });
});

it("reads Retry-After in seconds only: a date is junk there, and the retry waits the tracker's own backoff", () => {
  expect(parseRetryAfter('120', 0)).toBe(120_000);
  expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(0);
});

it('takes a list attribute as written, so the tracker refuses it rather than split it', () => {
  const script = document.createElement('script');
  script.dataset.redactParams = 'email, token';
  expect(optionsFromAttributes(script)).toEqual({ redactParams: 'email, token' });
});

it('records nothing while consent is pending, then records and sends once granted', async () => {
  const { batches } = stubCollectorFetch();
  const t = createCoreTracker({ endpoint, consent: 'pending', flushIntervalMs: 10 });
  expect(t.track('before')).toBeUndefined();
  expect(t.stats()).toMatchObject({ consent: 'pending', queued: 0 });
  t.consent('granted');
  const after = t.track('after');
  expect(after).toEqual(expect.any(String));
  await t.flush();
  expect(batches.flat().map((e) => e.id)).toEqual([after]);
  expect(localStorage.getItem('tp_consent')).toBe('granted');
  await t.shutdown();
});

it('a denial forgets the ids, records nothing more, and keeps the choice', async () => {
  stubCollectorFetch();
  const t = createCoreTracker({ endpoint });
  t.identify('u1');
  expect(localStorage.getItem('tp_aid')).not.toBeNull();
  t.consent('denied');
  expect(t.track('after')).toBeUndefined();
  for (const key of ['tp_aid', 'tp_uid', 'tp_session']) expect(localStorage.getItem(key)).toBeNull();
  expect(localStorage.getItem('tp_consent')).toBe('denied');
  await t.shutdown();
});

it('honours Global Privacy Control at start, and stores no id', async () => {
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { globalPrivacyControl: true }));
  const { batches } = stubCollectorFetch();
  const t = createCoreTracker({ endpoint });
  expect(t.track('never')).toBeUndefined();
  await t.flush();
  expect(batches).toEqual([]);
  expect(localStorage.getItem('tp_aid')).toBeNull();
  await t.shutdown();
});

it("cuts a page URL longer than the protocol allows, which collectors would refuse with the page's every event", async () => {
  const { batches } = stubCollectorFetch();
  history.replaceState(null, '', '/long?q=' + 'a'.repeat(9000));
  const t = createCoreTracker({ endpoint });
  t.track('on-a-long-url');
  await t.flush();
  expect(batches.flat()[0]!.page!.url).toHaveLength(DEFAULT_MAX_STRING_LENGTH);
  await t.shutdown();
  history.replaceState(null, '', '/');
});

it('sends the page without redaction, plugins or middleware: what the site gave is what goes', async () => {
  const { batches } = stubCollectorFetch();
  history.replaceState(null, '', '/welcome?token=abc');
  const t = createCoreTracker({ endpoint });
  t.page();
  await t.flush();
  expect(batches.flat()[0]!.page).toMatchObject({
    path: '/welcome',
    url: expect.stringContaining('?token=abc'),
  });
  await t.shutdown();
  history.replaceState(null, '', '/');
});
