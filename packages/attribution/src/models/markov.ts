import { mergeRows } from '../merge-rows.js';
import { pathKey } from '../path-key.js';
import type { PathRow } from '../types.js';
import { absorptionProbabilities, type SparseRow } from './absorption.js';
import { DEFAULT_MARKOV_ORDER, type ModelOptions } from './model-options.js';

/** Special states of the chain. */
export const START = '(start)';
export const CONVERSION = '(conversion)';
export const NULL = '(null)';
/** Highest supported order: state counts grow as channels^order. */
export const MAX_MARKOV_ORDER = 4;
/** Between the channels of a state's name (display only: states are told apart by `pathKey`). */
const STATE_JOIN = ' > ';

/** One transition of the fitted chain. */
export interface Transition {
  from: string;
  to: string;
  probability: number;
}

/** What the Markov model exposes besides channel credit. */
export interface MarkovDetails {
  order: number;
  nulls: boolean;
  /** Probability of reaching the conversion state from start. */
  conversionProbability: number;
  /** Channel → removal effect RE_j = 1 − P_conv(without j) / P_conv. */
  removalEffects: Record<string, number>;
  transitions: Transition[];
}

/** Order-k states of a path: sliding windows of k channels (the whole path when shorter), repeats collapsed. */
export function markovStates(path: readonly string[], order: number): string[][] {
  const windows: string[][] = [];
  const k = Math.min(order, path.length);
  for (let i = 0; i + k <= path.length && path.length > 0; i++) {
    const w = path.slice(i, i + k);
    const prev = windows[windows.length - 1];
    if (!prev || pathKey(prev) !== pathKey(w)) windows.push(w);
  }
  return windows;
}

/**
 * Markov chain removal effects, solved exactly (see `absorptionProbabilities`). A row with c conversions and
 * n nulls adds c+n to each transition along its path, c to last→conversion and n to last→null (only c
 * without nulls). Removing channel j sends every state containing j to null.
 */
export function markovChain(rows: readonly PathRow[], options: ModelOptions = {}): MarkovDetails {
  const order = options.order ?? DEFAULT_MARKOV_ORDER;
  if (!Number.isInteger(order) || order < 1 || order > MAX_MARKOV_ORDER) {
    throw new RangeError(
      `[touchpoint] attribution: Markov order ${order} is not supported; use 1 to ${MAX_MARKOV_ORDER}.`,
    );
  }
  const nulls = options.nulls ?? true;
  const index = new Map<string, number>();
  const stateChannels: string[][] = [];
  const weights: Map<number, number>[] = []; // -1 conversion, -2 null
  const startWeights = new Map<number, number>();
  const stateOf = (w: string[]): number => {
    // Not the display name: a channel named `A > B` is not the order-2 state of A then B.
    const key = pathKey(w);
    let s = index.get(key);
    if (s === undefined) {
      s = stateChannels.length;
      index.set(key, s);
      stateChannels.push(w);
      weights.push(new Map());
    }
    return s;
  };
  const add = (m: Map<number, number>, to: number, w: number) => m.set(to, (m.get(to) ?? 0) + w);
  // Merged, sorted rows make state numbering, and so every floating-point sum, independent of row order.
  const sorted = mergeRows(rows);
  for (const row of sorted) {
    const through = row.conversions + (nulls ? row.nulls : 0);
    if (through <= 0 || row.path.length === 0) continue;
    const states = markovStates(row.path, order).map(stateOf);
    add(startWeights, states[0]!, through);
    for (let i = 1; i < states.length; i++) add(weights[states[i - 1]!]!, states[i]!, through);
    const last = weights[states[states.length - 1]!]!;
    if (row.conversions > 0) add(last, -1, row.conversions);
    if (nulls && row.nulls > 0) add(last, -2, row.nulls);
  }
  const n = stateChannels.length;
  const sparse: SparseRow[] = [];
  const b = new Float64Array(n);
  const transitions: Transition[] = [];
  const name = (s: number) => (s === -1 ? CONVERSION : s === -2 ? NULL : stateChannels[s]!.join(STATE_JOIN));
  const startTotal = sum(startWeights);
  const start = [...startWeights].map(([to, w]) => [to, w / startTotal] as const);
  for (const [to, p] of start) transitions.push({ from: START, to: name(to), probability: p });
  for (let s = 0; s < n; s++) {
    const total = sum(weights[s]!);
    const to: number[] = [];
    const p: number[] = [];
    for (const [t, w] of weights[s]!) {
      transitions.push({ from: name(s), to: name(t), probability: w / total });
      if (t === -1) b[s] = w / total;
      else if (t >= 0) {
        to.push(t);
        p.push(w / total);
      }
    }
    sparse.push({ to: Int32Array.from(to), p: Float64Array.from(p) });
  }
  const fromStart = (x: Float64Array, removed?: Uint8Array) =>
    start.reduce((acc, [to, p]) => (removed?.[to] ? acc : acc + p * x[to]!), 0);
  const conversionProbability = n ? fromStart(absorptionProbabilities(sparse, b, new Uint8Array(n))) : 0;
  const channels = [...new Set(stateChannels.flat())].sort(compare);
  const removalEffects: Record<string, number> = {};
  for (const channel of channels) {
    const removed = Uint8Array.from(stateChannels, (w) => (w.includes(channel) ? 1 : 0));
    const without = fromStart(absorptionProbabilities(sparse, b, removed), removed);
    removalEffects[channel] = conversionProbability > 0 ? 1 - without / conversionProbability : 0;
  }
  return { order, nulls, conversionProbability, removalEffects, transitions };
}

function sum(m: Map<number, number>): number {
  let total = 0;
  for (const w of m.values()) total += w;
  return total;
}

/** Code-unit order, the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
