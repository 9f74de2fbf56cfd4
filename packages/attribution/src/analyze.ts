import { aggregatePaths, type AggregateOptions } from './aggregate-paths.js';
import { buildJourneys } from './build-journeys.js';
import { applyTransforms, touchLabel } from './path-transforms.js';
import type { JourneyOptions } from './journey-options.js';
import { readEvents, type ReadEventsOptions } from './read-events.js';
import { readPathsCsv } from './read-paths-csv.js';
import { report, type Report, type ReportOptions } from './report.js';
import type { LooseEvent } from './touch-of-event.js';
import type { PathSet } from './types.js';

/**
 * Everything `analyze` accepts: journey, aggregation, model and report options, plus reading hooks. `nulls` is
 * the Markov option (`--no-nulls`): null journeys are always built, as leave-one-out and the path statistics
 * need them (call `buildJourneys` yourself to leave them out).
 */
export interface AnalyzeOptions extends JourneyOptions, AggregateOptions, ReportOptions, ReadEventsOptions {}

/**
 * The whole pipeline in one call. `input` is NDJSON (a file, a directory of `*.ndjson`, or a list), a
 * ChannelAttribution CSV (`*.csv`), events in memory, or paths already aggregated.
 *
 * @example const r = await analyze('data/events', { models: ['last_non_direct', 'markov'] });
 * console.log(renderReport(r, 'table'));
 */
export async function analyze(
  input: string | readonly string[] | readonly LooseEvent[] | PathSet,
  options: AnalyzeOptions = {},
): Promise<Report> {
  return report(await pathsOf(input, options), options);
}

async function pathsOf(
  input: string | readonly string[] | readonly LooseEvent[] | PathSet,
  options: AnalyzeOptions,
): Promise<PathSet> {
  if (!Array.isArray(input) && typeof input === 'object') return input as PathSet;
  const list = typeof input === 'string' ? [input] : (input as readonly unknown[]);
  if (list.length && list.every((p) => typeof p === 'string')) {
    const files = list as string[];
    const csv = files.filter((f) => f.toLowerCase().endsWith('.csv'));
    // Read as NDJSON, a CSV's rows would be skipped as bad lines and its conversions silently lost.
    if (csv.length && csv.length < files.length) {
      throw new Error(
        `[touchpoint] attribution: cannot mix ChannelAttribution CSV (${csv.join(', ')}) with NDJSON events; analyze them separately.`,
      );
    }
    if (csv.length) {
      const sets = await Promise.all(files.map(readPathsCsv));
      const rows = sets.flatMap((s) => s.rows);
      const transforms = options.transforms ?? [];
      if (!transforms.length) return { rows };
      // Aggregated paths have no touches, only channels: the transforms run on those (repeats merge later).
      const path = (p: string[]) =>
        applyTransforms(
          p.map((channel) => ({ channel })),
          transforms,
        ).map(touchLabel);
      return { rows: rows.map((r) => ({ ...r, path: path(r.path) })) };
    }
    const journeys = await buildJourneys(readEvents(files, options), { ...options, nulls: true });
    return aggregatePaths(journeys, options);
  }
  return aggregatePaths(await buildJourneys(list as LooseEvent[], { ...options, nulls: true }), options);
}
