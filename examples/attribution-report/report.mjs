#!/usr/bin/env node
// Reads the events a Touchpoint collector stored (NDJSON files or a folder of them), runs attribution models,
// prints a comparison and exports the report as HTML, CSV and JSON.
//
//   node report.mjs <events folder or .ndjson files…> [--out DIR] [--model NAME …] [--half-life 3d]
//
// Everything here is the public API of @touchpoint/attribution: analyze() reads, stitches identities,
// builds journeys and runs the models; renderReport() formats the result.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, parseDuration, renderReport } from '@touchpoint/attribution';

const USAGE =
  'Usage: node report.mjs <events folder or .ndjson files…> [--out DIR] [--model NAME …] [--half-life 3d]';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'report' },
      model: { type: 'string', multiple: true },
      'half-life': { type: 'string', default: '7d' },
      help: { type: 'boolean' },
    },
  });
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length === 0) {
  console.error(USAGE);
  process.exit(1);
}

const report = await analyze(positionals, {
  // Every model unless some are named: first_touch, last_touch, linear, markov, shapley, …
  models: values.model ?? 'all',
  // Time decay: a touch a half-life older than the conversion counts half as much.
  halfLife: parseDuration(values['half-life']),
});

// 1. The full comparison, as the CLI prints it.
console.log(renderReport(report, 'table'));

// 2. Use the numbers directly: which channel does each model rank first?
const { conversions, value } = report.totals;
console.log(`${conversions} conversions worth ${value} in ${report.totals.paths} distinct paths`);
for (const model of report.models) {
  const [top] = [...model.channels].sort((a, b) => b.conversions - a.conversions);
  if (top)
    console.log(`  ${model.model.padEnd(16)} credits ${top.channel} most (${(top.share * 100).toFixed(1)}%)`);
}

// 3. Export for people and for other tools.
await mkdir(values.out, { recursive: true });
await writeFile(join(values.out, 'report.html'), renderReport(report, 'html'));
await writeFile(join(values.out, 'report.csv'), renderReport(report, 'csv'));
await writeFile(join(values.out, 'report.json'), renderReport(report, 'json'));
console.log(`Wrote ${join(values.out, 'report.html')}, report.csv and report.json`);
