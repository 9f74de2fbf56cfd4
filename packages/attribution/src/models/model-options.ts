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

/**
 * Throws unless `weights` are three numbers ≥ 0 that sum to 1: other weights would credit a path more or
 * less than its conversions. `what` names the option in the message (the CLI passes its flag and text).
 */
export function checkPositionWeights(
  weights: readonly number[],
  what = `positionWeights [${String(weights)}]`,
): readonly [number, number, number] {
  const ok =
    Array.isArray(weights) &&
    weights.length === 3 &&
    weights.every((x) => typeof x === 'number' && x >= 0) &&
    Math.abs(weights[0]! + weights[1]! + weights[2]! - 1) <= 1e-9;
  if (!ok) {
    throw new RangeError(
      `[touchpoint] attribution: ${what}: give three weights ≥ 0 that sum to 1, ` +
        `e.g. ${DEFAULT_POSITION_WEIGHTS.join(',')}.`,
    );
  }
  return weights as unknown as readonly [number, number, number];
}

/**
 * Throws unless the time-decay half-life is > 0 ms (Infinity is linear). `what` names the option in the
 * message: the CLI passes its flag, the API the option name.
 */
export function checkHalfLife(ms: number, what = 'halfLife'): number {
  if (typeof ms !== 'number' || !(ms > 0)) {
    throw new RangeError(
      `[touchpoint] attribution: ${what} must be > 0 ms (got ${String(ms)}); give a duration such as 7 days.`,
    );
  }
  return ms;
}

/** Checks the options every model run shares, whatever the input (events or aggregated CSV paths). */
export function checkModelOptions(options: ModelOptions): void {
  if (options.positionWeights !== undefined) checkPositionWeights(options.positionWeights);
  if (options.halfLife !== undefined) checkHalfLife(options.halfLife);
}
