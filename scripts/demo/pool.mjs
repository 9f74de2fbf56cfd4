/**
 * Runs `task(item, worker)` for every item with at most `limit` running at once (`worker` is the index of
 * the worker running it, for per-worker resources); rejects with the first failure after the running
 * tasks have ended.
 * @template T
 * @param {T[]} items
 * @param {number} limit
 * @param {(item: T, worker: number) => Promise<void>} task
 */
export async function runPool(items, limit, task) {
  let next = 0;
  let failure;
  const worker = async (_, index) => {
    while (next < items.length && !failure) {
      const item = items[next++];
      try {
        await task(item, index);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure;
}
