import { open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { analyze, type AnalyzeOptions } from './analyze.js';
import { checkCurrency, parseDuration } from './journey-options.js';
import { checkHalfLife, checkPositionWeights, MODEL_NAMES, type ModelName } from './models/model-options.js';
import { parseTransform } from './path-transforms.js';
import { FORMATS, renderReportChunks, type Format } from './render-report.js';
import type { TouchClass } from './types.js';

export const USAGE = `Usage: touchpoint-attribution <input...> [options]

<input>  NDJSON events (file or directory of *.ndjson) or ChannelAttribution CSV (*.csv)

  --model <m>            ${MODEL_NAMES.join(', ')} or all (repeatable, comma lists ok) [all]
  --format <f>           table | json | csv | html [table]
  --out <file>           write there instead of stdout
  --order <n>            Markov order 1-4 [1]
  --no-nulls             Markov without the null state
  --lookback <d>         30d for every kind, or click=30d,visit=30d,impression=1d
  --session-timeout <d>  inactivity that ends a session [30m]
  --half-life <d>        time-decay half-life [7d]
  --transform <t>        exposure | first | frequency | removeIfNotAll:<ch> | removeIfLastAndNotAll:<ch> | trimLongPath:<n> (repeatable, in order)
  --paths <mode>         overlap | reset [overlap]
  --conversion <name>    count only conversions with this name (repeatable)
  --currency <code>      count only conversions valued in this currency (and those without value)
  --shares               count share events as touches
  --position-weights <w> first,middle,last [0.4,0.2,0.4]
  --direct-channel <ch>  channel last_non_direct skips [Direct]
  --top <n>              top paths listed [20]
  --detail               JSON: add each model's credit per path and touch position
  --per-conversion       JSON and CSV: each conversion with each model's credit per touch (events only)
  --help
`;

/** How many skipped lines the CLI prints one by one; beyond that it only counts them. */
export const MAX_REPORTED_LINES = 10;

/** Runs the CLI with `args` (without node and script); resolves to the exit code. */
export async function main(
  args: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    return await run(args, io);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

/** Where the CLI writes. */
export interface CliIo {
  /** `once('drain')` is awaited when `write` returns false, as for a stream. */
  stdout: { write(text: string): unknown; once?(event: 'drain', listener: () => void): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        model: { type: 'string', multiple: true },
        format: { type: 'string' },
        out: { type: 'string' },
        order: { type: 'string' },
        'no-nulls': { type: 'boolean' },
        lookback: { type: 'string', multiple: true },
        'session-timeout': { type: 'string' },
        'half-life': { type: 'string' },
        transform: { type: 'string', multiple: true },
        paths: { type: 'string' },
        conversion: { type: 'string', multiple: true },
        currency: { type: 'string' },
        shares: { type: 'boolean' },
        'position-weights': { type: 'string' },
        'direct-channel': { type: 'string' },
        top: { type: 'string' },
        detail: { type: 'boolean' },
        'per-conversion': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (cause) {
    io.stderr.write(`[touchpoint] attribution: ${(cause as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (v.help) return (void io.stdout.write(USAGE), 0);
  if (!positionals.length) {
    io.stderr.write(`[touchpoint] attribution: give an input file or directory.\n\n${USAGE}`);
    return 2;
  }
  const format = (v.format ?? 'table') as Format;
  if (!FORMATS.includes(format))
    throw new Error(`[touchpoint] attribution: --format ${format} is not one of ${FORMATS.join(', ')}.`);
  const models = (v.model ?? ['all']).flatMap((m) => m.split(',')).map((m) => m.trim());
  const options: AnalyzeOptions = {
    models: models.includes('all') ? 'all' : (models as ModelName[]),
    nulls: !v['no-nulls'],
    transforms: (v.transform ?? []).map(parseTransform),
    shares: v.shares ?? false,
    detail: v.detail ?? false,
  };
  if (v['per-conversion']) {
    // Checked before reading: the list can be long, and table and HTML have no place for it.
    if (format !== 'json' && format !== 'csv')
      throw new Error('[touchpoint] attribution: --per-conversion is written with --format json or csv.');
    if (positionals.some((p) => p.toLowerCase().endsWith('.csv'))) {
      throw new Error(
        '[touchpoint] attribution: --per-conversion needs NDJSON events; ChannelAttribution CSV rows are ' +
          'already aggregated paths with no conversions to list. Use --detail for credit per path and touch.',
      );
    }
    options.perConversion = true;
  }
  if (v.order) options.order = integer(v.order, '--order');
  if (v.top) options.topPaths = integer(v.top, '--top');
  if (v['session-timeout']) options.sessionTimeout = parseDuration(v['session-timeout'], '--session-timeout');
  if (v['half-life']) {
    const text = v['half-life'];
    options.halfLife = checkHalfLife(parseDuration(text, '--half-life'), `--half-life ${text}`);
  }
  if (v.lookback) options.lookback = lookback(v.lookback);
  if (v.paths) {
    // Checked here: CSV input has no journeys, so nothing downstream would notice a misspelt mode.
    if (v.paths !== 'overlap' && v.paths !== 'reset')
      throw new Error(`[touchpoint] attribution: --paths ${v.paths} is not one of overlap, reset.`);
    options.paths = v.paths;
  }
  if (v.conversion) options.conversionNames = v.conversion;
  // Checked here too: CSV input has no events to read it from.
  if (v.currency) options.currency = checkCurrency(v.currency, '--currency');
  if (v['direct-channel']) options.directChannel = v['direct-channel'];
  if (v['position-weights']) options.positionWeights = weights(v['position-weights']);
  const tty = Boolean(io.stderr.isTTY);
  let invalid = 0;
  const shown: string[] = []; // the first skipped lines, printed after the run (not mixed into progress)
  options.onInvalid = ({ file, line, reason }) => {
    if (++invalid <= MAX_REPORTED_LINES) shown.push(`skipped ${file} line ${line}: ${reason}`);
  };
  let read: number | undefined; // bytes of NDJSON read (CSV input does not report it)
  options.onProgress = (bytes) => {
    read = bytes;
    if (tty) io.stderr.write(`\rread ${(bytes / 1048576).toFixed(0)} MiB`);
  };
  const result = await analyze(positionals, options);
  if (tty) io.stderr.write('\n');
  if (read === 0) {
    io.stderr.write(
      `[touchpoint] attribution: no events in ${positionals.join(', ')}; give the collector's data directory ` +
        `(its events-*.ndjson files), NDJSON files or ChannelAttribution *.csv files.\n`,
    );
  }
  for (const text of shown) io.stderr.write(`[touchpoint] attribution: ${text}\n`);
  if (invalid) {
    const more = invalid - shown.length;
    const hidden = more ? ` (${more} more not shown)` : '';
    io.stderr.write(
      `[touchpoint] attribution: skipped ${invalid} lines in all${hidden}; every other event was analyzed.\n`,
    );
  }
  const currencies = Object.keys(result.journeys?.currencies ?? {}).sort();
  if (currencies.length > 1) {
    io.stderr.write(
      `[touchpoint] attribution: conversion values in ${currencies.map((c) => c || 'no currency').join(', ')} ` +
        `were added up as they are; pass --currency ${currencies.find(Boolean)} (for example) to keep one.\n`,
    );
  }
  const chunks = batched(renderReportChunks(result, format));
  if (v.out) {
    const out = v.out;
    const file = await open(out, 'w').catch((cause: unknown) => {
      throw new Error(
        `[touchpoint] attribution: cannot write ${out}; check that its directory exists and is writable.`,
        { cause },
      );
    });
    try {
      for (const text of chunks) await file.write(text);
    } finally {
      await file.close();
    }
  } else {
    for (const text of chunks) {
      // Wait while a slow reader (a pipe) has not taken the last piece, so pieces do not pile up in memory.
      if (io.stdout.write(text) === false && io.stdout.once)
        await new Promise<void>((ok) => io.stdout.once!('drain', ok));
    }
  }
  return 0;
}

/** Joins small pieces of output into writes of about 1 MiB. */
function* batched(pieces: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length < 1 << 20) continue;
    yield buffer;
    buffer = '';
  }
  if (buffer) yield buffer;
}

function integer(text: string, flag: string): number {
  if (!/^\d+$/.test(text))
    throw new Error(`[touchpoint] attribution: ${flag} ${text} is not a whole number.`);
  return Number(text);
}

function lookback(specs: string[]): Partial<Record<TouchClass, number>> {
  const out: Partial<Record<TouchClass, number>> = {};
  for (const part of specs.flatMap((s) => s.split(','))) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      const ms = parseDuration(part, '--lookback');
      Object.assign(out, { click: ms, visit: ms, impression: ms });
      continue;
    }
    const kind = part.slice(0, eq).trim();
    if (kind !== 'click' && kind !== 'visit' && kind !== 'impression') {
      throw new Error(
        `[touchpoint] attribution: --lookback ${part}: the kind must be click, visit or impression.`,
      );
    }
    out[kind] = parseDuration(part.slice(eq + 1), '--lookback');
  }
  return out;
}

function weights(text: string): readonly [number, number, number] {
  return checkPositionWeights(text.split(',').map(Number), `--position-weights ${text}`);
}
