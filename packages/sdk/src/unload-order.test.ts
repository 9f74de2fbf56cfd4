import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Metric } from 'web-vitals';
import type { TouchpointEvent } from '@touchpoint/protocol';

// web-vitals is driven by hand: the test decides when a metric is reported.
const report: Record<string, (metric: Metric) => void> = {};
vi.mock('web-vitals', () => {
  const on = (name: string) => (callback: (metric: Metric) => void) => void (report[name] = callback);
  return { onLCP: on('LCP'), onINP: on('INP'), onCLS: on('CLS'), onFCP: on('FCP'), onTTFB: on('TTFB') };
});
const { createCoreTracker } = await import('./tracker.js');
const { fullFeatures } = await import('./touchpoints/defaults.js');

let keepalive: TouchpointEvent[] = [];
beforeEach(() => {
  keepalive = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      if (init.keepalive) keepalive.push(...JSON.parse(String(init.body)).events);
      return new Response('{}', { status: 503 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

// Plugins' flush hooks run last plugin first: vitals records the old page's final metrics before pages
// records a route change that was still waiting for its check, so both are in the keepalive send.
it('on pagehide right after a route change, the new page and the previous page vitals both go out', async () => {
  const tracker = createCoreTracker(
    {
      endpoint: 'https://c.example/v1/batch',
      persist: false,
      autocapture: { campaign: false, journal: false, ads: false, shares: false, surveys: false },
    },
    fullFeatures,
  );
  report.CLS!({ name: 'CLS', value: 0.2, delta: 0.2, rating: 'needs-improvement' } as Metric);
  history.pushState(null, '', '/next');
  window.dispatchEvent(new Event('pagehide'));
  const pages = keepalive.filter((e) => e.type === 'page');
  expect(pages.map((e) => e.page?.path)).toEqual(['/', '/next']);
  const vitals = keepalive.filter((e) => e.type === 'vitals');
  expect(vitals).toHaveLength(1);
  expect(vitals[0]).toMatchObject({ pageId: pages[0]!.id, metrics: [{ name: 'CLS', value: 0.2 }] });
  await tracker.shutdown();
});
