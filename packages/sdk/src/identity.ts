import { uuidv7 } from '@touchpoint/protocol';
import { DELIVERY_ONLY } from './build-flags.js';
import { CONSENT_KEY } from './consent.js';
import { local } from './local-storage.js';
import type { TrackerContext } from './touchpoints/plugin.js';

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

/** The stored value of `key`, or undefined (none, or no storage). */
const stored = (key: string): string | undefined => local('getItem', key) ?? undefined;

/** Reads (no `value`) or writes the anonymous-id cookie (`''` removes it); an empty one counts as none. */
function cookie(value?: string): string | undefined {
  if (DELIVERY_ONLY) return undefined;
  try {
    if (value === undefined) return document.cookie.match(/(?:^|; )tp_aid=([^;]+)/)?.[1];
    document.cookie = `${ANONYMOUS_ID_KEY}=${value};path=/;max-age=${value ? COOKIE_MAX_AGE_S : 0};SameSite=Lax${location.protocol == 'https:' ? ';Secure' : ''}`;
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
  // The stored anonymous id as this tab last saw it: only a change by another tab is followed.
  let seen = stored(ANONYMOUS_ID_KEY);
  let anonymousId = seen ?? cookie() ?? uuidv7();
  let userId = stored(USER_ID_KEY);
  // The stored user id as this tab last saw it: only another tab's login is followed, not a stale copy
  // this tab failed to overwrite (storage full).
  let seenUser = userId;
  // The session: its id and when it last saw an event (this tab's or, through storage, another tab's).
  let sessionId: string | undefined;
  let last = 0;
  let written = 0;
  // This tab's person was chosen here (an id handed over from another domain, a `reset` at logout), not
  // made up while consent was pending: it wins over one another tab stored, instead of joining it.
  let chosen = false;
  // The ids this tab gave up to join the person another tab stored (see `persist`; `joined`).
  const left = DELIVERY_ONLY ? undefined! : new Set<string | undefined>();

  const save = (): void => {
    if (!persist) return;
    local('setItem', ANONYMOUS_ID_KEY, anonymousId);
    seen = stored(ANONYMOUS_ID_KEY);
    cookie(anonymousId);
    if (userId) local('setItem', USER_ID_KEY, userId);
    if (!DELIVERY_ONLY) seenUser = stored(USER_ID_KEY);
    if (sessionId) local('setItem', SESSION_KEY, `${sessionId}:${last}`);
  };
  save();
  // Another tab may have started a new person (`reset`, a cross-domain handover): follow it, with its
  // user id and a session of its own, rather than mix the two people's ids. A stored id this tab could
  // not overwrite (storage full) is not a change, and must not undo this tab's own reset. A login there
  // (`identify`, same person) is followed too, in the full builds: the site's session is shared by its tabs.
  const follow = (): void => {
    const id = persist && stored(ANONYMOUS_ID_KEY);
    if (id && id !== seen) {
      seen = anonymousId = id;
      userId = stored(USER_ID_KEY);
      sessionId = undefined;
    } else if (!DELIVERY_ONLY && id) {
      const user = stored(USER_ID_KEY);
      if (user !== seenUser) userId = (seenUser = user) ?? userId;
    }
  };
  /** A new anonymous person: new anonymous id and session, no user id. */
  const reset = (): void => {
    anonymousId = uuidv7();
    userId = sessionId = undefined;
    local('removeItem', USER_ID_KEY);
    local('removeItem', SESSION_KEY);
    save();
  };

  return {
    /** The current ids; touches the session clock (call it when recording an event). */
    context(now = Date.now()): TrackerContext {
      follow();
      // Another tab may have moved the session on: read the shared copy first.
      const [id, at] = (stored(SESSION_KEY) ?? '').split(':');
      if (id && (!sessionId || +at! > last)) {
        sessionId = id;
        last = +at!;
      }
      const sessionIsNew = !sessionId || now - last > timeoutMs;
      if (sessionIsNew) sessionId = uuidv7(now);
      last = now;
      if (persist && (sessionIsNew || now - written >= SESSION_WRITE_INTERVAL_MS)) {
        written = now;
        local('setItem', SESSION_KEY, `${sessionId}:${now}`);
      }
      // The core script has no plugins to tell a session start (and would only strip it off each event).
      return DELIVERY_ONLY
        ? ({ anonymousId, sessionId: sessionId!, userId } as TrackerContext)
        : { anonymousId, sessionId: sessionId!, userId, sessionIsNew };
    },
    /** The current anonymous id (touches nothing). */
    peek: () => anonymousId,
    identify(id: string): void {
      follow();
      userId = id;
      save();
    },
    reset(): void {
      chosen = true;
      reset();
    },
    /**
     * Starts or stops storing (consent granted or not). A tab that kept ids of its own making in memory
     * (consent pending) joins, when it starts, the person another tab stored meanwhile (granted there
     * first), rather than overwrite it and make that tab change person mid-visit; its own user id, if any,
     * stays. An id handed over from another domain, or a `reset()` made here, wins instead. A tab whose
     * ids were the stored ones (a returning visitor) follows what is stored now, a logout included. (The
     * core script has neither handover nor plugin state to carry over: see `joined`.)
     */
    persist(on: boolean): void {
      const waited = !persist;
      // Ids made up here while waiting, not the stored person's (which another tab may have reset since).
      const mine = anonymousId !== seen;
      persist = on;
      // Before writing: a tab already storing follows another tab's changes first (as context() does), or
      // it would write its old ids over them (a logout there undone by a consent tool granting again here).
      if (on && !(waited && chosen)) {
        const id = anonymousId;
        const session = sessionId;
        const user = userId;
        follow();
        if (waited && mine) {
          userId = user ?? userId;
          if (!DELIVERY_ONLY && (anonymousId !== id || sessionId !== session))
            left.add(id).add(session || id);
        }
      }
      save();
    },
    /**
     * Full builds only (the core script has no handover, and no plugins): `adopt` takes an anonymous id
     * handed over from another domain of the site (`tp_aid`); `joined(id)` says whether `id` is an
     * anonymous or session id this tab gave up by joining (not a `reset`): the capture plugins carry their
     * state over.
     */
    ...((!DELIVERY_ONLY && {
      /** Adopts an anonymous id handed over from another domain of the site (`tp_aid`; full builds). */
      adopt(id: string): void {
        anonymousId = id;
        chosen = true;
        save();
      },
      joined: (id: string): boolean => left.has(id),
    }) as {
      adopt(id: string): void;
      joined(id: string): boolean;
    }),
    /**
     * Consent denied: forgets the ids here (a later grant starts a new anonymous person rather than store
     * the removed ids again) and removes every `tp_*` key and the cookie but the consent choice (capture
     * plugins keep their state there too).
     */
    forget(): void {
      persist = false;
      chosen = false;
      reset();
      // The core script stores no other key but the consent choice (and a sending lease without personal
      // data). Capture plugins' keys, from full-script pages of the site, go when the next such page starts
      // denied.
      if (DELIVERY_ONLY) return void local('removeItem', ANONYMOUS_ID_KEY);
      try {
        for (const key of Object.keys(localStorage))
          if (key.startsWith('tp_') && key !== CONSENT_KEY) localStorage.removeItem(key);
      } catch {
        // no storage, nothing stored
      }
      cookie('');
    },
  };
}

export type Identity = ReturnType<typeof createIdentity>;
