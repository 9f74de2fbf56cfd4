import { uuidv7 } from '@touchpoint/protocol';
import type { TrackerContext } from './touchpoints/plugin';

/** First-party storage keys (localStorage, and a cookie for the anonymous id). */
export const ANONYMOUS_ID_KEY = 'tp_aid';
export const USER_ID_KEY = 'tp_uid';
export const SESSION_KEY = 'tp_session';
/**
 * The shared session clock is written at most this often: a localStorage write costs tens of µs, and
 * a second's precision is plenty for a 30-minute timeout.
 */
export const SESSION_WRITE_INTERVAL_MS = 1000;
/** The anonymous-id cookie lives this long (and is renewed on every page). */
const COOKIE_MAX_AGE_S = 400 * 24 * 3600;

/** localStorage that may be missing or throwing (private modes, sandboxed frames, storage blocked). */
const storage = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      localStorage.setItem(key, value);
    } catch {
      // memory only for this page
    }
  },
  remove(key: string): void {
    try {
      localStorage.removeItem(key);
    } catch {
      // nothing stored
    }
  },
};

function cookie(name: string, value?: string, maxAge = COOKIE_MAX_AGE_S): string | undefined {
  try {
    if (value === undefined) return document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`))?.[1];
    document.cookie = `${name}=${value}; path=/; max-age=${maxAge}; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`;
  } catch {
    // cookies disabled
  }
  return undefined;
}

/**
 * Who and when: the anonymous id (localStorage, with a first-party cookie as a second copy, so either
 * surviving keeps the person), the user id after `identify`, and the session id, renewed after
 * `timeoutMs` of inactivity and shared by the site's tabs. `persist` false keeps everything in memory
 * (consent pending: nothing may be stored yet).
 */
export function createIdentity(timeoutMs: number, persist: boolean) {
  let anonymousId = storage.get(ANONYMOUS_ID_KEY) ?? cookie(ANONYMOUS_ID_KEY) ?? uuidv7();
  let userId = storage.get(USER_ID_KEY) ?? undefined;
  let session: { id: string; last: number; fresh: boolean } | undefined;
  let written = 0;

  const save = (): void => {
    if (!persist) return;
    storage.set(ANONYMOUS_ID_KEY, anonymousId);
    cookie(ANONYMOUS_ID_KEY, anonymousId);
    if (userId) storage.set(USER_ID_KEY, userId);
    if (session) storage.set(SESSION_KEY, `${session.id}:${session.last}`);
  };
  save();

  return {
    /** The current ids; touches the session clock (call it when recording an event). */
    context(now = Date.now()): TrackerContext {
      // Another tab may have moved the session on: read the shared copy first.
      const [id, last] = (storage.get(SESSION_KEY) ?? '').split(':');
      if (id && (!session || Number(last) > session.last)) session = { id, last: Number(last), fresh: false };
      if (!session || now - session.last > timeoutMs) session = { id: uuidv7(now), last: now, fresh: true };
      const ctx: TrackerContext = { anonymousId, sessionId: session.id, userId, sessionIsNew: session.fresh };
      session.last = now;
      session.fresh = false;
      if (persist && (ctx.sessionIsNew || now - written >= SESSION_WRITE_INTERVAL_MS)) {
        written = now;
        storage.set(SESSION_KEY, `${session.id}:${now}`);
      }
      return ctx;
    },
    peek: () => ({ anonymousId, userId, sessionId: session?.id }),
    identify(id: string): void {
      userId = id;
      save();
    },
    /** Adopts an anonymous id handed over from another domain of the site (`tp_aid`). */
    adopt(id: string): void {
      anonymousId = id;
      save();
    },
    /** A new anonymous person: new anonymous id and session, no user id. */
    reset(): void {
      anonymousId = uuidv7();
      userId = undefined;
      session = undefined;
      storage.remove(USER_ID_KEY);
      storage.remove(SESSION_KEY);
      save();
    },
    /** Starts or stops storing (consent granted or not). */
    persist(on: boolean): void {
      persist = on;
      save();
    },
    /** Removes every stored id (consent denied). */
    forget(): void {
      persist = false;
      for (const key of [ANONYMOUS_ID_KEY, USER_ID_KEY, SESSION_KEY]) storage.remove(key);
      cookie(ANONYMOUS_ID_KEY, '', 0);
    },
  };
}

export type Identity = ReturnType<typeof createIdentity>;
