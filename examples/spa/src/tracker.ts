import { createTracker } from '@touchpoint/sdk';

/** Where a local collector listens: `npx touchpoint-collector --port 8787 --data ./data`. */
const LOCAL_ENDPOINT = 'http://127.0.0.1:8787/v1/batch';

/**
 * One tracker for the whole app. Its `pages` plugin records a page view on load and on every client-side
 * route change (pushState, popstate), so the router needs no Touchpoint code at all.
 * Set `VITE_TOUCHPOINT_ENDPOINT` at build time to send elsewhere.
 */
export const tracker = createTracker({
  endpoint: import.meta.env.VITE_TOUCHPOINT_ENDPOINT ?? LOCAL_ENDPOINT,
});
