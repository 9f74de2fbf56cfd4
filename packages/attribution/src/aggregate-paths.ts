import { checkHalfLife, DAY_MS, DEFAULT_HALF_LIFE_MS } from './models/model-options.js';
import { applyTransforms, touchLabel, type PathTransform } from './path-transforms.js';
import type { ConversionPath, Journey, JourneyStats, PathRow, PathSet } from './types.js';
import { pathKey } from './path-key.js';

/** Options of `aggregatePaths`. */
export interface AggregateOptions {
  /** Path transforms applied to each journey's touches, in order. @default [] */
  transforms?: readonly PathTransform[];
  /** Time-decay half-life, ms. @default 7 days */
  halfLife?: number;
  /**
   * Keep each converting journey (its conversion, touches and own time-decay shares) in `conversions`, for
   * credit per conversion × touch. Memory then grows with conversions × touches. @default false
   */
  perConversion?: boolean;
}

const HOUR_MS = 3_600_000;
/** Time-to-conversion buckets (upper bounds, exclusive) and their labels. */
export const TIME_TO_CONVERSION_BUCKETS: ReadonlyArray<readonly [number, string]> = [
  [HOUR_MS, '< 1 hour'],
  [DAY_MS, '1 hour – 1 day'],
  [7 * DAY_MS, '1 – 7 days'],
  [30 * DAY_MS, '7 – 30 days'],
  [Infinity, '≥ 30 days'],
];

/**
 * Aggregates journeys to one row per distinct path (conversions, value, nulls), so models run on paths, not
 * people. Time-decay weights are summed per position on the way, which is why the half-life is an option here.
 * Conversions without any touch are counted in `stats.untracked` and get no row.
 *
 * @example aggregatePaths(await buildJourneys(readEvents('events/')), { transforms: [exposure] })
 */
export function aggregatePaths(journeys: Iterable<Journey>, options: AggregateOptions = {}): PathSet {
  const transforms = options.transforms ?? [];
  const halfLife = checkHalfLife(options.halfLife ?? DEFAULT_HALF_LIFE_MS);
  const rows = new Map<string, PathRow>();
  const kept: ConversionPath[] | undefined = options.perConversion ? [] : undefined;
  const stats: JourneyStats = {
    journeys: 0,
    converting: 0,
    timeToConversion: {},
    selfReported: {},
    untracked: 0,
    currencies: {},
  };
  for (const journey of journeys) {
    stats.journeys++;
    const touches = applyTransforms(journey.touches, transforms);
    const conversion = journey.conversion;
    if (conversion) stats.converting += conversion.count;
    if (conversion?.value) {
      const currency = conversion.currency ?? '';
      stats.currencies[currency] = (stats.currencies[currency] ?? 0) + conversion.count;
    }
    if (!touches.length) {
      if (conversion) stats.untracked += conversion.count;
      continue;
    }
    const path = touches.map(touchLabel);
    const key = pathKey(path);
    let row = rows.get(key);
    if (!row) {
      row = {
        path,
        conversions: 0,
        value: 0,
        nulls: 0,
        decay: new Array(path.length).fill(0),
        decayValue: new Array(path.length).fill(0),
      };
      rows.set(key, row);
    }
    if (!conversion) {
      row.nulls += 1;
      continue;
    }
    row.conversions += conversion.count;
    row.value += conversion.value;
    const deltas = touches.map((t) => conversion.ts - t.ts);
    // A loop, not Math.min(...deltas): spreading a very long path overflows the stack.
    const nearest = deltas.reduce((a, b) => Math.min(a, b), Infinity);
    const weights = deltas.map((d) => 2 ** (-(d - nearest) / halfLife));
    const sum = weights.reduce((a, b) => a + b, 0);
    weights.forEach((w, i) => {
      row!.decay![i]! += (conversion.count * w) / sum;
      row!.decayValue![i]! += (conversion.value * w) / sum;
    });
    kept?.push({
      person: journey.person,
      ...(journey.anonymous ? { anonymous: true as const } : {}),
      conversion,
      // A touch without a frequency count is its own label: shared, not copied (overlapping paths share
      // touches).
      touches: touches.map((t) =>
        t.count === undefined ? t : { channel: touchLabel(t), ts: t.ts, kind: t.kind },
      ),
      decay: weights.map((w) => w / sum),
    });
    const span = deltas[0]!;
    const bucket = TIME_TO_CONVERSION_BUCKETS.find(([limit]) => span < limit)![1];
    stats.timeToConversion[bucket] = (stats.timeToConversion[bucket] ?? 0) + conversion.count;
    if (journey.selfReported) {
      const tracked = (stats.selfReported[journey.selfReported] ??= {});
      const last = touches[touches.length - 1]!.channel;
      tracked[last] = (tracked[last] ?? 0) + conversion.count;
    }
  }
  return { rows: [...rows.values()], stats, ...(kept ? { conversions: kept } : {}) };
}
