export { createTracker } from './create-tracker';
export type * from './public-types';
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
} from './options';
export { defaultPlugins } from './touchpoints/defaults';
export type { AutocaptureOptions } from './touchpoints/defaults';
export { LINK_PARAM } from './link-domains';
export type { TouchpointGlobal } from './script-tag';
export { trackAd, VIEWABLE_RATIO, VIEWABLE_MS, VIDEO_VIEWABLE_MS } from './touchpoints/ads';
export { survey, howDidYouHear, answerChannel } from './touchpoints/survey';
export { dedupeOrders } from './touchpoints/order-dedup';
export type { AutocaptureSettings } from './touchpoints/defaults';
