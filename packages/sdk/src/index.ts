export { createTracker } from './create-tracker.js';
export type * from './public-types.js';
export {
  DEFAULT_MAX_BATCH_EVENTS,
  DEFAULT_MAX_BATCH_BYTES,
  DEFAULT_FLUSH_INTERVAL_MS,
  DEFAULT_MAX_QUEUE_EVENTS,
  DEFAULT_MAX_QUEUE_BYTES,
  DEFAULT_RETRY_BASE_MS,
  DEFAULT_RETRY_MAX_MS,
  DEFAULT_SESSION_TIMEOUT_MS,
  DEFAULT_REDACT_PARAMS,
} from './options.js';
export { defaultPlugins } from './touchpoints/defaults.js';
export type { AutocaptureOptions } from './touchpoints/defaults.js';
export { LINK_PARAM } from './link-domains.js';
export type { TouchpointGlobal } from './script-tag.js';
export { trackAd, VIEWABLE_RATIO, VIEWABLE_MS, VIDEO_VIEWABLE_MS } from './touchpoints/ads.js';
export { survey, howDidYouHear, answerChannel } from './touchpoints/survey.js';
export { dedupeOrders } from './touchpoints/order-dedup.js';
export type { AutocaptureSettings } from './touchpoints/defaults.js';
