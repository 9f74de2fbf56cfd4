import { noopTracker } from './noop-tracker.js';
import type { TrackerOptions } from './options.js';
import { resolveOptions } from './resolve-options.js';
import { createCoreTracker, type Features } from './tracker.js';
import type { Tracker } from './tracker-api.js';

/**
 * What both npm entries' `createTracker` do: a browser tracker with `features`, or, outside a browser (no
 * `window`/`document`, e.g. server-side rendering), a no-op tracker once the options are validated.
 */
export function trackerOrNoop(options: TrackerOptions, features: Features): Tracker {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    resolveOptions(options);
    return noopTracker();
  }
  return createCoreTracker(options, features);
}
