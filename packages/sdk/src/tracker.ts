import type { EventType, TouchpointEvent } from '@touchpoint/protocol';
import { DELIVERY_ONLY } from './build-flags.js';
import { CONSENT_KEY, CONSENT_STATES, initialConsent, storeConsent } from './consent.js';
import { diagnostics } from './diagnostics.js';
import { createSender } from './delivery/sender.js';
import { endpointUrl } from './delivery/transport.js';
import { createIdentity } from './identity.js';
import { local } from './local-storage.js';
import type { Identity } from './identity.js';
import type { ConsentState, Middleware, ResolvedOptions, TrackerOptions } from './options.js';
import { pipeline } from './pipeline.js';
import { createIdbQueue, QUEUE_DB_NAME } from './queue/idb-queue.js';
import { deleteOtherQueues } from './queue/other-queues.js';
import { utf8Length, type QueuedEvent } from './queue/event-queue.js';
import { optionNames, resolveOptions } from './resolve-options.js';
import { attributeName, unknownOptions } from './unknown-options.js';
import type { TouchpointPlugin, TrackerHost } from './touchpoints/plugin.js';
import type { Tracker } from './tracker-api.js';

/**
 * What a build adds to the core tracker: plugins that run before the `plugins` option's, and middleware
 * that runs before the `middleware` option's (nothing when it returns nothing). The full builds (npm
 * `createTracker`, `touchpoint.min.js`) pass `fullFeatures`; `@touchpoint/sdk/core` `coreFeatures`; the core
 * script none.
 */
export type Features = (
  o: ResolvedOptions,
  host: TrackerHost,
  identity: Identity,
) => { plugins?: TouchpointPlugin[]; middleware?: Middleware[] } | void;

/**
 * The lean npm entry's features (`@touchpoint/sdk/core`): none. It has no cross-domain links, and says so
 * rather than ignore them. (The core script, `touchpoint.core.min.js`, refuses `linkDomains` outright:
 * see build-flags.ts.)
 */
export const coreFeatures: Features = (o) => {
  if (o.linkDomains.length)
    console.warn(
      "[touchpoint] linkDomains needs a full build (touchpoint.min.js, or '@touchpoint/sdk'); the core ignores it.",
    );
};

/**
 * The browser tracker: validates the options (the only time it throws), then records events through the
 * pipeline, keeps them in the durable queue and delivers them. `features` adds the full builds' features
 * (see {@link Features}). Browser only.
 */
