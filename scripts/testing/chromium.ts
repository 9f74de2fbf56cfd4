// Shared browser-test helper: launches a local Chromium through playwright-core (never a downloaded one),
// found and flagged exactly as the demo does it.
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../demo/find-chromium.mjs';

export { CHROMIUM_ARGS };

/** Path of the Chromium binary: `TOUCHPOINT_CHROMIUM`, else Debian's `/usr/bin/chromium`, else the PATH. */
export const chromiumPath = (): string => findChromium() ?? '/usr/bin/chromium';

/** Launches one headless Chromium; reuse it for a whole test file and close it in `afterAll`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
