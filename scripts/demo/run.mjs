import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createCollector, pixelUrl, redirectUrl } from '../../packages/collector/dist/index.js';
import { runAttribution } from './attribution.mjs';
import { formatSummary, summarizeEvents } from './event-summary.mjs';
import { CHROMIUM_ARGS } from './find-chromium.mjs';
import { demoPaths, ROOT } from './paths.mjs';
import { planVisitors } from './plan.mjs';
import { runPool } from './pool.mjs';
import { createProgress } from './progress.mjs';
import { createServerClock } from './server-clock.mjs';
import { serveStatic } from './static-server.mjs';
import { closeDevices, runPerson } from './visit.mjs';

/**
 * @typedef {object} DemoOptions
 * @property {number} visitors     people to simulate
 * @property {number} concurrency  browser contexts at once
 * @property {number} days         simulated period, ending now
 * @property {number} seed
 * @property {string} dataDir
 * @property {string} chromiumPath
 */

/** Starts the collector and the storefront; both stay up until `close()`. */
export async function startServers(paths, secret, serverClock = createServerClock()) {
  const collector = await createCollector({
    dataDir: paths.events,
    // Visitors live on fake clocks over past days: store their times as sent, and stamp the email opens and
    // clicks the collector records itself at the simulated time too.
    clockCorrection: false,
    now: serverClock.now,
    redirectSecret: secret,
    onError: (message, error) => console.error(message, error),
  });
  const collectorUrl = await collector.listen(0, '127.0.0.1');
  const shop = await serveStatic({
    root: join(ROOT, 'examples/storefront'),
    files: { '/touchpoint.min.js': join(ROOT, 'packages/sdk/dist/touchpoint.min.js') },
    replacements: () => {
      const email = { campaign: 'spring-letter', message: 'issue-web', recipient: 'r-web-reader' };
      return {
        '%TOUCHPOINT_ENDPOINT%': `${collectorUrl}/v1/batch`,
        '%EMAIL_LINK%': redirectUrl(collectorUrl, {
          target: `${shop.url}/product.html?sku=poster&utm_source=newsletter&utm_medium=email&utm_campaign=spring-letter`,
          email,
          secret,
        }),
        '%EMAIL_PIXEL%': pixelUrl(collectorUrl, { ...email, secret }),
      };
    },
  });
  return {
    collector,
    collectorUrl,
    shopUrl: shop.url,
    close: async () => {
      await shop.close();
      await collector.close();
    },
  };
}

/**
 * The whole loop: fresh store, servers, simulated visitors in real Chromium, stored-event summary and the
 * attribution report. Returns the servers (still running) and what it found.
 * @param {DemoOptions} options
 */
export async function runDemo(options) {
  const paths = demoPaths(options.dataDir);
  await rm(paths.dataDir, { recursive: true, force: true });
  await mkdir(paths.events, { recursive: true });
  const secret = randomBytes(24).toString('base64url');
  const serverClock = createServerClock();
  const servers = await startServers(paths, secret, serverClock);
  const log = (line) => process.stderr.write(`[touchpoint] demo: ${line}\n`);
  log(`collector ${servers.collectorUrl} (NDJSON in ${paths.events})`);
  log(`storefront ${servers.shopUrl}`);

  const people = planVisitors({
    count: options.visitors,
    seed: options.seed,
    now: Date.now(),
    days: options.days,
    shop: servers.shopUrl,
  });
  const visits = people.reduce((n, person) => n + person.visits.length, 0);
  log(
    `simulating ${people.length} visitors (${visits} visits over ${options.days} days) in headless Chromium`,
  );

  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    // No internet needed or wanted: share popups and referrer sites resolve nowhere.
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const progress = createProgress({
    people: people.length,
    stored: () => servers.collector.metrics().accepted,
  });
  const env = {
    browser,
    shop: servers.shopUrl,
    collector: servers.collectorUrl,
    secret,
    serverClock,
    count: progress.count,
  };
  // Each worker keeps its browser contexts ("devices") and wipes them between people.
  const devices = Array.from({ length: options.concurrency }, () => ({}));
  try {
    await runPool(people, options.concurrency, (person, worker) => runPerson(person, env, devices[worker]));
  } finally {
    progress.done();
    await Promise.all(devices.map(closeDevices));
    await browser.close();
  }
  if (progress.counts.unsettled)
    log(`${progress.counts.unsettled} visits ended with batches still unanswered`);

  const summary = await summarizeEvents(paths.events);
  process.stdout.write('\n' + formatSummary(summary) + '\n\n');
  const report = await runAttribution(paths);
  return { servers, paths, summary, report, counts: progress.counts };
}
