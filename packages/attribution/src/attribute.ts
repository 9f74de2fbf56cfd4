import { creditConversions, type ConversionCredit, type PathShares } from './conversion-credit.js';
import { mergeRows } from './merge-rows.js';
import type { PathRow, PathSet } from './types.js';
import { leaveOneOut } from './models/leave-one-out.js';
import { compare, markovChain, type MarkovDetails } from './models/markov.js';
import { checkModelOptions, MODEL_NAMES, type ModelName, type ModelOptions } from './models/model-options.js';
import * as rules from './models/position-shares.js';
import type { ShareRule } from './models/position-shares.js';
import { pathKey } from './path-key.js';

/** One channel's credit under one model. */
export interface ChannelCredit {
  channel: string;
  conversions: number;
  value: number;
  /** Fraction of all credited conversions. */
  share: number;
}

/** Credit of one path's conversions per touch position (the per conversion × touch view). */
export interface PathCredit {
  path: string[];
  conversions: number;
  value: number;
  /** Per position, the fraction of this path's conversions credited to that touch. */
  shares: number[];
}

/** One model's result. */
export interface ModelResult {
  model: ModelName;
  channels: ChannelCredit[];
  /** Per path and touch position; present when `attribute` was called with `detail: true`. */
  paths?: PathCredit[];
  /** Markov only: transition matrix, removal effects, conversion probability. */
  markov?: MarkovDetails;
}

/** What `attribute` returns. */
export interface AttributionResult {
  models: ModelResult[];
  totals: { conversions: number; value: number; nulls: number; paths: number };
  /** Per credited conversion, each model's credit per touch; present with `perConversion: true`. */
  conversions?: ConversionCredit[];
}

/** Options of `attribute`. */
export interface AttributeOptions extends ModelOptions {
  /** Models to run, or `'all'`. @default 'all' */
  models?: readonly ModelName[] | 'all';
  /** Include per path × touch credit in each model's result. @default false */
  detail?: boolean;
  /**
   * Add `conversions`: each credited conversion (person, time, name, ids, value, currency, touches) with each
   * model's credit per touch. Needs paths aggregated from events with `perConversion: true` (as `analyze`
   * does when given this option); CSV paths carry no conversions. @default false
   */
  perConversion?: boolean;
}

const SHARE_RULES: Partial<Record<ModelName, ShareRule>> = {
  first_touch: rules.firstTouch,
  last_touch: rules.lastTouch,
  last_non_direct: rules.lastNonDirect,
  linear: rules.linear,
  time_decay: rules.timeDecay,
  position_based: rules.positionBased,
  shapley: rules.shapley,
  ordered_shapley: rules.orderedShapley,
};

/**
 * Runs attribution models on aggregated paths. Every model is efficient: over paths with at least one touch,
 * channel conversions sum to the total conversions and channel values to the total value. Results are
 * sorted by channel name and do not depend on row order.
 *
 * Markov credits conversions by removal effect, `RE_j / ΣRE × conversions`, and value by the same shares.
 *
 * @example attribute(parsePathsCsv('A > B;1;10;0\nB;1;5;2'), { models: ['linear', 'markov'] })
 * @example attribute(await readPathsCsv('paths.csv')) // readPathsCsv reads a file: await it
 */
