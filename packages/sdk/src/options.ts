import type { TouchpointEvent } from '@touchpoint/protocol';
import type { TouchpointPlugin } from './touchpoints/plugin.js';
import type { AutocaptureOptions } from './touchpoints/defaults.js';
import type { Diagnostic } from './diagnostics.js';

/** Consent state: `pending` (wait for a decision), `granted`, `denied`. */
export type ConsentState = 'pending' | 'granted' | 'denied';

/**
 * Middleware sees every event after the envelope is filled and the plugins enriched it, before the consent
 * gate. Return nothing to keep the (possibly mutated) event, a new event to replace it, or `null`/`false`
 * to drop it.
 */
export type Middleware = (event: TouchpointEvent) => TouchpointEvent | null | false | void;

/** Options of {@link createTracker}. Only `endpoint` is required. */
export interface TrackerOptions {
  /**
   * Collector URL that receives `POST` batches, e.g. `https://collector.example/v1/batch`, or a path from the
   * site's root (`/v1/batch`).
   */
  endpoint: string;
  /** Per-site write key, sent as the `?key=` URL parameter (never a header: requests stay CORS-simple). */
  writeKey?: string;
  /** Most events per request. @default 100 */
  maxBatchEvents?: number;
  /** Largest request body, bytes (UTF-8). @default 60000 */
  maxBatchBytes?: number;
  /** Longest time an event waits before its batch is sent, ms. @default 1000 */
  flushIntervalMs?: number;
  /** Most events kept in the queue; the oldest are dropped (and counted) beyond it. @default 10000 */
  maxQueueEvents?: number;
  /** Most bytes kept in the queue; the oldest are dropped (and counted) beyond it. @default 5000000 */
  maxQueueBytes?: number;
  /** First retry delay cap, ms; each attempt doubles it (full jitter). @default 1000 */
  retryBaseMs?: number;
  /** Largest retry delay, ms. @default 60000 */
  retryMaxMs?: number;
  /** A session ends after this much inactivity, ms. @default 1800000 (30 minutes) */
  sessionTimeoutMs?: number;
  /** Keep the queue in IndexedDB (shared by the site's tabs, survives reloads). `false` keeps it in memory. @default true */
  persist?: boolean;
  /** Extra touchpoint plugins to run. @default [] */
  plugins?: TouchpointPlugin[];
  /** Default capture plugins: `false` for none, or per plugin name `false`/options. @default true */
  autocapture?: AutocaptureOptions;
  /** Consent state at start, when the visitor has made no choice yet. @default 'granted' */
  consent?: ConsentState;
  /** While consent is pending, keep events in `memory` (sent once granted) or `drop` them. @default 'memory' */
  pendingConsent?: 'memory' | 'drop';
  /**
   * Treat `navigator.globalPrivacyControl` as a denial (until `consent('granted')` is called).
   * @default true
   * @see https://globalprivacycontrol.github.io/gpc-spec/
   */
  respectGlobalPrivacyControl?: boolean;
  /** Treat `navigator.doNotTrack === '1'` as a denial. @default false */
  respectDoNotTrack?: boolean;
  /**
   * URL query parameters whose values are replaced by `redacted` in page URLs and referrers; a parameter
   * is redacted when its name contains one of these, ignoring case. A list given replaces the defaults:
   * `[...DEFAULT_REDACT_PARAMS, 'sid']` adds to them.
   * @default DEFAULT_REDACT_PARAMS (email, mail, token, password, passwd, pwd, secret, apikey, api_key, credential, ssn)
   */
  redactParams?: string[];
  /** Functions that enrich, change or drop events, in order. @default [] */
  middleware?: Middleware[];
  /**
   * Other domains of the same site: links to them carry the anonymous id in the `tp_aid` parameter, a page
   * landing with `tp_aid` adopts it, and a visit coming from one of them is not a referral. @default []
   */
  linkDomains?: string[];
  /**
   * Hosts whose visits are no referral (GA4's "unwanted referrals"): a visitor back from a payment page or
   * a 3-D Secure check (`paypal.com`, `checkout.stripe.com`) keeps the touch that brought them instead of
   * crediting the payment provider. Subdomains match. Full builds only. @default []
   */
  ignoreReferrers?: string[];
  /** Receives runtime problems and notable states (fallbacks, drops, retries). @default none */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** Log every diagnostic to the console. @default false */
  debug?: boolean;
}

/** Default batching and queue limits; see {@link TrackerOptions}. */
export const DEFAULT_MAX_BATCH_EVENTS = 100;
export const DEFAULT_MAX_BATCH_BYTES = 60_000;
export const DEFAULT_FLUSH_INTERVAL_MS = 1000;
export const DEFAULT_MAX_QUEUE_EVENTS = 10_000;
export const DEFAULT_MAX_QUEUE_BYTES = 5_000_000;
export const DEFAULT_RETRY_BASE_MS = 1000;
export const DEFAULT_RETRY_MAX_MS = 60_000;
export const DEFAULT_SESSION_TIMEOUT_MS = 30 * 60_000;
export const DEFAULT_REDACT_PARAMS = [
  'email',
  'mail',
  'token',
  'password',
  'passwd',
  'pwd',
  'secret',
  'apikey',
  'api_key',
  'credential',
  'ssn',
];

/** Options with every default applied. */
export type ResolvedOptions = Required<Omit<TrackerOptions, 'writeKey' | 'onDiagnostic'>> &
  Pick<TrackerOptions, 'writeKey' | 'onDiagnostic'>;
