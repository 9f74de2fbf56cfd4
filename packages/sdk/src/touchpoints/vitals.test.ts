import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Metric } from 'web-vitals';
import { fakeHost, type FakeHost } from './fake-host.js';

const callbacks: Record<string, (metric: Metric) => void> = {};
vi.mock('web-vitals', () => {
  const on = (name: string) => (cb: (metric: Metric) => void) => void (callbacks[name] = cb);
  return { onLCP: on('LCP'), onINP: on('INP'), onCLS: on('CLS'), onFCP: on('FCP'), onTTFB: on('TTFB') };
});
const { vitals } = await import('./vitals.js');

const report = (name: Metric['name'], value: number, delta = value) =>
  callbacks[name]!({ name, value, delta, rating: 'good' } as Metric);
let visibility: DocumentVisibilityState = 'visible';
const hide = () => {
  visibility = 'hidden';
  document.dispatchEvent(new Event('visibilitychange'));
};
const page = (path: string) => host.record('page', { page: { url: 'http://localhost' + path, path } })!;

let host: FakeHost;
beforeEach(() => {
  Object.defineProperty(document, 'visibilityState', { get: () => visibility, configurable: true });
  visibility = 'visible';
  host = fakeHost();
  host.start(vitals());
});
afterEach(() => host.stop());

describe('vitals', () => {
  it('sends the final values for the page when it is hidden', () => {
    report('TTFB', 80);
    const landing = page('/');
    report('FCP', 300);
    report('LCP', 900);
    report('LCP', 1200);
    report('CLS', 0.05);
    report('CLS', 0.08, 0.03);
    report('INP', 120);
    expect(host.of('vitals')).toHaveLength(0);
    hide();
    const [event] = host.of('vitals');
    expect(event!.pageId).toBe(landing.id);
    const values = Object.fromEntries(event!.metrics.map((m) => [m.name, m.value]));
    expect(values).toEqual({ TTFB: 80, FCP: 300, LCP: 1200, CLS: 0.08, INP: 120 });
    expect(event!.metrics[0]!.rating).toBe('good');
    hide();
    expect(host.of('vitals')).toHaveLength(1);
  });
  it('also sends on pagehide', () => {
    const landing = page('/');
    report('LCP', 1000);
    window.dispatchEvent(new Event('pagehide'));
    expect(host.of('vitals')[0]).toMatchObject({
      pageId: landing.id,
      metrics: [{ name: 'LCP', value: 1000 }],
    });
  });
  it('gives each SPA page its own CLS and INP, and no late load metrics', async () => {
    const first = page('/');
    report('LCP', 1000);
    report('CLS', 0.1);
    const second = page('/b');
    await Promise.resolve();
    expect(host.of('vitals')[0]).toMatchObject({ pageId: first.id });
    report('CLS', 0.15, 0.05);
    report('INP', 300);
    report('LCP', 1500);
    hide();
    const last = host.of('vitals')[1]!;
    expect(last.pageId).toBe(second.id);
    expect(last.metrics.map((m) => [m.name, m.value])).toEqual([
      ['CLS', 0.05],
      ['INP', 300],
    ]);
  });
  it('sends nothing for a page without metrics, nor after stop', () => {
    page('/');
    hide();
    host.stop();
    report('CLS', 0.2);
    window.dispatchEvent(new Event('pagehide'));
    expect(host.of('vitals')).toHaveLength(0);
  });
});
