import { noopTracker } from './noop-tracker';
import type { TrackerOptions } from './options';
import { resolveOptions } from './resolve-options';
import { fullFeatures } from './touchpoints/defaults';
import { createCoreTracker } from './tracker';
import type { Tracker } from './tracker-api';

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
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    resolveOptions(options);
    return noopTracker();
  }
  return createCoreTracker(options, fullFeatures);
}
