/** Name of the Web Lock that makes one tab of the origin the sender. */
export const SENDER_LOCK_NAME = 'touchpoint-sender';

/**
 * Runs `job` only if this tab can become the sender now; resolves false without running it when another
 * tab is sending. Uses the Web Locks API (`ifAvailable`: never wait, the other tab sends our events
 * too since the queue is shared), in every browser the SDK targets since 2022. Without it (an older
 * browser, or a page not served over HTTPS, where `navigator.locks` is missing) every tab sends: safe,
 * since an event leaves the queue only after a 2xx and the collector drops ids it already has — at worst
 * a duplicate request, never a lost event.
 *
 * @see https://developer.mozilla.org/docs/Web/API/LockManager/request
 */
export async function withSenderLock(job: () => Promise<void>): Promise<boolean> {
  const run = async (lock: unknown): Promise<boolean> => {
    if (!lock) return false;
    await job();
    return true;
  };
  const locks = navigator.locks;
  return locks?.request ? locks.request(SENDER_LOCK_NAME, { ifAvailable: true }, run) : run(true);
}
