import type { TrackerOptions } from './options.js';
import { defaultPlugins, fullFeatures } from './touchpoints/defaults.js';
import type { Tracker } from './tracker-api.js';
import { trackerOrNoop } from './tracker-or-noop.js';

/**
 * Creates a tracker with the default capture plugins (pages, campaigns, ads, … — see `autocapture`),
 * repeated-order-id dedup and cross-domain links (`linkDomains`).
 * Validates the options first and throws a `[touchpoint]` error naming a bad option and the fix; that is
 * the only time it throws. Outside a browser (no `window`/`document`, e.g. server-side rendering) it
 * returns a no-op tracker whose methods do nothing.
 *
 * @example
 * const tp = createTracker({ endpoint: 'https://collector.example/v1/batch' });
 * tp.track('signup', { plan: 'pro' });
 * tp.conversion('purchase', { value: 49, currency: 'EUR', orderId: 'o-1' });
 * @see TrackerOptions
 */
export function createTracker(options: TrackerOptions): Tracker {
  const tracker = trackerOrNoop(options, fullFeatures);
  // A server's no-op tracker makes no plugins: make them once here (nothing starts), so a bad
  // `autocapture` name throws during server-side rendering as it will in the browser.
  if (typeof window === 'undefined' || typeof document === 'undefined') defaultPlugins(options.autocapture);
  return tracker;
}
