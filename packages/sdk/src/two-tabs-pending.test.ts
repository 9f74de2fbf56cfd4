// Two tabs of the site open while consent is pending, each with ids made up in memory; the visitor grants
// in one. The other joins the person that tab stored (identity.persist) with what it held, and its capture
// plugins carry their state over. One window stands for both tabs here (localStorage is shared; a storage
// event would make the second tab follow the choice, so the test grants there itself).
import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import type { TouchpointEvent } from '@touchpoint/protocol';
import { stubCollectorFetch } from './fake-collector-fetch.js';
import { fullFeatures } from './touchpoints/defaults.js';
import { createCoreTracker } from './tracker.js';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  history.replaceState(null, '', '/');
});

const options = {
  endpoint: 'https://two-tabs.example/v1/batch',
  consent: 'pending' as const,
  flushIntervalMs: 10,
  autocapture: { pages: false, ads: false, shares: false, surveys: false, vitals: false },
};

it("the waiting tab joins the first tab's person, with its held landing, its campaign and its journal", async () => {
  const { batches } = stubCollectorFetch();
  history.replaceState(null, '', '/');
  const a = createCoreTracker(options, fullFeatures);
  // Tab B landed from an ad.
  history.replaceState(null, '', '/sale?utm_source=google&utm_medium=cpc&utm_campaign=spring&gclid=abc123');
  const b = createCoreTracker(options, fullFeatures);
  const landing = b.page();
  const firstInA = a.page();
  a.consent('granted');
  b.consent('granted');
  const next = b.page();
  const order = b.conversion('purchase', { value: 49 });
  const later = a.track('in-a');
  await Promise.all([a.flush(), b.flush()]);
  // Read loosely: the fields looked at differ by event type.
  const events = new Map(batches.flat().map((e) => [e.id, e as TouchpointEvent & Record<string, any>]));
  const all = [landing, next, order, firstInA, later].map((id) => events.get(id!)!);
  const [held, page, conversion] = all as [(typeof all)[0], (typeof all)[0], (typeof all)[0]];
  // One person, one session, in both tabs, what each held included: tab A did not change person.
  expect(new Set(all.map((e) => e.anonymousId)).size).toBe(1);
  expect(new Set(all.map((e) => e.sessionId)).size).toBe(1);
  expect(held.touchpoint).toMatchObject({ kind: 'ad', clickId: { name: 'gclid', value: 'abc123' } });
  // The next page of tab B is no new arrival (no made-up direct touchpoint) and keeps B's campaign.
  expect(page.touchpoint).toBeUndefined();
  expect(page.campaign).toMatchObject({ source: 'google', medium: 'cpc', campaign: 'spring' });
  // The conversion carries the ad click from tab B's journal.
  expect(conversion.journal?.lastNonDirect).toMatchObject({
    kind: 'ad',
    clickId: { name: 'gclid', value: 'abc123' },
  });
  await Promise.all([a.shutdown(), b.shutdown()]);
});
