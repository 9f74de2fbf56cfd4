import type { EventType, TouchpointEvent } from '@touchpoint/protocol';

/** The identities every event is stamped with. */
export interface TrackerContext {
  anonymousId: string;
  sessionId: string;
  userId?: string;
  /** True while the current session has recorded no event yet. */
  sessionIsNew: boolean;
}

/**
 * What a touchpoint plugin may ask of the tracker. The tracker adds the envelope (id, ts,
 * anonymousId, sessionId, userId, page), applies consent and middleware, and queues the event
 * durably; a plugin only says what happened.
 */
export interface TrackerHost {
  /**
   * Records an event of `type` with its type-specific fields (e.g. `{ ad }` for `ad_impression`).
   * Fields given here win over the tracker's defaults (a plugin may pass its own `page`).
   * Returns the recorded event, or undefined when consent or a middleware dropped it.
   */
  record(type: EventType, fields: Record<string, unknown>): TouchpointEvent | undefined;
  /** The current ids (touches the session clock, so call it when an event is about to be recorded). */
  context(): TrackerContext;
  /** Reports a runtime problem or notable state through the tracker's debug hook. Never throws. */
  report(kind: string, detail?: unknown): void;
  /**
   * The visitor's consent state. Plugins keep their own state (journal, session campaign) in storage only
   * while it is `granted`; before that they keep it in memory.
   */
  consent?(): 'pending' | 'granted' | 'denied';
  /**
   * Whether `id`, an anonymous or session id events of this tab carried before, was given up to join the
   * person another tab of the site stored (two tabs open while consent was pending): state kept under it
   * carries over to the current ids. A `reset()` is no join: its state starts over.
   */
  joined?(id: string): boolean;
}

/**
 * A source of touchpoints (pages, ads, email, social, vitals…). Every file in `touchpoints/` exports a
 * factory returning this shape. `start` must feature-detect what it uses and never throw into the page;
 * `stop` removes every listener and observer it added.
 */
export interface TouchpointPlugin {
  readonly name: string;
  start(host: TrackerHost): void;
  stop(): void;
  /**
   * Called for every event (from any source) after the envelope is filled and before middleware and
   * storage; may add fields (the campaign plugin adds the session's campaign, the journal adds itself
   * to conversions). Must be fast and must not throw.
   */
  enrich?(event: TouchpointEvent): void;
  /**
   * Called when the page is hidden or unloading, just before the tracker commits and sends its queue:
   * record now whatever the plugin was about to record later (a route change checked after the current
   * task), or it dies with the page.
   */
  flush?(): void;
  /**
   * Extra commands this plugin offers through the tracker's command surface, by name: the script tag
   * dispatches `touchpoint('trackAd', element, info)` to `commands.trackAd(element, info)`. A name the
   * tracker already has is not overridden.
   */
  readonly commands?: Readonly<Record<string, (...args: never[]) => unknown>>;
}