export function createCoreTracker(options: TrackerOptions, features?: Features): Tracker {
  const o = resolveOptions(options);
  const report = diagnostics(o);
  if (!DELIVERY_ONLY)
    for (const [option, meant] of unknownOptions(options, optionNames())) {
      report('unknown-option', { option, meant });
      // Said out loud only when it looks like a slip: other tools' data-* attributes are unknown too.
      if (meant)
        console.warn(
          `[touchpoint] unknown option \`${option}\` ignored: did you mean \`${meant}\` (${attributeName(meant)})?`,
        );
    }
  let state = initialConsent(o);
  let stopped = false;
  // Events recorded while consent is pending: in memory only, within the queue's bound.
  const held: QueuedEvent[] = [];
  let heldDropped = 0;
  const identity = createIdentity(o.sessionTimeoutMs, state === 'granted');
  const limits = { maxEvents: o.maxQueueEvents, maxBytes: o.maxQueueBytes };
  const url = endpointUrl(o.endpoint, o.writeKey);
  // A queue (and a sending tab) per collector URL: two trackers feeding two collectors must not send each
  // other's events. Every page of the site with the same URL shares it.
  const dbName = `${QUEUE_DB_NAME} ${url}`;
  const queue = createIdbQueue({ ...limits, report, dbName }, !o.persist);
  const sender = createSender({ ...o, queue, url, report });

  const record = (type: EventType, fields?: object): TouchpointEvent | undefined => {
    // The core script holds nothing while consent is pending: it records only under consent.
    if (
      stopped ||
      (DELIVERY_ONLY
        ? state !== 'granted'
        : state === 'denied' || (state === 'pending' && o.pendingConsent === 'drop'))
    )
      return undefined;
    const event = build(type, fields);
    let json: string | undefined;
    try {
      json = event && JSON.stringify(event);
    } catch (cause) {
      report('event-unserializable', { id: event!.id, cause });
    }
    if (json) {
      const item = { id: event!.id, json, bytes: utf8Length(json) };
      if (DELIVERY_ONLY || state !== 'pending') {
        queue.add(item);
        sender.queued();
        // Held in memory, within the queue's bound: the oldest go first, counted like queue drops.
      } else if (held.push(item) > o.maxQueueEvents) {
        held.shift();
        heldDropped++;
        report('queue-full', { dropped: 1 });
      }
      // Only a recorded event has an id to give back.
      return event;
    }
  };
  const id = (type: EventType, fields?: object): string | undefined => record(type, fields)?.id;
  // Nothing leaves the page before consent, and no queue is opened (pending stores nothing): the app's own
  // flush() and shutdown() (React's cleanup, a hot reload) included.
  const flush = async (): Promise<void> => {
    if (state === 'granted') await sender.flush();
  };

  // `explicit` is a visitor's choice (remembered); a privacy signal at start, or a choice another tab
  // made (and stored), is not.
  const consent = (next: ConsentState, explicit = true): void => {
    if (!CONSENT_STATES.includes(next)) return report('invalid-call', { method: 'consent', value: next });
    const was = state;
    state = next;
    if (next === 'denied') {
      held.length = 0;
      // The queue's database is deleted (deleting none creates none: a visitor denied on every page by GPC
      // gets no storage).
      void queue.clear();
      // The visitor's own denial (here or in another tab) also deletes, in the full builds, the queues of
      // the site's earlier collector URLs. Not a privacy signal at start: another tracker of the page that
      // does not honour it (`respectGlobalPrivacyControl: false`) may be granted and use one.
      if (!DELIVERY_ONLY && (explicit || was !== 'denied')) void deleteOtherQueues(dbName);
      identity.forget();
    } else {
      const before = identity.peek();
      identity.persist(next === 'granted');
      if (next === 'granted') {
        if (!DELIVERY_ONLY) {
          // This tab joined the person another tab stored meanwhile (see identity.persist): so do the
          // events it held, recorded under its temporary ids (plugins carry their state over: `joined`).
          const ids = identity.joined(before) && identity.context();
          for (const item of held.splice(0)) {
            if (ids) {
              const { anonymousId, sessionId } = ids;
              item.json = JSON.stringify(Object.assign(JSON.parse(item.json), { anonymousId, sessionId }));
              item.bytes = utf8Length(item.json);
            }
            queue.add(item);
          }
        }
        sender.queued();
      }
    }
    // Last: the site's other tabs follow the stored choice, and must find the ids this grant stored
    // (a tab sees another's storage changes in order, but not necessarily within one task).
    if (explicit) storeConsent(next);
  };

  const lifecycle = (event: Event): void => {
    const { type, key } = event as StorageEvent;
    // The visitor chose in another tab of the site (which stored it; `pending` removes it): follow the
    // choice stored now, not the event's. A tab that catches up late (busy, or frozen in the background)
    // must not act on a denial the visitor has taken back since: it would delete the database, and the
    // ids, that the grant started again.
    if (type === 'storage') {
      const choice = key === CONSENT_KEY && local('getItem', CONSENT_KEY);
      return void (choice && consent(choice as ConsentState, false));
    }
    const leaving = type === 'pagehide' || document.hidden;
    // Last plugin first: one that reacts to another's events (vitals to a page) records its own final
    // state before an earlier one (pages, a pending route change) records something new.
    if (leaving && !DELIVERY_ONLY) each('flush', [...plugins].reverse());
    // Nothing leaves the page before consent (the start-up flush waits for it too).
    if (state !== 'granted') return;
    if (leaving) sender.unload();
    else void flush();
  };
  const listen = (method: 'addEventListener' | 'removeEventListener'): void => {
    document[method]('visibilitychange', lifecycle);
    for (const type of ['pagehide', 'online', 'storage']) window[method](type, lifecycle);
  };

  const host: TrackerHost = {
    record,
    context: () => identity.context(),
    report,
    consent: () => state,
    ...(!DELIVERY_ONLY && { joined: identity.joined }),
  };
  const added = features?.(o, host, identity) || {};
  const plugins = DELIVERY_ONLY ? [] : [...(added.plugins ?? []), ...o.plugins];
  const build = pipeline(
    identity.context,
    plugins,
    DELIVERY_ONLY ? [] : [...(added.middleware ?? []), ...o.middleware],
    o.redactParams,
    report,
  );
  // Only now: a bad `autocapture` throws above, and must leave no listener behind for a tracker nobody holds.
  listen('addEventListener');
  // A plugin stage that throws is reported (`plugin-error`, naming the plugin) and skipped for that plugin.
  const each = (stage: 'start' | 'flush' | 'stop', list = plugins): void => {
    if (!DELIVERY_ONLY)
      for (const plugin of list)
        try {
          plugin[stage]?.(host);
        } catch (cause) {
          report('plugin-error', { plugin: plugin.name, stage, cause });
        }
  };
  // Every method (and plugin command) reports a throw as `invalid-call` instead of throwing into the page.
  const safe =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R | undefined => {
      try {
        return fn(...args);
      } catch (cause) {
        report('invalid-call', { method: name, cause });
        return undefined;
      }
    };
  // A number is taken as its text: `identify(1042)` with a database id is a common call.
  const text = (value: unknown, what: string): string => {
    if (Number.isFinite(value)) return '' + value;
    if (typeof value !== 'string' || !value)
      throw new Error(`[touchpoint] ${what} must be a non-empty string`);
    return value;
  };

  // Typed as the Tracker it is; kept as a table of methods, which the lines below wrap.
  const methods = {
    // Left out when not given, or null from a script-tag page: the collector refuses `"props": null`.
    page: (props) => id('page', props && { props }),
    track: (name, props) => id('track', { name: text(name, 'track(name)'), ...(props && { props }) }),
    identify(userId, traits) {
      identity.identify((userId = text(userId, 'identify(userId)')));
      return id('identify', { userId, ...(traits && { traits }) });
    },
    conversion(name, details) {
      // Script-tag pages pass what they have: a value read from the page ("49.90"), an order number, "eur".
      // Only lossless fixes; anything else is sent as given, and the collector rejects it with a reason.
      const d: Record<string, unknown> = { name: text(name, 'conversion(name)'), ...details };
      if (d.value && isFinite(d.value as number)) d.value = +(d.value as number);
      if (typeof d.orderId == 'number') d.orderId = '' + d.orderId;
      if (d.currency) d.currency = ('' + d.currency).toUpperCase();
      return id('conversion', d);
    },
    record,
    consent: (next) => consent(next),
    flush,
    reset: identity.reset,
    async shutdown() {
      if (stopped) return;
      await flush();
      stopped = true;
      sender.stop();
      each('stop');
      listen('removeEventListener');
    },
    anonymousId: identity.peek,
    stats() {
      return {
        ...sender.stats,
        // The core script holds nothing (see build-flags.ts).
        dropped: DELIVERY_ONLY ? queue.dropped() : queue.dropped() + heldDropped,
        consent: state,
        storage: queue.kind(),
        queued: DELIVERY_ONLY ? queue.local().length : queue.local().length + held.length,
      };
    },
  } satisfies Tracker as unknown as Record<string, (...args: unknown[]) => unknown>;
  // Plugin commands (trackAd, survey, …) join the tracker's methods for the script-tag command queue;
  // a name the tracker (or an earlier plugin) already has is not overridden.
  if (!DELIVERY_ONLY)
    for (const plugin of plugins) Object.assign(methods, { ...plugin.commands, ...methods });
  for (const name in methods) methods[name] = safe(name, methods[name]!);

  if (state === 'denied') consent('denied', false);
  each('start');
  // Earlier pages' (and closed tabs') events go out now.
  void flush();
  return methods as unknown as Tracker;
}
