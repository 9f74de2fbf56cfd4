#!/usr/bin/env node
// `pnpm report`: re-runs the attribution report (every model) on what the demo's collector stored.
import { parseArgs } from 'node:util';
import { runAttribution } from './demo/attribution.mjs';
import { DEFAULT_DATA_DIR, demoPaths } from './demo/paths.mjs';

const HELP = `Usage: pnpm report [options]

  --data DIR   the demo's data folder (default .data/demo): reads DIR/events, writes DIR/report.*
  -h, --help   this text`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`[touchpoint] report: ${error.message} (see pnpm report --help)`);
  process.exit(1);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const paths = demoPaths(values.data);
try {
  const { table } = await runAttribution(paths);
  console.log(table);
  console.log(`Report (terminal): ${paths.reportText}`);
  console.log(`Report (HTML):     ${paths.reportHtml}`);
  console.log(`Report (JSON):     ${paths.reportJson}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
