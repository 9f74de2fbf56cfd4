export { EVENT_TYPES } from './event';
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
} from './event';
export { PROTOCOL_VERSION } from './batch';
export type { Batch, BatchResponse, Rejection } from './batch';
export { validate, validateEvent } from './validate';
export { DEFAULT_MAX_EVENTS, DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_DEPTH } from './limits';
export type { ValidateOptions, ValidationResult, EventResult } from './validate';
export { uuidv7, uuidv7Time } from './uuid-v7';
export { classifyTouch } from './channel/classify-touch';
export type { ClassifyInput } from './channel/classify-touch';
export { parseCampaign, EMAIL_PARAM, MAX_CAMPAIGN_VALUE_LENGTH } from './channel/parse-campaign';
export { CLICK_IDS } from './channel/click-ids';
export {
  CHANNEL_SOURCES_VERSION,
  SEARCH_SOURCES,
  SOCIAL_SOURCES,
  VIDEO_SOURCES,
  SHOPPING_SOURCES,
} from './channel/sources';
