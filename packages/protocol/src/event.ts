/**
 * Event types of wire format v1. Every event carries the same envelope (id, type, ts, anonymousId,
 * sessionId); each type adds its own fields. The field names are a contract with every backend.
 */

/** JSON-compatible values allowed in free-form properties and traits. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Every event `type` the protocol knows, in wire spelling. */
export const EVENT_TYPES = [
  'page',
  'track',
  'identify',
  'conversion',
  'ad_impression',
  'ad_click',
  'share',
  'survey',
  'vitals',
  'email_open',
  'email_click',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Where the visitor is: filled from `location`, `document.title` and `document.referrer`. */
export interface PageContext {
  url: string;
  path: string;
  title?: string;
  referrer?: string;
}

/** A click id found on the landing URL (`gclid`, `fbclid`, `msclkid`, …). */
export interface ClickId {
  name: string;
  value: string;
}

/** Campaign parameters read from the landing URL (`utm_*` and click ids). */
export interface Campaign {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
  id?: string;
  clickId?: ClickId;
}

/** What kind of touchpoint started a visit. */
export type TouchKind =
  | 'ad'
  | 'email'
  | 'social'
  | 'search'
  | 'referral'
  | 'direct'
  | 'video'
  | 'shopping'
  | 'affiliate'
  | 'sms'
  | 'push'
  | 'audio'
  | 'survey'
  | 'other';

/**
 * The touchpoint a visit arrived from, as classified on the landing page.
 * `channel` is the GA4-style default channel group name (e.g. `Paid Search`, `Organic Social`, `Email`).
 */
export interface Touch extends Campaign {
  kind: TouchKind;
  channel: string;
  /** True when the arrival is paid: a paid medium or a click id. */
  paid?: boolean;
  /** Referrer host the classification used, when any. */
  referrerHost?: string;
}

/** Fields every event has. */
export interface EventEnvelope {
  /** Unique, time-ordered event id (uuid v7), made when the event is recorded. Backends store each id once. */
  id: string;
  type: EventType;
  /** Client time the event was recorded, milliseconds since the Unix epoch. */
  ts: number;
  /** Persistent first-party id of the browser (or device) the event came from. */
  anonymousId: string;
  /** Session id; a session ends after 30 minutes of inactivity by default. */
  sessionId: string;
  /** The known user, after `identify`. */
  userId?: string;
  /** The page the event happened on. */
  page?: PageContext;
  /** Campaign context of the session (from its landing URL). */
  campaign?: Campaign;
  /** Free-form properties. */
  props?: JsonObject;
}

export interface PageEvent extends EventEnvelope {
  type: 'page';
  page: PageContext;
  /** Present when this page view starts a visit from somewhere (ad, email, social, search, referral, direct). */
  touchpoint?: Touch;
}

export interface TrackEvent extends EventEnvelope {
  type: 'track';
  name: string;
}

export interface IdentifyEvent extends EventEnvelope {
  type: 'identify';
  userId: string;
  traits?: JsonObject;
}

/** A touch remembered by the browser's journal, attached to conversions. */
export interface JournalTouch extends Touch {
  ts: number;
  /** Epoch ms after which a click id no longer counts (click ids expire), when known. */
  expiresAt?: number;
}

export interface ConversionEvent extends EventEnvelope {
  type: 'conversion';
  name: string;
  value?: number;
  /** ISO 4217 code, three letters. */
  currency?: string;
  orderId?: string;
  /** The browser's own view of the path to this conversion. */
  journal?: { first?: JournalTouch; lastNonDirect?: JournalTouch; recent?: JournalTouch[] };
}

/** An ad as declared by `data-tp-ad` markup or the API. */
export interface AdInfo {
  id: string;
  campaign?: string;
  creative?: string;
  placement?: string;
  network?: string;
}

export interface AdImpressionEvent extends EventEnvelope {
  type: 'ad_impression';
  ad: AdInfo;
  /** How long the ad was continuously in view when it counted, ms. */
  visibleMs?: number;
}

export interface AdClickEvent extends EventEnvelope {
  type: 'ad_click';
  ad: AdInfo;
  /** Id of the `ad_impression` event this click followed, if any. */
  impressionId?: string;
  /** Destination URL of the click. */
  target?: string;
}

export interface ShareEvent extends EventEnvelope {
  type: 'share';
  network: string;
  /** What was shared. */
  url?: string;
}

export interface SurveyEvent extends EventEnvelope {
  type: 'survey';
  question: string;
  answer: string;
  /** The channel the answer maps to (self-reported), when the answer names one. */
  channel?: string;
}

/** One web-vitals metric. */
export interface VitalMetric {
  name: 'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB';
  value: number;
  rating?: 'good' | 'needs-improvement' | 'poor';
}

export interface VitalsEvent extends EventEnvelope {
  type: 'vitals';
  /** Id of the `page` event these metrics belong to. */
  pageId: string;
  metrics: VitalMetric[];
}

/** Identifiers an email tool puts into pixel and redirect URLs. */
export interface EmailInfo {
  campaign?: string;
  message?: string;
  /** An opaque recipient id (never an email address). */
  recipient?: string;
}

export interface EmailOpenEvent extends EventEnvelope {
  type: 'email_open';
  email: EmailInfo;
}

export interface EmailClickEvent extends EventEnvelope {
  type: 'email_click';
  email: EmailInfo;
  target: string;
}

/** Any v1 event. Narrow on `type`. */
export type TouchpointEvent =
  | PageEvent
  | TrackEvent
  | IdentifyEvent
  | ConversionEvent
  | AdImpressionEvent
  | AdClickEvent
  | ShareEvent
  | SurveyEvent
  | VitalsEvent
  | EmailOpenEvent
  | EmailClickEvent;
