import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TouchpointEvent } from '@touchpoint/protocol';
import { campaign, createTracker, pages } from './core.js';
import { stubCollectorFetch, type FakeCollector } from './fake-collector-fetch.js';

let collector: FakeCollector;
const sentEvents = (): TouchpointEvent[] => collector.batches.flat();

beforeEach(() => {
  localStorage.clear();
  collector = stubCollectorFetch();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('@touchpoint/sdk/core createTracker', () => {
  it('runs no capture plugin of its own: no automatic page view, repeated order ids all recorded', async () => {
    history.replaceState(null, '', '/landing?utm_source=news&utm_medium=email');
    const t = createTracker({ endpoint: 'https://c.example/v1/batch', persist: false });
    t.conversion('purchase', { orderId: 'o-1' });
    t.conversion('purchase', { orderId: 'o-1' });
    await t.shutdown();
    expect(sentEvents().map((e) => e.type)).toEqual(['conversion', 'conversion']);
    expect(t.survey).toBeUndefined();
  });

  it('runs the capture plugins it is given', async () => {
    history.replaceState(null, '', '/landing?utm_source=news&utm_medium=email&utm_campaign=spring');
    const t = createTracker({
      endpoint: 'https://c.example/v1/batch',
      persist: false,
      plugins: [campaign(), pages()],
    });
    await t.shutdown();
    const [page] = sentEvents();
    expect(sentEvents()).toHaveLength(1);
    expect(page).toMatchObject({
      type: 'page',
      page: { path: '/landing' },
      touchpoint: { kind: 'email', channel: 'Email', source: 'news', campaign: 'spring' },
    });
  });

  it('warns that it ignores linkDomains', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = createTracker({
      endpoint: 'https://c.example/v1/batch',
      persist: false,
      linkDomains: ['shop.example'],
    });
    await t.shutdown();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[touchpoint\] linkDomains needs a full build/);
  });

  it('validates the options and returns a no-op tracker outside a browser', async () => {
    vi.stubGlobal('window', undefined);
    const t = createTracker({ endpoint: 'https://c.example/v1/batch' });
    expect(t.track('x')).toBeUndefined();
    await t.flush();
    expect(fetch).not.toHaveBeenCalled();
    expect(() => createTracker({ endpoint: '' })).toThrow(/`endpoint`/);
  });
});
