import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SENDER_LOCK_NAME, withSenderLock } from './sender-lock';

describe('withSenderLock', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('runs the job only when the Web Lock is free', async () => {
    const request = vi.fn(async (_name: string, _opts: LockOptions, cb: (lock: Lock | null) => unknown) =>
      cb(free ? ({ name: SENDER_LOCK_NAME, mode: 'exclusive' } as Lock) : null),
    );
    let free = true;
    vi.spyOn(navigator, 'locks', 'get').mockReturnValue({ request } as unknown as LockManager);
    const job = vi.fn(async () => {});
    expect(await withSenderLock(job, true)).toBe(true);
    free = false;
    expect(await withSenderLock(job, true)).toBe(false);
    expect(job).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]!.slice(0, 2)).toEqual([SENDER_LOCK_NAME, { ifAvailable: true }]);
  });

  it('falls back to the visibility rule when the Web Locks API refuses (a sandboxed frame), but never runs a job twice', async () => {
    const denied = new DOMException('Access to the Locks API is denied in this context.', 'SecurityError');
    const request = vi.fn(async () => Promise.reject(denied));
    vi.spyOn(navigator, 'locks', 'get').mockReturnValue({ request } as unknown as LockManager);
    const job = vi.fn(async () => {});
    expect(await withSenderLock(job, true)).toBe(true);
    expect(job).toHaveBeenCalledTimes(1);
    // A job that fails inside the lock fails once, as it is.
    request.mockImplementation((async (_n: string, _o: LockOptions, cb: (lock: Lock | null) => unknown) =>
      cb({} as Lock)) as never);
    const failing = vi.fn(async () => Promise.reject(new Error('boom')));
    await expect(withSenderLock(failing, true)).rejects.toThrow('boom');
    expect(failing).toHaveBeenCalledTimes(1);
  });

  describe('without Web Locks: only a tab in view sends', () => {
    beforeEach(() => {
      vi.spyOn(navigator, 'locks', 'get').mockReturnValue(undefined as unknown as LockManager);
    });
    const visibility = (state: DocumentVisibilityState) =>
      vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);

    it('a visible tab sends', async () => {
      visibility('visible');
      const job = vi.fn(async () => {});
      expect(await withSenderLock(job, true)).toBe(true);
      expect(job).toHaveBeenCalledTimes(1);
    });

    it('a hidden tab leaves the shared queue to the tab in view (or the next page)', async () => {
      visibility('hidden');
      const job = vi.fn(async () => {});
      expect(await withSenderLock(job, true)).toBe(false);
      expect(job).not.toHaveBeenCalled();
    });

    it('a hidden tab whose queue is in memory still sends: no other tab can send its events', async () => {
      visibility('hidden');
      const job = vi.fn(async () => {});
      expect(await withSenderLock(job, false)).toBe(true);
      expect(job).toHaveBeenCalledTimes(1);
    });

    it('a failed job fails as it is, once', async () => {
      visibility('visible');
      const failing = vi.fn(async () => Promise.reject(new Error('boom')));
      await expect(withSenderLock(failing, true)).rejects.toThrow('boom');
      expect(failing).toHaveBeenCalledTimes(1);
    });
  });
});
