import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ANONYMOUS_ID_KEY, SESSION_KEY, createIdentity } from './identity.js';

describe('identity', () => {
  beforeEach(() => {
    localStorage.clear();
    document.cookie = `${ANONYMOUS_ID_KEY}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });

  it('keeps the anonymous id across page loads (localStorage, cookie as second copy)', () => {
    const a = createIdentity(1000, true).peek();
    expect(createIdentity(1000, true).peek()).toBe(a);
    localStorage.clear();
    expect(createIdentity(1000, true).peek()).toBe(a);
  });

  it('starts a new session after the inactivity timeout, shared through storage', () => {
    const id = createIdentity(5000, true);
    const first = id.context(10_000);
    expect(first.sessionIsNew).toBe(true);
    const second = id.context(10_900);
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.sessionIsNew).toBe(false);
    // another tab of the same site continues the same session
    expect(createIdentity(5000, true).context(11_500).sessionId).toBe(first.sessionId);
    const later = id.context(17_000);
    expect(later.sessionId).not.toBe(first.sessionId);
    expect(later.sessionIsNew).toBe(true);
  });

  it('identify sets the user id; reset makes a new anonymous person', () => {
    const id = createIdentity(1000, true);
    const before = id.context();
    id.identify('u1');
    expect(id.context().userId).toBe('u1');
    id.reset();
    const after = id.context();
    expect(after.userId).toBeUndefined();
    expect(after.anonymousId).not.toBe(before.anonymousId);
    expect(after.sessionId).not.toBe(before.sessionId);
  });

  it("reset in one tab moves the site's other tabs to the new person and session", () => {
    const a = createIdentity(60_000, true);
    const b = createIdentity(60_000, true);
    a.identify('u1');
    const old = b.context(1_000);
    a.reset(); // logout in tab A
    const fresh = a.context(2_000);
    const other = b.context(3_000);
    expect(other.anonymousId).toBe(fresh.anonymousId);
    expect(other.anonymousId).not.toBe(old.anonymousId);
    expect(other.userId).toBeUndefined();
    expect(other.sessionId).toBe(fresh.sessionId);
    // Tab B logging someone in does not bring the old anonymous id back.
    const c = createIdentity(60_000, true);
    c.reset();
    b.identify('u2');
    expect(localStorage.getItem(ANONYMOUS_ID_KEY)).toBe(c.peek());
    expect(b.context(4_000)).toMatchObject({ anonymousId: c.peek(), userId: 'u2' });
  });

  it('reset holds when storage refuses the write (full): the stale stored id is not followed back', () => {
    const items = new Map<string, string>();
    let full = false;
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (full) throw new DOMException('full', 'QuotaExceededError');
        items.set(k, v);
      },
      removeItem: (k: string) => items.delete(k),
    });
    try {
      const id = createIdentity(60_000, true);
      const before = id.context(1_000).anonymousId;
      full = true;
      id.reset();
      expect(id.context(2_000).anonymousId).not.toBe(before);
      expect(id.context(3_000).anonymousId).toBe(id.peek());
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('stores nothing without persistence, and forget removes what was stored', () => {
    const id = createIdentity(1000, false);
    id.context();
    expect(localStorage.getItem(ANONYMOUS_ID_KEY)).toBeNull();
    id.persist(true);
    expect(localStorage.getItem(ANONYMOUS_ID_KEY)).toBe(id.peek());
    id.context();
    id.forget();
    expect(localStorage.getItem(ANONYMOUS_ID_KEY)).toBeNull();
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
    expect(document.cookie).not.toContain(`${ANONYMOUS_ID_KEY}=0`);
  });
});
