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
export { parsePathsCsv, readPathsCsv, PATH_SEPARATOR } from './read-paths-csv';
export type {
  TouchClass,
  JourneyTouch,
  JourneyConversion,
  Journey,
  PathRow,
  PathSet,
  JourneyStats,
} from './types';
