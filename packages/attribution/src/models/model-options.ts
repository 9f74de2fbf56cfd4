/** Every model name, in the order reports list them. */
export const MODEL_NAMES = [
  'first_touch',
  'last_touch',
  'last_non_direct',
  'linear',
  'time_decay',
  'position_based',
  'markov',
  'shapley',
  'ordered_shapley',
  'leave_one_out',
] as const;

/** A model name as the CLI and JSON spell it. */
export type ModelName = (typeof MODEL_NAMES)[number];

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
/** Time-decay half-life. */
export const DEFAULT_HALF_LIFE_MS = 7 * DAY_MS;
/** Position-based weights: first, all middle touches together, last. */
export const DEFAULT_POSITION_WEIGHTS: readonly [number, number, number] = [0.4, 0.2, 0.4];
/** The channel last non-direct skips. */
export const DEFAULT_DIRECT_CHANNEL = 'Direct';
/** Markov chain order (states are windows of this many channels). */
export const DEFAULT_MARKOV_ORDER = 1;

/** Options shared by the models. */
export interface ModelOptions {
  /**
   * Time-decay half-life in ms. Used when paths are aggregated from journeys (see `aggregatePaths`).
   * @default 7 days
   */
  halfLife?: number;
  /** Position-based weights `[first, middle, last]`, summing to 1. @default [0.4, 0.2, 0.4] */
  positionWeights?: readonly [number, number, number];
  /** The channel `last_non_direct` skips. @default 'Direct' */
  directChannel?: string;
  /** Markov chain order, 1–4. @default 1 */
  order?: number;
  /** Markov: model null (non-converting) paths as a null state. @default true */
  nulls?: boolean;
}
