// Shared browser-test helper: launches Debian's Chromium through playwright-core (never a downloaded one).
import { chromium, type Browser } from 'playwright-core';

/** Flags for a quiet, deterministic headless Chromium in a container. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Path of the Chromium binary: `TOUCHPOINT_CHROMIUM` or Debian's `/usr/bin/chromium`. */
export const chromiumPath = (): string => process.env.TOUCHPOINT_CHROMIUM ?? '/usr/bin/chromium';

/** Launches one headless Chromium; reuse it for a whole test file and close it in `afterAll`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
