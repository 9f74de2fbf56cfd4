export { analyze } from './analyze.js';
export type { AnalyzeOptions } from './analyze.js';
export { readEvents, PROGRESS_BYTES } from './read-events.js';
export type { ReadEventsOptions, EventStream } from './read-events.js';
export { buildJourneys } from './build-journeys.js';
export type { Journeys } from './build-journeys.js';
export type { BuilderStats } from './journey-builder.js';
export { DEFAULT_SESSION_TIMEOUT_MS, DEFAULT_LOOKBACK_MS, parseDuration } from './journey-options.js';
export type { JourneyOptions } from './journey-options.js';
export { aggregatePaths, TIME_TO_CONVERSION_BUCKETS } from './aggregate-paths.js';
export type { AggregateOptions } from './aggregate-paths.js';
export { parsePathsCsv, readPathsCsv, PATH_SEPARATOR } from './read-paths-csv.js';
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
} from './path-transforms.js';
export type { PathTransform, Channeled } from './path-transforms.js';
export { attribute } from './attribute.js';
export type {
  AttributeOptions,
  AttributionResult,
  ChannelCredit,
  ModelResult,
  PathCredit,
} from './attribute.js';
export type { ConversionCredit, TouchCredit } from './conversion-credit.js';
export {
  MODEL_NAMES,
  DAY_MS,
  DEFAULT_HALF_LIFE_MS,
  DEFAULT_POSITION_WEIGHTS,
  DEFAULT_DIRECT_CHANNEL,
  DEFAULT_MARKOV_ORDER,
} from './models/model-options.js';
export type { ModelName, ModelOptions } from './models/model-options.js';
export { markovChain, markovStates, MAX_MARKOV_ORDER } from './models/markov.js';
export type { MarkovDetails, Transition } from './models/markov.js';
export { report, DEFAULT_TOP_PATHS } from './report.js';
export type { Report, ReportOptions, ChannelRole, FlowLink } from './report.js';
export { renderReport, renderReportChunks, FORMATS } from './render-report.js';
export type { Format } from './render-report.js';
export type { LooseEvent } from './touch-of-event.js';
export type {
  TouchClass,
  JourneyTouch,
  JourneyConversion,
  Journey,
  PathRow,
  PathSet,
  JourneyStats,
  ConversionPath,
} from './types.js';
