/** How long no batch request may be under way before a visit counts as delivered. */
const QUIET_MS = 100;
/** Give up waiting after this long; the events stay in the browser's queue and are reported as unsent. */
const MAX_WAIT_MS = 5_000;

const isBatch = (request) => request.url().includes('/v1/batch');

/**
 * Watches a browser context's requests to the collector, so a visit can end only once the SDK's batches
 * have been answered: the demo closes the context afterwards, and a closed context keeps nothing.
 * @param {import('playwright-core').BrowserContext} context
 */
export function watchBatches(context) {
  let inFlight = 0;
  let lastChange = Date.now();
  let sent = 0;
  context.on('request', (request) => {
    if (!isBatch(request)) return;
    inFlight++;
    sent++;
    lastChange = Date.now();
  });
  const done = (request) => {
    if (!isBatch(request)) return;
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  return {
    /** Batch requests seen so far. */
    sent: () => sent,
    /** Resolves once no batch has been under way for a moment; false when it timed out. */
    async settle() {
      const deadline = Date.now() + MAX_WAIT_MS;
      while (Date.now() < deadline) {
        if (inFlight === 0 && Date.now() - lastChange >= QUIET_MS) return true;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return false;
    },
  };
}
