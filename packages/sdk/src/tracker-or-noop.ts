import { noopTracker } from './noop-tracker.js';
import type { TrackerOptions } from './options.js';
import { resolveOptions } from './resolve-options.js';
import { createCoreTracker, type Features } from './tracker.js';
import type { Tracker } from './tracker-api.js';

/**
 * How many npm-created trackers run in this window. On the window, under a global symbol, so that a module
 * instance a hot reload made anew still sees the trackers of the old one.
 */
const RUNNING = Symbol.for('touchpoint.running');

/**
 * What both npm entries' `createTracker` do: a browser tracker with `features`, or, outside a browser (no
 * `window`/`document`, e.g. server-side rendering), a no-op tracker once the options are validated.
 *
 * A second tracker while one still runs is allowed (a page may feed two collectors), but its pages and
 * plugins record everything the first one does again, which is almost always a mistake: a tracker made in
 * a React effect without `shutdown()` in its cleanup, or a module re-run by hot reload. The console says so.
 */
export function trackerOrNoop(options: TrackerOptions, features: Features): Tracker {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    resolveOptions(options);
    return noopTracker();
  }
  const tracker = createCoreTracker(options, features);
  const count = window as unknown as Record<symbol, number>;
  if (count[RUNNING])
    console.warn(
      '[touchpoint] createTracker(): another tracker runs on this page; each counts every page. shutdown() the old one.',
    );
  count[RUNNING] = (count[RUNNING] ?? 0) + 1;
  const shutdown = tracker.shutdown;
  let running = true;
  // Counted out when shutdown() is called, not when its last flush ends: React's cleanup does not wait for
  // it (`() => void t.shutdown()`) before StrictMode's second run creates the next tracker.
  tracker.shutdown = () => {
    if (running) count[RUNNING]!--;
    running = false;
    return shutdown();
  };
  return tracker;
}
