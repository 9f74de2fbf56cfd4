import type { PathRow } from '../types.js';
import { DEFAULT_DIRECT_CHANNEL, DEFAULT_POSITION_WEIGHTS, type ModelOptions } from './model-options.js';

/** Per-position shares of one path's conversions (summing to 1), or of its value when they differ. */
export interface RowShares {
  conversions: number[];
  value: number[];
}

/** A model that splits each path's conversions across its positions. */
export type ShareRule = (row: PathRow, options: ModelOptions) => RowShares;

function same(shares: number[]): RowShares {
  return { conversions: shares, value: shares };
}

function oneAt(n: number, index: number): number[] {
  const shares = new Array<number>(n).fill(0);
  shares[index] = 1;
  return shares;
}

/** All credit to the first touch. */
export const firstTouch: ShareRule = (row) => same(oneAt(row.path.length, 0));

/** All credit to the last touch. */
export const lastTouch: ShareRule = (row) => same(oneAt(row.path.length, row.path.length - 1));

/**
 * All credit to the last touch that is not Direct (also under the `frequency` transform, whose label reads
 * `Direct(2)`); an all-Direct path credits its last touch.
 */
export const lastNonDirect: ShareRule = (row, options) => {
  const direct = options.directChannel ?? DEFAULT_DIRECT_CHANNEL;
  const isDirect = (label: string) =>
    label === direct || (label.startsWith(direct) && /^\(\d+\)$/.test(label.slice(direct.length)));
  let index = row.path.length - 1;
  for (let i = row.path.length - 1; i >= 0; i--) {
    if (!isDirect(row.path[i]!)) {
      index = i;
      break;
    }
  }
  return same(oneAt(row.path.length, index));
};

/** 1/n to each touch (occurrences, so a channel met twice gets two shares). */
export const linear: ShareRule = (row) => same(new Array<number>(row.path.length).fill(1 / row.path.length));

/**
 * w_i = 2^(−Δi/H), share = w_i/Σw, with Δi the time from touch to conversion. The weights were summed per
 * journey when the paths were aggregated; rows without touch times (CSV input) count touches as simultaneous.
 */
export const timeDecay: ShareRule = (row) => {
  if (!row.decay || !row.decayValue) return linear(row, {});
  const conversions = row.conversions > 0 ? row.decay.map((w) => w / row.conversions) : row.decay;
  const value = row.value > 0 ? row.decayValue.map((w) => w / row.value) : conversions;
  return { conversions, value };
};

/** n=1 → 1; n=2 → ½ each; n≥3 → first and last their weight, middle touches share the middle weight. */
export const positionBased: ShareRule = (row, options) => {
  const [head, middle, tail] = options.positionWeights ?? DEFAULT_POSITION_WEIGHTS;
  const n = row.path.length;
  if (n === 1) return same([1]);
  if (n === 2) return same([0.5, 0.5]);
  const shares = new Array<number>(n).fill(middle / (n - 2));
  shares[0] = head;
  shares[n - 1] = tail;
  return same(shares);
};

/** Zhao's simplified Shapley: equal shares to each distinct channel, put on its first occurrence. */
export const shapley: ShareRule = (row) => {
  const distinct = new Set(row.path);
  const shares = new Array<number>(row.path.length).fill(0);
  const seen = new Set<string>();
  row.path.forEach((channel, i) => {
    if (!seen.has(channel) && seen.add(channel)) shares[i] = 1 / distinct.size;
  });
  return same(shares);
};

/**
 * Zhao's ordered Shapley: each distinct channel's equal share is split evenly over the positions where it
 * occurs, so credit is known per channel *and* touch position. Channel totals equal `shapley`'s.
 */
export const orderedShapley: ShareRule = (row) => {
  const counts = new Map<string, number>();
  for (const channel of row.path) counts.set(channel, (counts.get(channel) ?? 0) + 1);
  return same(row.path.map((channel) => 1 / counts.size / counts.get(channel)!));
};
