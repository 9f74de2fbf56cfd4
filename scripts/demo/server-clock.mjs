/**
 * The collector's clock in the demo (its `now` option). Browsers run on fake clocks set to each visit's
 * simulated time; events the collector makes itself (email opens and clicks) must carry that time too, so
 * a worker takes the clock, sets it for its pixel and redirect requests, and gives it back. Other requests
 * meanwhile only see their `receivedAt` shifted, which the demo does not use.
 */
export function createServerClock() {
  let at;
  let queue = Promise.resolve();
  return {
    /** The collector's `now`. */
    now: () => at ?? Date.now(),
    /**
     * Runs `task(setTime)` holding the clock: one worker at a time, real time again afterwards.
     * @template T
     * @param {(setTime: (time: number) => void) => Promise<T>} task
     * @returns {Promise<T>}
     */
    hold(task) {
      const run = queue.then(() => task((time) => (at = time))).finally(() => (at = undefined));
      queue = run.catch(() => {});
      return run;
    },
  };
}
