export { EVENT_TYPES } from './event.js';
export type {
  JsonValue,
  JsonObject,
  EventType,
  PageContext,
  ClickId,
  Campaign,
  TouchKind,
  Touch,
  EventEnvelope,
  PageEvent,
  TrackEvent,
  IdentifyEvent,
  JournalTouch,
  ConversionEvent,
  AdInfo,
  AdImpressionEvent,
  AdClickEvent,
  ShareEvent,
  SurveyEvent,
  VitalMetric,
  VitalsEvent,
  EmailInfo,
  EmailOpenEvent,
  EmailClickEvent,
  TouchpointEvent,
} from './event.js';
export { PROTOCOL_VERSION } from './batch.js';
export type { Batch, BatchResponse, Rejection } from './batch.js';
export { validate, validateEvent } from './validate.js';
export { DEFAULT_MAX_EVENTS, DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_DEPTH } from './limits.js';
export type { ValidateOptions, ValidationResult, EventResult } from './validate.js';
export { uuidv7, uuidv7Time } from './uuid-v7.js';
export { classifyTouch } from './channel/classify-touch.js';
export type { ClassifyInput } from './channel/classify-touch.js';
export { parseCampaign, EMAIL_PARAM, MAX_CAMPAIGN_VALUE_LENGTH } from './channel/parse-campaign.js';
export { CLICK_IDS } from './channel/click-ids.js';
export {
  CHANNEL_SOURCES_VERSION,
  SEARCH_SOURCES,
  SOCIAL_SOURCES,
  VIDEO_SOURCES,
  SHOPPING_SOURCES,
} from './channel/sources.js';
