import { chromium } from 'playwright-core';
import { readStoredEvents } from '../../packages/collector/dist/index.js';
import { CHROMIUM_ARGS, CHROMIUM_HELP, findChromium } from './find-chromium.mjs';

/** How long a test waits for events to reach the collector's store. */
const STORE_TIMEOUT_MS = 10_000;

/** Launches headless Chromium the way the demo does (no network beyond 127.0.0.1). */
export async function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_HELP);
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}

/**
 * Reads the collector's NDJSON store until `ready(events)` is true, and returns the events; throws with
 * what was stored when it does not happen in time.
 * @param {string} dataDir
 * @param {(events: any[]) => boolean} ready
 */
export async function waitForStored(dataDir, ready, timeoutMs = STORE_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = [];
    for await (const event of readStoredEvents(dataDir)) events.push(event);
    if (ready(events)) return events;
    if (Date.now() > deadline) {
      const summary = events.map((e) => `${e.type}${e.name ? ':' + e.name : ''}`).join(', ');
      throw new Error(
        `[touchpoint] test: the collector did not store the expected events in time; got [${summary}]`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
