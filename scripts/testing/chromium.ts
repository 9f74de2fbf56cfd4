// Shared browser-test helper: launches Debian's Chromium through playwright-core (never a downloaded one).
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../demo/find-chromium.mjs';

// One list of launch flags for the tests, the benchmarks and the demo, defined beside the demo's browser finder.
export { CHROMIUM_ARGS };

/** Path of the Chromium binary: `TOUCHPOINT_CHROMIUM` or Debian's `/usr/bin/chromium`. */
export const chromiumPath = (): string => process.env.TOUCHPOINT_CHROMIUM ?? '/usr/bin/chromium';

/** Launches one headless Chromium; reuse it for a whole test file and close it in `afterAll`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
