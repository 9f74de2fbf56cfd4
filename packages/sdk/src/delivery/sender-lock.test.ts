import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LEASE_MS, SENDER_LOCK_NAME, withSenderLock } from './sender-lock.js';

const URL = 'https://c.example/v1/batch';
const NAME = `${SENDER_LOCK_NAME} ${URL}`;
const KEY = `tp_${NAME}`;

describe('withSenderLock', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.useRealTimers();
    localStorage.clear();
  });

  it('runs the job only when the Web Lock is free', async () => {
    const request = vi.fn(async (_name: string, _opts: LockOptions, cb: (lock: Lock | null) => unknown) =>
      cb(free ? ({ name: SENDER_LOCK_NAME, mode: 'exclusive' } as Lock) : null),
    );
    let free = true;
    vi.spyOn(navigator, 'locks', 'get').mockReturnValue({ request } as unknown as LockManager);
    const job = vi.fn(async () => {});
    expect(await withSenderLock(job, true, URL)).toBe(true);
    free = false;
    expect(await withSenderLock(job, true, URL)).toBe(false);
    expect(job).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]!.slice(0, 2)).toEqual([NAME, { ifAvailable: true }]);
  });

  it('falls back to the lease when the Web Locks API refuses (a sandboxed frame), but never runs a job twice', async () => {
    const denied = new DOMException('Access to the Locks API is denied in this context.', 'SecurityError');
    const request = vi.fn(async () => Promise.reject(denied));
    vi.spyOn(navigator, 'locks', 'get').mockReturnValue({ request } as unknown as LockManager);
    const job = vi.fn(async () => {});
    expect(await withSenderLock(job, true, URL)).toBe(true);
    expect(job).toHaveBeenCalledTimes(1);
    // A job that fails inside the lock fails once, as it is.
    request.mockImplementation((async (_n: string, _o: LockOptions, cb: (lock: Lock | null) => unknown) =>
      cb({} as Lock)) as never);
    const failing = vi.fn(async () => Promise.reject(new Error('boom')));
    await expect(withSenderLock(failing, true, URL)).rejects.toThrow('boom');
    expect(failing).toHaveBeenCalledTimes(1);
  });

  describe('without Web Locks: a localStorage lease', () => {
    beforeEach(() => {
      vi.spyOn(navigator, 'locks', 'get').mockReturnValue(undefined as unknown as LockManager);
    });

    it('holds the lease while the job runs and gives it back after', async () => {
      let during: string | null = null;
      expect(await withSenderLock(async () => void (during = localStorage.getItem(KEY)), true, URL)).toBe(
        true,
      );
      expect(during).toMatch(/^\w+:\d+$/);
      expect(localStorage.getItem(KEY)).toBeNull();
    });

    it("backs off while another tab's lease is live, takes over an expired one", async () => {
      const job = vi.fn(async () => {});
      localStorage.setItem(KEY, `other:${Date.now() + LEASE_MS}`);
      expect(await withSenderLock(job, true, URL)).toBe(false);
      expect(job).not.toHaveBeenCalled();
      localStorage.setItem(KEY, `other:${Date.now() - 1}`);
      expect(await withSenderLock(job, true, URL)).toBe(true);
      expect(job).toHaveBeenCalledTimes(1);
    });

    it('renews the lease during a job longer than the lease, and not once another tab took it', async () => {
      vi.useFakeTimers();
      let finish = () => {};
      const running = withSenderLock(() => new Promise<void>((resolve) => (finish = resolve)), true, URL);
      const expiry = () => Number(localStorage.getItem(KEY)!.split(':')[1]);
      const first = expiry();
      await vi.advanceTimersByTimeAsync(LEASE_MS);
      expect(expiry()).toBeGreaterThan(first);
      expect(expiry()).toBeGreaterThan(Date.now());
      localStorage.setItem(KEY, `other:${Date.now() + LEASE_MS}`);
      await vi.advanceTimersByTimeAsync(LEASE_MS);
      expect(localStorage.getItem(KEY)).toMatch(/^other:/);
      finish();
      expect(await running).toBe(true);
      // Not ours any more: left for its owner.
      expect(localStorage.getItem(KEY)).toMatch(/^other:/);
    });

    it("storage that refuses writes (full) does not let a closed tab's expired lease stop every tab", async () => {
      const data = new Map([[KEY, `closed:${Date.now() - LEASE_MS}`]]);
      vi.stubGlobal('localStorage', {
        getItem: (key: string) => data.get(key) ?? null,
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
        removeItem: (key: string) => void data.delete(key),
      });
      const job = vi.fn(async () => {});
      expect(await withSenderLock(job, true, URL)).toBe(true);
      expect(job).toHaveBeenCalledTimes(1);
    });

    it('without storage, every tab sends (a resend is only a duplicate the collector drops)', async () => {
      const blocked = () => {
        throw new Error('blocked');
      };
      vi.stubGlobal('localStorage', { getItem: blocked, setItem: blocked, removeItem: blocked });
      expect(() => localStorage.getItem(KEY)).toThrow('blocked');
      const job = vi.fn(async () => {});
      expect(await withSenderLock(job, true, URL)).toBe(true);
      expect(job).toHaveBeenCalledTimes(1);
    });
    it('backs off when another tab wrote its lease right after this one (the last writer sends)', async () => {
      const data = new Map<string, string>();
      vi.stubGlobal('localStorage', {
        getItem: (key: string) => data.get(key) ?? null,
        // Another tab's write lands between this tab's write and its read-back.
        setItem: (key: string) => void data.set(key, `other:${Date.now() + LEASE_MS}`),
        removeItem: (key: string) => void data.delete(key),
      });
      const job = vi.fn(async () => {});
      expect(await withSenderLock(job, true, URL)).toBe(false);
      expect(job).not.toHaveBeenCalled();
    });

    it('a tab whose queue is in memory needs no lease: no other tab can send its events', async () => {
      localStorage.setItem(KEY, `other:${Date.now() + LEASE_MS}`);
      const job = vi.fn(async () => {});
      expect(await withSenderLock(job, false, URL)).toBe(true);
      expect(job).toHaveBeenCalledTimes(1);
    });
  });
});
