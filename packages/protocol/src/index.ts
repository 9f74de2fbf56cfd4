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
export {
  validate,
  validateEvent,
  DEFAULT_MAX_EVENTS,
  DEFAULT_MAX_STRING_LENGTH,
  DEFAULT_MAX_DEPTH,
} from './validate';
export type { ValidateOptions, ValidationResult, EventResult } from './validate';
export { uuidv7, uuidv7Time } from './uuid-v7';
