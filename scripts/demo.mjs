#!/usr/bin/env node
// `pnpm demo`: builds the packages, starts a collector and the demo storefront, drives headless Chromium
// through simulated visitors, then prints the attribution report. `--help` lists the options.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { findChromium, CHROMIUM_HELP } from './demo/find-chromium.mjs';
import { buildIsStale } from './demo/build-state.mjs';
import { DEFAULT_DATA_DIR, ROOT, reportCommand } from './demo/paths.mjs';
import { MAX_SPREAD_DAYS } from './demo/plan.mjs';

const HELP = `Usage: pnpm demo [options]

  --visitors N      people to simulate (default 200)
  --concurrency N   browser contexts at once (default 3)
  --days N          simulated period ending now, more than 7 (default 14)
  --seed N          random seed; the same seed plays the same visitors (default 7)
  --data DIR        where events and reports go, wiped at start (default .data/demo)
  --no-serve        exit when done instead of keeping the collector and shop up
  --build           always run \`pnpm build\` first (default: only when a package changed since its build)
  --no-build        never run \`pnpm build\`
  -h, --help        this text`;

function positiveInt(name, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`[touchpoint] demo: --${name} must be a positive whole number, got "${value}"`);
  }
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      visitors: { type: 'string', default: '200' },
      concurrency: { type: 'string', default: '3' },
      days: { type: 'string', default: '14' },
      seed: { type: 'string', default: '7' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      'no-serve': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return void console.log(HELP);
  const options = {
    visitors: positiveInt('visitors', values.visitors),
    concurrency: positiveInt('concurrency', values.concurrency),
    days: positiveInt('days', values.days),
    seed: positiveInt('seed', values.seed),
    dataDir: values.data,
  };
  // Checked here, not only when the visitors are planned: by then the data folder is wiped and servers run.
  if (options.days <= MAX_SPREAD_DAYS) {
    throw new Error(`[touchpoint] demo: --days must be more than ${MAX_SPREAD_DAYS}, got ${options.days}`);
  }
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    console.error(CHROMIUM_HELP);
    process.exit(1);
  }
  if (values.build || (!values['no-build'] && buildIsStale())) {
    console.error('[touchpoint] demo: building the packages (pnpm build)…');
    // Not `pnpm -s build`: that hides the failing package's errors. Its output goes to stderr: stdout is the report.
    const build = spawnSync('pnpm', ['build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (build.status !== 0)
      throw new Error('[touchpoint] demo: `pnpm build` failed; fix the build error above');
  }
  // Loaded after the build: these import the built packages.
  const { runDemo } = await import('./demo/run.mjs');
  const { servers, paths, report } = await runDemo({ ...options, chromiumPath });
  console.log(report.table);
  console.log(`Report (terminal): ${paths.reportText}`);
  console.log(`Report (HTML):     ${paths.reportHtml}`);
  console.log(`Report (JSON):     ${paths.reportJson}`);
  console.log(
    `Stored events:     ${paths.events}   (${reportCommand(paths.dataDir)} re-runs the report on them)`,
  );
  if (values['no-serve']) return void (await servers.close());
  console.log(`\nStill running for you to explore (Ctrl+C stops them):`);
  console.log(`  storefront  ${servers.shopUrl}/`);
  console.log(`  collector   ${servers.collectorUrl}/healthz  ·  ${servers.collectorUrl}/metrics`);
  const stop = async () => {
    await servers.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  if (error?.cause) console.error(error.cause);
  process.exit(1);
});
