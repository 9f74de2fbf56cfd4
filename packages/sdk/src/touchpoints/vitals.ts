import type { VitalMetric } from '@touchpoint/protocol';
import { onCLS, onFCP, onINP, onLCP, onTTFB, type Metric } from 'web-vitals';
import type { TouchpointPlugin, TrackerHost } from './plugin.js';

/**
 * Web vitals (LCP, INP, CLS, FCP, TTFB, from the `web-vitals` package) attached to the page touchpoint they
 * belong to: a `vitals` event with the `pageId` of that `page` event, sent when the page is hidden or left
 * (the values are final then) and, in single-page apps, when the next page starts.
 *
 * Load metrics (LCP, FCP, TTFB) exist only for the page the document loaded with. CLS and INP are
 * document-wide in web-vitals and keep going after client-side navigations; each SPA page gets what they
 * became while it was current: INP when the worst interaction so far happened on it, CLS as how much the
 * document's CLS (its worst burst of layout shifts) grew on it. A page on which neither grew gets no
 * `vitals` event. When a hidden page comes back and changes again, a later `vitals` event for the same
 * `pageId` carries the metrics that changed since (merge per `pageId`, later values win).
 *
 * @see https://github.com/GoogleChrome/web-vitals#report-the-value-on-every-change
 */
type Pending = Partial<Record<VitalMetric['name'], VitalMetric>>;
const LOAD_METRICS = ['LCP', 'FCP', 'TTFB'];

export function vitals(): TouchpointPlugin {
  let host: TrackerHost | undefined;
  let pageId: string | undefined;
  let firstPageId: string | undefined;
  let pending: Pending = {};
  let subscribed = false;

  // Records the metrics gathered since the last send for page `id`: now, or `later` (a microtask).
  const send = (id = pageId, later?: boolean): void => {
    const metrics = Object.values(pending);
    pending = {};
    const record = (): void =>
      void (host && id && metrics.length && host.record('vitals', { pageId: id, metrics }));
    if (later) queueMicrotask(record);
    else record();
  };
  const flush = (): void => send();
  const onMetric = (metric: Metric): void => {
    // Late load-metric updates after a client-side navigation belong to no SPA page.
    if (!host || (pageId !== firstPageId && LOAD_METRICS.includes(metric.name))) return;
    const previous = pending[metric.name];
    // CLS adds up per page (deltas); the others are the latest, largest value web-vitals reports.
    const value = metric.name === 'CLS' ? (previous?.value ?? 0) + metric.delta : metric.value;
    pending[metric.name] = { name: metric.name, value, rating: metric.rating };
  };

  return {
    name: 'vitals',
    start(h) {
      host = h;
      // web-vitals has no way to unsubscribe, so subscribe once per document; stop() mutes the callbacks.
      if (!subscribed) {
        subscribed = true;
        for (const on of [onLCP, onINP, onCLS, onFCP, onTTFB]) on(onMetric, { reportAllChanges: true });
      }
    },
    // The tracker calls this when the page is hidden or left, before it sends its queue.
    flush,
    stop() {
      flush();
      host = undefined;
    },
    enrich(event) {
      if (event.type !== 'page' || event.id === pageId) return;
      const previous = pageId;
      pageId = event.id;
      // Metrics reported before the first page event (TTFB, FCP) belong to it.
      if (!previous) return void (firstPageId ??= pageId);
      // Record after the current event has finished its way through the pipeline.
      send(previous, true);
    },
  };
}
