import type { ConversionEvent, JournalTouch } from '@touchpoint/protocol';
import type { TouchpointPlugin, TrackerHost } from './plugin.js';
import { load, save } from './store.js';

/** Options of {@link journal}. */
export interface JournalOptions {
  /**
   * How long a click id counts after the click, ms. Past it, the touch leaves the recent list.
   * @default 7776000000 (90 days, Google Ads' longest click-through window)
   */
  clickIdTtlMs?: number;
  /**
   * How long any recent touch is kept, ms.
   * @default 7776000000 (90 days)
   */
  maxAgeMs?: number;
  /**
   * How many recent touches are kept (oldest dropped first).
   * @default 10
   */
  limit?: number;
}

export const DEFAULT_CLICK_ID_TTL_MS = 90 * 24 * 3600 * 1000;
export const DEFAULT_JOURNAL_MAX_AGE_MS = DEFAULT_CLICK_ID_TTL_MS;
export const DEFAULT_JOURNAL_LIMIT = 10;
const JOURNAL_KEY = 'journal';

type Journal = NonNullable<ConversionEvent['journal']>;
/** Stored with the anonymous id it belongs to (not sent). */
type Stored = Journal & { aid?: string };

/**
 * The browser's own memory of how this person arrived: the first touch ever, the last non-direct touch,
 * and the recent touches (with click ids and their expiry), kept in localStorage across visits and
 * started over for a new anonymous id (`reset()`, or one adopted from another domain). It learns
 * from every `page` event that carries a `touchpoint` (see `campaign`) and attaches itself as `journal` to
 * every `conversion`, so a conversion carries its own path before any backend joins events.
 */
export function journal(options: JournalOptions = {}): TouchpointPlugin {
  const ttl = options.clickIdTtlMs ?? DEFAULT_CLICK_ID_TTL_MS;
  const maxAge = options.maxAgeMs ?? DEFAULT_JOURNAL_MAX_AGE_MS;
  const limit = options.limit ?? DEFAULT_JOURNAL_LIMIT;
  let state: Stored = {};
  let host: TrackerHost | undefined;
  // Not yet written (storage waits for consent): retried on every event and when the page is hidden or left.
  let dirty = false;
  const persist = (): void => {
    if (dirty) dirty = !save(JOURNAL_KEY, state, host);
  };

  const prune = (now: number): JournalTouch[] =>
    (state.recent ?? []).filter((t) => t.ts > now - maxAge && (t.expiresAt ?? Infinity) > now).slice(-limit);

  return {
    name: 'journal',
    start(h) {
      host = h;
      state = load<Stored>(JOURNAL_KEY, {});
    },
    stop() {},
    flush: persist,
    enrich(event) {
      // One person's journal: a new anonymous id (`reset()`) starts a new one, one this tab joined keeps it.
      // One stored without an id (by an older version) is kept.
      if (state.aid !== event.anonymousId) {
        if (state.aid && !host?.joined?.(state.aid)) state = {};
        state.aid = event.anonymousId;
        dirty = true;
      }
      if (event.type === 'page' && event.touchpoint) {
        const touch: JournalTouch = { ...event.touchpoint, ts: event.ts };
        const direct = touch.kind === 'direct';
        if (touch.clickId) touch.expiresAt = event.ts + ttl;
        const recent = prune(event.ts);
        // Repeated direct visits say nothing new; keep the list for touches that do.
        if (!direct || recent.at(-1)?.kind !== 'direct') recent.push(touch);
        state.first ??= touch;
        state.lastNonDirect = direct ? state.lastNonDirect : touch;
        state.recent = recent.slice(-limit);
        dirty = true;
      } else if (event.type === 'conversion' && state.first) {
        const { aid, ...journal } = state;
        event.journal = { ...journal, recent: prune(event.ts) };
      }
      persist();
    },
  };
}
