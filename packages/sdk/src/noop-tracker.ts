import type { Tracker } from './tracker-api.js';

/**
 * The tracker returned outside a browser (server-side rendering, tests in Node): every method does
 * nothing, so shared code can call it unconditionally.
 */
export function noopTracker(): Tracker {
  const none = (): undefined => undefined;
  return {
    page: none,
    track: none,
    identify: none,
    conversion: none,
    record: none,
    consent: none,
    flush: async () => {},
    reset: none,
    shutdown: async () => {},
    anonymousId: () => '',
    survey: none,
    howDidYouHear: () => () => {},
    trackAd: none,
    stats: () => ({
      requests: 0,
      sent: 0,
      duplicates: 0,
      rejected: 0,
      dropped: 0,
      consent: 'pending',
      storage: 'memory',
      queued: 0,
    }),
  };
}
