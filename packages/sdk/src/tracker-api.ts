import type { AdInfo, EventType, JsonObject, TouchpointEvent } from '@touchpoint/protocol';
import type { DeliveryStats } from './delivery/sender.js';
import type { ConsentState } from './options.js';
import type { HowDidYouHearOptions } from './touchpoints/survey.js';

/** Fields of a conversion besides its name. */
export interface ConversionDetails {
  /** Monetary value (any unit; give `currency` with it). */
  value?: number;
  /** ISO 4217 code, three letters, e.g. `EUR`. */
  currency?: string;
  /** The order id; a backend can count each order once. */
  orderId?: string;
  /** Free-form properties. */
  props?: JsonObject;
}

/** State of a tracker, for diagnostics and tests. */
export interface TrackerStats extends DeliveryStats {
  consent: ConsentState;
  /**
   * Where the queue lives now: `memory` after an IndexedDB failure, with `persist: false`, or in the core
   * script after a denial on a page whose queue was open.
   */
  storage: 'indexeddb' | 'memory';
  /** Events this page knows to be queued and not yet confirmed by the collector. */
  queued: number;
}

/** What {@link createTracker} returns. Every method is safe to call at any time and never throws. */
export interface Tracker {
  /**
   * Records a page view of the current URL (the `pages` plugin does this automatically). Returns the event
   * id, or undefined when nothing was recorded (consent, a middleware, a bad argument).
   */
  page(props?: JsonObject): string | undefined;
  /** Records a custom event. Returns the event id, or undefined when nothing was recorded (consent, a middleware, a bad argument). */
  track(name: string, props?: JsonObject): string | undefined;
  /** Links this browser's anonymous id to a known user; later events carry `userId` (a number as its text). */
  identify(userId: string | number, traits?: JsonObject): string | undefined;
  /**
   * Records a conversion (signup, purchase…) with its value. Loose script-tag input is fixed where no
   * information is lost: a numeric string `value` becomes a number, a number `orderId` its text, `currency`
   * upper case.
   */
  conversion(name: string, details?: ConversionDetails): string | undefined;
  /** Records any protocol event type with its fields (used by plugins and custom touchpoints). */
  record(type: EventType, fields?: Record<string, unknown>): TouchpointEvent | undefined;
  /** Sets the visitor's consent: `granted` sends, `pending` holds, `denied` records nothing and removes stored data. */
  consent(state: ConsentState): void;
  /**
   * Sends everything queued now; resolves when the queue is empty, the browser is offline, a retry is
   * scheduled or another tab is sending. Does nothing until consent is `granted`.
   */
  flush(): Promise<void>;
  /** Starts a new anonymous person (call on logout): new anonymous and session ids, no user id; the site's other tabs follow. */
  reset(): void;
  /**
   * Stops every plugin and listener after a last flush (none before consent is granted: events held while
   * pending are dropped). The tracker records nothing afterwards.
   */
  shutdown(): Promise<void>;
  /** The current anonymous id. */
  anonymousId(): string;
  /** Delivery counters and state. */
  stats(): TrackerStats;
  /**
   * Records a self-reported answer (`survey` event), its channel read from the answer unless given. Present
   * while the `surveys` capture plugin runs (the default); the same as the package's `survey()` export.
   */
  survey?(question: string, answer: string, channel?: string): TouchpointEvent | undefined;
  /** Shows the "How did you hear about us?" helper in `container`; returns a function that removes it. `surveys` plugin. */
  howDidYouHear?(container: Element | string, options?: HowDidYouHearOptions): (() => void) | undefined;
  /** Watches an ad rendered by code for impressions and clicks, like `data-tp-ad` markup. `ads` plugin. */
  trackAd?(element: Element, info: AdInfo): void;
}
