import {
  DEFAULT_MAX_STRING_LENGTH,
  uuidv7,
  type EventType,
  type TouchpointEvent,
} from '@touchpoint/protocol';
import { DELIVERY_ONLY } from './build-flags.js';
import type { Middleware } from './options.js';
import type { TouchpointPlugin, TrackerContext } from './touchpoints/plugin.js';
import { pageContext, redactUrl } from './page-context.js';

/**
 * The tracker's event builder: `build(type, fields)` runs the typed stages, in order:
 *
 * 1. envelope — id (uuid v7), ts, anonymousId, sessionId, userId, page (current URL) — then the caller's
 *    fields, which win (a plugin may pass its own `page`); page URL and referrer, and a share's `url` or
 *    an ad click's `target`, are redacted and cut to the protocol's longest string last;
 * 2. plugins' `enrich`;
 * 3. middleware — keep (return nothing), replace (return an event) or drop (`null`/`false`).
 *
 * Failure rule, the same everywhere: a plugin's `enrich` that throws is skipped for this event (it only
 * adds); a middleware that throws drops the event (middleware may exist to remove personal data, and an
 * unfiltered event is worse than a missing one). Both are reported, neither reaches the page.
 * The consent gate and the queue come after it (see `createCoreTracker`).
 */
/** The ids an event carries: the context without `sessionIsNew`, which is for plugins. */
const envelopeIds = ({ sessionIsNew, ...ids }: TrackerContext) => ids;

export const pipeline = (
  context: (now: number) => TrackerContext,
  plugins: TouchpointPlugin[],
  middleware: Middleware[],
  redactParams: string[],
  report: (kind: string, detail?: unknown) => void,
) => {
  // Collectors refuse a string over DEFAULT_MAX_STRING_LENGTH: a URL that long (parameters piled up by
  // redirects) is cut rather than the whole event lost.
  const clean = (at: Record<string, unknown>, keys: string[]) => {
    for (const key of keys)
      if (typeof at[key] == 'string')
        at[key] = redactUrl(at[key], redactParams).slice(0, DEFAULT_MAX_STRING_LENGTH);
  };
  // The URL of this tracker's last page view, as the middleware left it: the next page view's referrer.
  let lastPage: string | undefined;
  return (type: EventType, fields?: { page?: unknown }): TouchpointEvent | undefined => {
    const now = Date.now();
    // anonymousId, sessionId and userId (undefined before identify, left out of the JSON), not
    // sessionIsNew (which the core script's context leaves out itself)
    const ids = DELIVERY_ONLY ? context(now) : envelopeIds(context(now));
    let event = {
      id: uuidv7(now),
      type,
      ts: now,
      ...ids,
      page: pageContext(),
      ...fields,
    } as TouchpointEvent;
    // The core script has no redaction, plugins or middleware (see build-flags.ts).
    if (DELIVERY_ONLY) return event;
    // The page (a copy: a plugin's own page object stays as it gave it), what a share shared (by default
    // this page) and where an ad click went.
    if (event.page) {
      clean((event.page = { ...event.page }), ['url', 'referrer']);
      // An app calling page() per route (or a page view recorded by `record`) came from its previous page,
      // not from the document's referrer; plugins pass their own page and referrer.
      if (type == 'page' && lastPage && !fields?.page) event.page.referrer = lastPage;
    }
    clean(event as never, ['url', 'target']);
    for (const plugin of plugins) {
      try {
        plugin.enrich?.(event);
      } catch (cause) {
        report('plugin-error', { plugin: plugin.name, stage: 'enrich', cause });
      }
    }
    for (const stage of middleware) {
      try {
        const result = stage(event);
        if (result === null || result === false) return undefined;
        if (result) event = result;
      } catch (cause) {
        report('middleware-error', { id: event.id, cause });
        return undefined;
      }
    }
    // As the middleware left it: what it removed from a URL (or a page view it dropped) stays out.
    if (type == 'page' && event.page) lastPage = event.page.url;
    return event;
  };
};
