import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Names tried on the PATH, in order. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
/** Well-known install locations outside the PATH. */
const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** How to get a browser, printed when none is found. */
export const CHROMIUM_HELP = `[touchpoint] demo: no Chromium or Chrome found. Install one, or point TOUCHPOINT_CHROMIUM at it:
  Debian/Ubuntu:  sudo apt-get install -y chromium
  Fedora:         sudo dnf install -y chromium
  macOS:          brew install --cask chromium   (or install Google Chrome)
  any system:     TOUCHPOINT_CHROMIUM=/path/to/chrome pnpm demo`;

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a Chromium-family browser: `TOUCHPOINT_CHROMIUM` first (used as given, even if wrong, so a typo is
 * reported rather than silently replaced), then /usr/bin/chromium, then the PATH, then known install paths.
 * @returns {string | undefined}
 */
export function findChromium(env = process.env) {
  if (env.TOUCHPOINT_CHROMIUM) {
    if (executable(env.TOUCHPOINT_CHROMIUM)) return env.TOUCHPOINT_CHROMIUM;
    throw new Error(
      `[touchpoint] demo: TOUCHPOINT_CHROMIUM=${env.TOUCHPOINT_CHROMIUM} is not an executable file; fix the path or unset it`,
    );
  }
  if (executable(KNOWN_PATHS[0])) return KNOWN_PATHS[0];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) if (executable(join(dir, name))) return join(dir, name);
  }
  return KNOWN_PATHS.slice(1).find(executable);
}

/** Flags for a quiet headless run that makes no network calls of its own. */
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
