/** Name of the Web Lock (and localStorage lease) that makes one tab of the origin the sender. */
export const SENDER_LOCK_NAME = 'touchpoint-sender';
/** A fallback lease older than this is considered abandoned (its tab died mid-send). */
export const LEASE_MS = 30_000;

const me = Math.random().toString(36).slice(2);

/**
 * Runs `job` only if this tab can become the sender now; resolves false without running it when another
 * tab is sending. Uses the Web Locks API (`ifAvailable`: never wait, the other tab sends our events
 * too since the queue is shared). Without it, a localStorage lease with an expiry; without storage,
 * runs (a page without storage has no tabs to share a queue with).
 *
 * @see https://developer.mozilla.org/docs/Web/API/LockManager/request
 */
export async function withSenderLock(job: () => Promise<void>): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks?.request) {
    return locks.request(SENDER_LOCK_NAME, { ifAvailable: true }, async (lock) => {
      if (!lock) return false;
      await job();
      return true;
    });
  }
  const key = `tp_${SENDER_LOCK_NAME}`;
  let storage: Storage | undefined;
  try {
    storage = localStorage;
    const [owner, expiry] = (storage.getItem(key) ?? '').split(':');
    if (owner && owner !== me && Number(expiry) > Date.now()) return false;
    storage.setItem(key, `${me}:${Date.now() + LEASE_MS}`);
    // Another tab may have written in between: the last writer wins, the other backs off.
    if (!storage.getItem(key)?.startsWith(me + ':')) return false;
  } catch {
    storage = undefined;
  }
  try {
    await job();
  } finally {
    try {
      if (storage?.getItem(key)?.startsWith(me + ':')) storage.removeItem(key);
    } catch {
      // storage went away; the lease expires on its own
    }
  }
  return true;
}
