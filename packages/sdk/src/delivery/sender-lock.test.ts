import { afterEach, describe, expect, it, vi } from 'vitest';
import { SENDER_LOCK_NAME, withSenderLock } from './sender-lock';

describe('withSenderLock', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs the job only when the Web Lock is free', async () => {
    const request = vi.fn(async (_name: string, _opts: LockOptions, cb: (lock: Lock | null) => unknown) =>
      cb(free ? ({ name: SENDER_LOCK_NAME, mode: 'exclusive' } as Lock) : null),
    );
    let free = true;
    vi.spyOn(navigator, 'locks', 'get').mockReturnValue({ request } as unknown as LockManager);
    const job = vi.fn(async () => {});
    expect(await withSenderLock(job)).toBe(true);
    free = false;
    expect(await withSenderLock(job)).toBe(false);
    expect(job).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]!.slice(0, 2)).toEqual([SENDER_LOCK_NAME, { ifAvailable: true }]);
  });

  it('without Web Locks (old browser, http: page) every tab sends: the collector drops resent ids', async () => {
    vi.spyOn(navigator, 'locks', 'get').mockReturnValue(undefined as unknown as LockManager);
    const job = vi.fn(async () => {});
    expect(await withSenderLock(job)).toBe(true);
    expect(job).toHaveBeenCalledTimes(1);
  });
});
