// Test helper (not shipped): a TrackerHost that behaves like the tracker's pipeline for plugins:
// it fills the envelope, runs every plugin's enrich, calls their flush when the page is hidden or left
// (as the tracker does), and keeps what was recorded.
import { uuidv7, type EventType, type TouchpointEvent } from '@touchpoint/protocol';
import type { TouchpointPlugin, TrackerContext, TrackerHost } from './plugin.js';

export interface FakeHost extends TrackerHost {
  events: TouchpointEvent[];
  reports: Array<[string, unknown]>;
  ctx: TrackerContext;
  /** Starts the plugins against this host. */
  start(...plugins: TouchpointPlugin[]): void;
  stop(): void;
  of<T extends EventType>(type: T): Array<Extract<TouchpointEvent, { type: T }>>;
}

export function fakeHost(): FakeHost {
  const plugins: TouchpointPlugin[] = [];
  const lifecycle = (event: Event): void => {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden')
      for (const plugin of plugins) plugin.flush?.();
  };
  const host: FakeHost = {
    events: [],
    reports: [],
    ctx: { anonymousId: 'a1', sessionId: 's1', sessionIsNew: true },
    record(type, fields) {
      const event = {
        id: uuidv7(),
        type,
        ts: Date.now(),
        anonymousId: host.ctx.anonymousId,
        sessionId: host.ctx.sessionId,
        page: { url: location.href, path: location.pathname, referrer: document.referrer || undefined },
        ...fields,
      } as TouchpointEvent;
      for (const plugin of plugins) plugin.enrich?.(event);
      host.ctx.sessionIsNew = false;
      host.events.push(event);
      return event;
    },
    context: () => host.ctx,
    report(kind, detail) {
      host.reports.push([kind, detail]);
    },
    start(...list) {
      if (!plugins.length) {
        document.addEventListener('visibilitychange', lifecycle);
        addEventListener('pagehide', lifecycle);
      }
      plugins.push(...list);
      for (const plugin of list) plugin.start(host);
    },
    stop() {
      document.removeEventListener('visibilitychange', lifecycle);
      removeEventListener('pagehide', lifecycle);
      for (const plugin of plugins.splice(0)) plugin.stop();
    },
    of: (type) => host.events.filter((e) => e.type === type) as never,
  };
  return host;
}
