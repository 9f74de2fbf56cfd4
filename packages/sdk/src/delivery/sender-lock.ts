/** Name of the Web Lock that makes one tab the sender. */
export const SENDER_LOCK_NAME = 'touchpoint-sender';

/**
 * Runs `job` only if this tab can become the sender now; resolves false without running it when another
 * tab is sending. Uses the Web Locks API (`ifAvailable`: never wait, the other tab sends our events too
 * since the queue is shared).
 *
 * Where it is missing or refuses (a page not served from a secure context, a sandboxed frame), the rule
 * is visibility: only a tab the visitor sees sends, so with one tab in view (the usual case) one tab
 * sends. A hidden tab loses nothing: its events wait in the shared queue for a visible tab or the next
 * page (and its unload already sent what fit). A tab whose queue lives in memory (`shared` false) always
 * sends: no other tab can see its events, so none can send them twice, and it would otherwise hold them
 * in memory alone. At worst (two windows in view) a resend is a duplicate the collector drops.
 *
 * @see https://developer.mozilla.org/docs/Web/API/LockManager/request
 */
export async function withSenderLock(job: () => Promise<void>, shared: boolean): Promise<boolean> {
  let ran = false;
  try {
    return await navigator.locks.request(
      SENDER_LOCK_NAME,
      { ifAvailable: true },
      async (lock) => !!lock && ((ran = true), await job(), true),
    );
  } catch (error) {
    // Missing (`navigator.locks` undefined outside a secure context) or refused before the job ran (a
    // sandboxed frame: "Access to the Locks API is denied in this context"): the rule above, or else
    // nothing would ever be sent. A failed job fails as it is.
    if (ran) throw error;
  }
  if (shared && document.visibilityState === 'hidden') return false;
  await job();
  return true;
}
