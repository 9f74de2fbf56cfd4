import { DAY_MS } from './models/model-options.js';
import type { TouchClass } from './types.js';

/** Inactivity that ends a session (GA4's default). */
export const DEFAULT_SESSION_TIMEOUT_MS = 30 * 60_000;
/** Lookback windows per touch class: clicks and visits 30 days, impressions 1 day. */
export const DEFAULT_LOOKBACK_MS: Readonly<Record<TouchClass, number>> = {
  visit: 30 * DAY_MS,
  click: 30 * DAY_MS,
  impression: DAY_MS,
};

/** How journeys are cut from events. */
export interface JourneyOptions {
  /** Inactivity that ends a session, ms. @default 30 minutes */
  sessionTimeout?: number;
  /** Lookback per touch class, ms; a touch older than this at conversion time is left out. @default click/visit 30 days, impression 1 day */
  lookback?: Partial<Record<TouchClass, number>>;
  /**
   * `overlap`: each conversion's path holds every touch in its lookback, so paths of one person may share
   * touches; `reset`: a path starts after the person's previous conversion.
   * @default 'overlap'
   */
  paths?: 'overlap' | 'reset';
  /** Only conversions with these names count; others are ignored. @default every conversion */
  conversionNames?: readonly string[];
  /** Emit null journeys (touches not followed by a conversion). @default true */
  nulls?: boolean;
  /** Count `share` events as touches (Organic Social by network). @default false */
  shares?: boolean;
  /**
   * Only conversions valued in this ISO 4217 currency (any case) count, plus conversions without a value;
   * one with a value in another currency, or in none named, is left out. Without it, values of different
   * currencies are added up as they are (`stats.currencies` of the paths says which were). @default every currency
   */
  currency?: string;
}

/** Options with defaults filled in and checked. */
export type ResolvedJourneyOptions = Required<
  Omit<JourneyOptions, 'conversionNames' | 'lookback' | 'currency'>
> & {
  currency: string | undefined;
  lookback: Record<TouchClass, number>;
  conversionNames: ReadonlySet<string> | undefined;
};

export function resolveJourneyOptions(options: JourneyOptions = {}): ResolvedJourneyOptions {
  const sessionTimeout = options.sessionTimeout ?? DEFAULT_SESSION_TIMEOUT_MS;
  const lookback = { ...DEFAULT_LOOKBACK_MS, ...options.lookback };
  for (const [name, ms] of [
    ['sessionTimeout', sessionTimeout],
    ...Object.entries(lookback).map(([k, v]) => [`lookback.${k}`, v]),
  ] as const) {
    if (typeof ms !== 'number' || !(ms >= 0)) {
      throw new RangeError(
        `[touchpoint] attribution: ${name} must be a duration in ms ≥ 0 (got ${String(ms)}).`,
      );
    }
  }
  const paths = options.paths ?? 'overlap';
  if (paths !== 'overlap' && paths !== 'reset') {
    throw new Error(`[touchpoint] attribution: paths must be 'overlap' or 'reset' (got ${String(paths)}).`);
  }
  return {
    currency: options.currency === undefined ? undefined : checkCurrency(options.currency),
    sessionTimeout,
    lookback,
    paths,
    conversionNames: options.conversionNames ? new Set(options.conversionNames) : undefined,
    nulls: options.nulls ?? true,
    shares: options.shares ?? false,
  };
}

/** `eur` → `EUR`; throws unless it is a three-letter ISO 4217 code. `what` names it in the message. */
export function checkCurrency(code: string, what = 'currency'): string {
  if (!/^[A-Za-z]{3}$/.test(String(code)))
    throw new Error(
      `[touchpoint] attribution: ${what} ${code} is not a three-letter ISO 4217 code such as EUR.`,
    );
  return code.toUpperCase();
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS };

/** Reads a duration: `30d`, `12h`, `45m`, `90s`, `500ms`, `2w`; a bare number is days. */
export function parseDuration(text: string, what = 'duration'): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)?$/.exec(text.trim());
  if (!match) {
    throw new Error(
      `[touchpoint] attribution: ${what} "${text}" is not a duration; write e.g. 30d, 12h, 45m or 90s.`,
    );
  }
  return Number(match[1]) * UNITS[match[2] ?? 'd']!;
}
