import { attribute, type AttributeOptions, type AttributionResult } from './attribute.js';
import { mergeRows } from './merge-rows.js';
import { compare } from './models/markov.js';
import { PATH_SEPARATOR } from './read-paths-csv.js';
import type { JourneyStats, PathRow, PathSet } from './types.js';
import { pathKey } from './path-key.js';

/** How many top paths a report lists. */
export const DEFAULT_TOP_PATHS = 20;
/** Steps of the journey flow (later touches fold into the last step). */
export const FLOW_STEPS = 4;
/** The flow's terminal node. */
export const FLOW_END = 'Conversion';

/** A channel's role across converting paths, in conversions. */
export interface ChannelRole {
  channel: string;
  /** First touch of a multi-touch path. */
  starts: number;
  /** A middle touch. */
  assists: number;
  /** Last touch of a multi-touch path. */
  closes: number;
  /** The only touch. */
  solo: number;
}

/** A link of the journey flow: channel at step `step` → channel (or `Conversion`) at step `step + 1`. */
export interface FlowLink {
  step: number;
  from: string;
  to: string;
  conversions: number;
}

/** Everything the renderers show. */
export interface Report extends AttributionResult {
  topPaths: Array<{
    path: string;
    conversions: number;
    value: number;
    nulls: number;
    conversionRate: number;
  }>;
  /** Path length → conversions. */
  pathLengths: Record<string, number>;
  roles: ChannelRole[];
  /** Per channel, conversions it starts versus closes (first- against last-touch credit, occurrences in any path). */
  firstVsLast: Array<{ channel: string; first: number; last: number }>;
  flow: FlowLink[];
  journeys?: JourneyStats;
}

/** Options of `report`. */
export interface ReportOptions extends AttributeOptions {
  /** @default 20 */
  topPaths?: number;
}

/**
 * Runs the models and gathers path statistics: top paths, path lengths, each channel's role (starts, assists,
 * closes, solo), first- versus last-touch conversions, a journey flow for Sankey charts, plus the journey statistics of `aggregatePaths` (time to
 * conversion, self-reported versus tracked channels) when the paths came from events.
 */
export function report(paths: PathSet, options: ReportOptions = {}): Report {
  const result = attribute(paths, options);
  // One row per path (a path may come on several rows, e.g. from several CSV files), merged in a fixed order.
  const rows = mergeRows(paths.rows.filter((r) => r.path.length > 0));
  const byRank = [...rows].sort(
    (a, b) =>
      b.conversions - a.conversions ||
      b.nulls - a.nulls ||
      compare(a.path.join(PATH_SEPARATOR), b.path.join(PATH_SEPARATOR)),
  );
  const topPaths = byRank.slice(0, options.topPaths ?? DEFAULT_TOP_PATHS).map((r) => ({
    path: r.path.join(PATH_SEPARATOR),
    conversions: r.conversions,
    value: r.value,
    nulls: r.nulls,
    conversionRate: r.conversions + r.nulls > 0 ? r.conversions / (r.conversions + r.nulls) : 0,
  }));
  const pathLengths: Record<string, number> = {};
  const roles = new Map<string, ChannelRole>();
  const flow = new Map<string, FlowLink>();
  const ends = new Map<string, { channel: string; first: number; last: number }>();
  const firstLast = (channel: string) => {
    let e = ends.get(channel);
    if (!e) ends.set(channel, (e = { channel, first: 0, last: 0 }));
    return e;
  };
  const role = (channel: string) => {
    let r = roles.get(channel);
    if (!r) roles.set(channel, (r = { channel, starts: 0, assists: 0, closes: 0, solo: 0 }));
    return r;
  };
  for (const row of rows) {
    if (row.conversions <= 0) continue;
    const n = row.path.length;
    pathLengths[String(n)] = (pathLengths[String(n)] ?? 0) + row.conversions;
    row.path.forEach((channel, i) => {
      const r = role(channel);
      if (n === 1) r.solo += row.conversions;
      else if (i === 0) r.starts += row.conversions;
      else if (i === n - 1) r.closes += row.conversions;
      else r.assists += row.conversions;
    });
    addFlow(flow, row);
    firstLast(row.path[0]!).first += row.conversions;
    firstLast(row.path[n - 1]!).last += row.conversions;
  }
  return {
    ...result,
    topPaths,
    pathLengths,
    roles: [...roles.values()].sort((a, b) => compare(a.channel, b.channel)),
    firstVsLast: [...ends.values()].sort((a, b) => compare(a.channel, b.channel)),
    flow: [...flow.values()].sort(
      (a, b) => a.step - b.step || compare(a.from, b.from) || compare(a.to, b.to),
    ),
    ...(paths.stats ? { journeys: paths.stats } : {}),
  };
}

function addFlow(flow: Map<string, FlowLink>, row: PathRow) {
  const steps = row.path.slice(0, FLOW_STEPS);
  steps.forEach((from, step) => {
    const to = step + 1 < steps.length ? steps[step + 1]! : FLOW_END;
    const key = pathKey([String(step), from, to]);
    const link = flow.get(key) ?? { step, from, to, conversions: 0 };
    link.conversions += row.conversions;
    flow.set(key, link);
  });
}