export function attribute(
  paths: PathSet | readonly PathRow[],
  options: AttributeOptions = {},
): AttributionResult {
  if (typeof (paths as { then?: unknown }).then === 'function') {
    throw new TypeError(
      '[touchpoint] attribution: attribute() was given a Promise, not paths; await readPathsCsv(file) first.',
    );
  }
  // Checked here, not only where paths are aggregated from events, so CSV input fails the same way.
  checkModelOptions(options);
  const kept = options.perConversion ? keptConversions(paths) : undefined;
  const rows = mergeRows(('rows' in paths ? paths.rows : paths).filter((r) => r.path.length > 0));
  const names = options.models === 'all' || !options.models ? MODEL_NAMES : options.models;
  for (const name of names) {
    if (!MODEL_NAMES.includes(name)) {
      throw new Error(
        `[touchpoint] attribution: unknown model "${name}". Use one of ${MODEL_NAMES.join(', ')} or all.`,
      );
    }
  }
  const totals = { conversions: 0, value: 0, nulls: 0, paths: rows.length };
  for (const r of rows) {
    totals.conversions += r.conversions;
    totals.value += r.value;
    totals.nulls += r.nulls;
  }
  const converting = rows.filter((r) => r.conversions > 0);
  const runs = names.map((model): ModelRun => {
    if (model === 'markov') return markovResult(rows, converting, totals, options);
    const rule = model === 'leave_one_out' ? leaveOneOut(rows) : SHARE_RULES[model]!;
    const credit = new Map<string, { conversions: number; value: number }>();
    const detail: PathCredit[] = [];
    const byPath = new Map<string, number[]>(); // per-path shares, kept only for per-conversion credit
    for (const row of converting) {
      const shares = rule(row, options);
      row.path.forEach((channel, i) => {
        const c = credit.get(channel) ?? { conversions: 0, value: 0 };
        c.conversions += row.conversions * shares.conversions[i]!;
        c.value += row.value * shares.value[i]!;
        credit.set(channel, c);
      });
      if (options.detail)
        detail.push({
          path: row.path,
          conversions: row.conversions,
          value: row.value,
          shares: shares.conversions,
        });
      if (options.perConversion) byPath.set(pathKey(row.path), shares.conversions);
    }
    const result = {
      model,
      channels: channelList(credit, totals.conversions),
      ...(options.detail ? { paths: detail } : {}),
    };
    // A path missing from the rows (paths edited by hand) gets the rule's shares for the path alone.
    const shares = (path: readonly string[]) =>
      byPath.get(pathKey(path)) ??
      rule({ path: [...path], conversions: 1, value: 0, nulls: 0 }, options).conversions;
    return { result, shares };
  });
  const models = runs.map((r) => r.result);
  if (!kept) return { models, totals };
  const byModel = runs.map(({ result, shares }) => ({ model: result.model, shares }));
  return { models, totals, conversions: creditConversions(kept, byModel) };
}

function keptConversions(paths: PathSet | readonly PathRow[]) {
  if (!('rows' in paths) || !paths.conversions) {
    throw new Error(
      '[touchpoint] attribution: perConversion needs the conversions behind the paths, which only ' +
        'events have: aggregate journeys with aggregatePaths(journeys, { perConversion: true }) (analyze ' +
        'does so for events). ChannelAttribution CSV rows are already aggregated; use detail: true for ' +
        'credit per path.',
    );
  }
  return paths.conversions;
}

/** One model's result, and its share of any path per touch position (for per-conversion credit). */
interface ModelRun {
  result: ModelResult;
  shares: PathShares;
}

function markovResult(
  rows: readonly PathRow[],
  converting: readonly PathRow[],
  totals: { conversions: number; value: number },
  options: AttributeOptions,
): ModelRun {
  const markov = markovChain(rows, options);
  const effects = markov.removalEffects;
  const sum = Object.values(effects).reduce((a, b) => a + b, 0);
  const credit = new Map<string, { conversions: number; value: number }>();
  for (const channel of Object.keys(effects).sort(compare)) {
    const f = sum > 0 ? effects[channel]! / sum : 0;
    credit.set(channel, { conversions: f * totals.conversions, value: f * totals.value });
  }
  const result: ModelResult = { model: 'markov', channels: channelList(credit, totals.conversions), markov };
  // Per touch, a path's conversions split by its touches' removal effects (a channel met twice counts twice).
  const shares = (path: readonly string[]) => {
    const re = path.map((c) => effects[c] ?? 0);
    const s = re.reduce((a, b) => a + b, 0);
    return re.map((r) => (s > 0 ? r / s : 1 / re.length));
  };
  if (options.detail) {
    result.paths = converting.map((row) => ({
      path: row.path,
      conversions: row.conversions,
      value: row.value,
      shares: shares(row.path),
    }));
  }
  return { result, shares };
}

function channelList(
  credit: Map<string, { conversions: number; value: number }>,
  total: number,
): ChannelCredit[] {
  return [...credit]
    .sort((a, b) => compare(a[0], b[0]))
    .map(([channel, c]) => ({
      channel,
      conversions: c.conversions,
      value: c.value,
      share: total > 0 ? c.conversions / total : 0,
    }));
}
