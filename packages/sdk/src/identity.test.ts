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

  it("identify in one tab reaches the site's other tabs with their next event", () => {
    // A login in one tab logs in the site's other tabs too (its session cookie is shared): their events
    // went on without the user id until their next page.
    const a = createIdentity(60_000, true);
    const b = createIdentity(60_000, true);
    expect(b.context(1_000).userId).toBeUndefined();
    a.identify('u1');
    expect(b.context(2_000)).toMatchObject({ anonymousId: a.peek(), userId: 'u1' });
    a.identify('u2'); // another account, without a logout
    expect(b.context(3_000).userId).toBe('u2');
    // A tab that stores nothing (consent pending) reads nothing either.
    const waiting = createIdentity(60_000, false);
    expect(waiting.context(4_000).userId).toBe('u2'); // read once at start, as before
    a.identify('u3');
    expect(waiting.context(5_000).userId).toBe('u2');
    // A login here that storage refused (full) is not undone by the stale stored id.
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    b.identify('u4');
    expect(b.context(6_000).userId).toBe('u4');
    setItem.mockRestore();
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

  describe('two tabs pending, consent granted in one', () => {
    it('the other joins its person and session instead of replacing them', () => {
      const a = createIdentity(60_000, false);
      const b = createIdentity(60_000, false);
      const temporary = b.context(500);
      // Nothing stored yet: each tab made ids of its own.
      expect(a.peek()).not.toBe(b.peek());
      a.persist(true); // granted in tab A
      const first = a.context(1_000);
      b.persist(true); // tab B follows the choice
      expect(b.peek()).toBe(first.anonymousId);
      expect(b.context(2_000).sessionId).toBe(first.sessionId);
      expect(localStorage.getItem(ANONYMOUS_ID_KEY)).toBe(first.anonymousId);
      // Tab A keeps its person: it was not overwritten.
      expect(a.context(3_000).anonymousId).toBe(first.anonymousId);
      // What tab B's plugins kept under its temporary ids carries over; tab A gave up nothing.
      expect(b.joined(temporary.anonymousId)).toBe(true);
      expect(b.joined(temporary.sessionId)).toBe(true);
      expect(a.joined(temporary.anonymousId)).toBe(false);
    });

    it('keeps the user id the waiting tab was given, when the stored person has none', () => {
      const a = createIdentity(60_000, false);
      const b = createIdentity(60_000, false);
      b.identify('u1');
      a.persist(true);
      b.persist(true);
      expect(b.context(1_000)).toMatchObject({ anonymousId: a.peek(), userId: 'u1' });
      expect(localStorage.getItem('tp_uid')).toBe('u1');
    });

    it('an id handed over from another domain, or a logout in the waiting tab, wins instead', () => {
      const a = createIdentity(60_000, false);
      const handedOver = createIdentity(60_000, false);
      handedOver.adopt('0190a5b2-0000-7000-8000-00000000000b');
      a.persist(true);
      handedOver.persist(true);
      expect(handedOver.peek()).toBe('0190a5b2-0000-7000-8000-00000000000b');
      expect(localStorage.getItem(ANONYMOUS_ID_KEY)).toBe('0190a5b2-0000-7000-8000-00000000000b');
      expect(a.context(1_000).anonymousId).toBe('0190a5b2-0000-7000-8000-00000000000b'); // A follows

      const loggedOut = createIdentity(60_000, false);
      loggedOut.reset();
      loggedOut.persist(true);
      expect(loggedOut.peek()).not.toBe(a.peek());
      expect(loggedOut.joined(a.peek())).toBe(false);
    });

    it("a returning visitor's tab that waited follows a logout made in the other, without the old user id", () => {
      localStorage.setItem(ANONYMOUS_ID_KEY, '0190a5b2-0000-7000-8000-00000000000c');
      localStorage.setItem('tp_uid', 'u1');
      const a = createIdentity(60_000, false); // consent asked again: pending, with the stored ids
      const b = createIdentity(60_000, false);
      a.context(500);
      b.reset(); // logout in tab B
      b.persist(true); // granted there
      a.persist(true); // tab A follows
      expect(a.context(1_000)).toMatchObject({ anonymousId: b.peek(), userId: undefined });
      expect(localStorage.getItem('tp_uid')).toBeNull();
    });

    it("keeps the waiting tab's own user id over the stored person's", () => {
      const a = createIdentity(60_000, false);
      const b = createIdentity(60_000, false);
      a.identify('u1');
      b.identify('u2');
      a.persist(true);
      b.persist(true);
      expect(b.context(1_000)).toMatchObject({ anonymousId: a.peek(), userId: 'u2' });
    });

    it('a tab that recorded nothing gave up no session; one known by the cookie joins the session', () => {
      const a = createIdentity(60_000, false);
      const quiet = createIdentity(60_000, false);
      a.persist(true);
      a.context(1_000);
      quiet.persist(true);
      expect(quiet.joined(undefined as never)).toBe(false);
      localStorage.clear();
      // Returning visitor known by the cookie only: both tabs start with its id, each with a session.
      document.cookie = `${ANONYMOUS_ID_KEY}=0190a5b2-0000-7000-8000-00000000000d; path=/`;
      const c = createIdentity(60_000, false);
      const d = createIdentity(60_000, false);
      const own = d.context(2_000);
      c.persist(true);
      const shared = c.context(2_500);
      d.persist(true);
      expect(d.context(3_000).sessionId).toBe(shared.sessionId);
      expect(d.joined(own.sessionId)).toBe(true);
    });

    it('a tab already storing that is granted again follows a logout elsewhere, without the old user id', () => {
      const a = createIdentity(60_000, true);
      a.identify('u1');
      const b = createIdentity(60_000, true);
      b.reset(); // logout in tab B
      a.persist(true); // the consent tool grants again on tab A
      expect(a.context(1_000)).toMatchObject({ anonymousId: b.peek(), userId: undefined });
    });
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
