#!/usr/bin/env node
// `pnpm report`: re-runs the attribution report (every model) on what the demo's collector stored.
import { parseArgs } from 'node:util';
import { runAttribution } from './demo/attribution.mjs';
import { DEFAULT_DATA_DIR, demoPaths } from './demo/paths.mjs';

const { values } = parseArgs({ options: { data: { type: 'string', default: DEFAULT_DATA_DIR } } });
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
