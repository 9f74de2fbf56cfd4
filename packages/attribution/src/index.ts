export { analyze } from './analyze';
export type { AnalyzeOptions } from './analyze';
export { readEvents, PROGRESS_BYTES } from './read-events';
export type { ReadEventsOptions, EventStream } from './read-events';
export { buildJourneys } from './build-journeys';
export type { Journeys } from './build-journeys';
export type { BuilderStats } from './journey-builder';
export { DEFAULT_SESSION_TIMEOUT_MS, DEFAULT_LOOKBACK_MS, parseDuration } from './journey-options';
export type { JourneyOptions } from './journey-options';
export { aggregatePaths, TIME_TO_CONVERSION_BUCKETS } from './aggregate-paths';
export type { AggregateOptions } from './aggregate-paths';
export { parsePathsCsv, readPathsCsv, PATH_SEPARATOR } from './read-paths-csv';
export {
  exposure,
  first,
  frequency,
  removeIfNotAll,
  removeIfLastAndNotAll,
  trimLongPath,
  applyTransforms,
  touchLabel,
  parseTransform,
} from './path-transforms';
export type { PathTransform, Channeled } from './path-transforms';
export { attribute } from './attribute';
export type {
  AttributeOptions,
  AttributionResult,
  ChannelCredit,
  ModelResult,
  PathCredit,
} from './attribute';
export {
  MODEL_NAMES,
  DAY_MS,
  DEFAULT_HALF_LIFE_MS,
  DEFAULT_POSITION_WEIGHTS,
  DEFAULT_DIRECT_CHANNEL,
  DEFAULT_MARKOV_ORDER,
} from './models/model-options';
export type { ModelName, ModelOptions } from './models/model-options';
export { markovChain, markovStates, MAX_MARKOV_ORDER } from './models/markov';
export type { MarkovDetails, Transition } from './models/markov';
export { report, DEFAULT_TOP_PATHS } from './report';
export type { Report, ReportOptions, ChannelRole, FlowLink } from './report';
export { renderReport, FORMATS } from './render-report';
export type { Format } from './render-report';
export type { LooseEvent } from './touch-of-event';
export type {
  TouchClass,
  JourneyTouch,
  JourneyConversion,
  Journey,
  PathRow,
  PathSet,
  JourneyStats,
} from './types';
