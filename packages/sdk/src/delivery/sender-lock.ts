import { local } from '../local-storage.js';

/**
 * Name of the Web Lock (and, after `tp_`, of the localStorage lease) that makes one tab the sender; the
 * collector URL follows it, so each collector's queue has its own sender.
 */
export const SENDER_LOCK_NAME = 'touchpoint-sender';
/** A fallback lease not renewed for this long is abandoned (its tab died mid-send). */
export const LEASE_MS = 30_000;
const me = Math.random().toString(36).slice(2);

/**
 * Runs `job` only if this tab can become the sender now; resolves false without running it when another
 * tab is sending. Uses the Web Locks API (`ifAvailable`: never wait, the other tab sends our events too
 * since the queue is shared). Where it is missing or refuses (an older browser, a page not served from a
 * secure context, a sandboxed frame), a localStorage lease with an expiry, renewed while the job runs.
 * Without the lease the job runs: a tab whose queue lives in memory (`shared` false: no other tab can see
 * its events, so none can send them twice), and a tab without storage (nothing tells the tabs apart, and
 * a resend is only a duplicate the collector drops).
 *
 * @see https://developer.mozilla.org/docs/Web/API/LockManager/request
 */
export async function withSenderLock(
  job: () => Promise<void>,
  shared: boolean,
  url: string,
): Promise<boolean> {
  const name = `${SENDER_LOCK_NAME} ${url}`;
  const leaseKey = 'tp_' + name;
  const mine = (): boolean | undefined => local('getItem', leaseKey)?.startsWith(me + ':');
  /** Writes this tab's lease; false when storage refuses (full, blocked). */
  const claim = (): boolean => {
    try {
      localStorage.setItem(leaseKey, `${me}:${Date.now() + LEASE_MS}`);
      return true;
    } catch {
      return false;
    }
  };
  let ran = false;
  try {
    return await navigator.locks.request(
      name,
      { ifAvailable: true },
      async (lock) => !!lock && ((ran = true), await job(), true),
    );
  } catch (error) {
    // Missing (`navigator.locks` undefined outside a secure context) or refused before the job ran (a
    // sandboxed frame: "Access to the Locks API is denied in this context"): the lease below, or else
    // nothing would ever be sent. A failed job fails as it is.
    if (ran) throw error;
  }
  if (!shared) return job().then(() => true);
  const [owner, expiry] = (local('getItem', leaseKey) ?? '').split(':');
  if (owner && owner !== me && +expiry! > Date.now()) return false;
  // Another tab may have written in between: the last writer wins, the other backs off. A lease that
  // cannot be written (storage full or blocked) must not stop every tab: run, at worst a duplicate.
  if (claim() && !mine()) return false;
  // A drain can outlast the lease (many batches, slow answers): renew it while it is still ours.
  const renew = setInterval(() => mine() && claim(), LEASE_MS / 3);
  try {
    await job();
  } finally {
    clearInterval(renew);
    if (mine()) local('removeItem', leaseKey);
  }
  return true;
}
