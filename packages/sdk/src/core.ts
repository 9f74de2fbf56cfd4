/**
 * `@touchpoint/sdk/core`, the lean npm entry: the tracker without default capture plugins, for apps that
 * count bytes. An app's bundle carries only the capture plugins it imports (no `web-vitals` unless it
 * imports `vitals`).
 *
 * @module @touchpoint/sdk/core
 */
import type { TrackerOptions } from './options.js';
import { coreFeatures } from './tracker.js';
import type { Tracker } from './tracker-api.js';
import { trackerOrNoop } from './tracker-or-noop.js';

/**
 * Creates the core tracker: the delivery core and API (`page`, `track`, `identify`, `conversion`, consent,
 * redaction, `plugins`, `middleware`) and only the capture plugins passed in `plugins`. No automatic page
 * views unless `pages()` is passed; no order-id dedup and no cross-domain links (`linkDomains` logs a
 * console warning). `autocapture` has no effect here. Same validation and server-side behaviour as the
 * main entry's `createTracker`.
 *
 * Pass plugins in this order (each reads what an earlier one added): `campaign`, `journal`, `pages`, then
 * any of `ads`, `shares`, `surveys`, `vitals`. Hosts whose visits are no referral (the full build's
 * `linkDomains` and `ignoreReferrers`) go to `campaign` as its second argument:
 * `campaign({}, ['paypal.com'])`.
 *
 * @example
 * import { createTracker, campaign, pages } from '@touchpoint/sdk/core';
 * const tp = createTracker({ endpoint: '/v1/batch', plugins: [campaign(), pages()] });
 * tp.track('signup', { plan: 'pro' });
 */
export function createTracker(options: TrackerOptions): Tracker {
  return trackerOrNoop(options, coreFeatures);
}

export { campaign } from './touchpoints/campaign.js';
export { journal } from './touchpoints/journal.js';
export { pages } from './touchpoints/pages.js';
export { ads, trackAd } from './touchpoints/ads.js';
export { shares } from './touchpoints/shares.js';
export { surveys, survey, howDidYouHear } from './touchpoints/survey.js';
export { vitals } from './touchpoints/vitals.js';
export type * from './public-types.js';
