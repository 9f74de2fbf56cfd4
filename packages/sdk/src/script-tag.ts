import { DELIVERY_ONLY } from './build-flags.js';
import { CONSENT_STATES, storeConsent } from './consent.js';
import type { ConsentState, TrackerOptions } from './options.js';
import { LIST_DEFAULTS } from './resolve-options.js';
import { createCoreTracker, type Features } from './tracker.js';

/** The global function of the script-tag install, with the stub's call queue. */
export type TouchpointGlobal = ((method: string, ...args: unknown[]) => unknown) & {
  q?: ArrayLike<unknown>[];
  /** Set once the script has installed itself; a second copy of the script then does nothing. */
  installed?: boolean;
};

declare global {
  interface Window {
    /** The script-tag API: `touchpoint('track', 'signup', { plan: 'pro' })`. */
    touchpoint?: TouchpointGlobal;
  }
}

/**
 * Reads options from the script element's `data-*` attributes: `data-endpoint`, `data-write-key`,
 * `data-consent`, `data-link-domains="a.com,b.com"`, `data-flush-interval-ms="2000"`, `data-autocapture="false"`…
 * (kebab-case names of {@link TrackerOptions}; numbers and true/false are converted, except in the write
 * key: one made of digits stays a string; a bare attribute such as `data-debug` is true; the list options,
 * `LIST_DEFAULTS`, are split at commas, spaces around them are fine).
 */
export function optionsFromAttributes(script: HTMLElement | null): Partial<TrackerOptions> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(script?.dataset ?? {}) as [string, string][]) {
    out[name] =
      !DELIVERY_ONLY && name in LIST_DEFAULTS
        ? (raw.match(/[^\s,]+/g) ?? [])
        : // A bare attribute (`<script data-debug …>`) is on, as in HTML.
          /^(true|false|)$/.test(raw)
          ? raw != 'false'
          : name != 'writeKey' && /^\d+$/.test(raw)
            ? +raw
            : raw;
  }
  return out;
}

/**
 * Installs `window.touchpoint`: replays the stub's queued calls in order, then keeps accepting
 * `touchpoint(method, ...args)`. The tracker starts from the `data-*` attributes when they include
 * `data-endpoint`, else at the first `touchpoint('init', options)` call (calls before it wait).
 */
export function installScriptTag(features?: Features): void {
  if (typeof window === 'undefined') return;
  const w = window;
  // Loaded twice (a tag manager and a hard-coded tag): a second tracker would record every page twice.
  if (w.touchpoint?.installed) return;
  const fromAttributes = optionsFromAttributes(
    (document.currentScript ?? document.querySelector('script[data-endpoint]')) as HTMLElement | null,
  );
  // The stub's calls are `arguments` objects, iterable like arrays.
  const waiting = Array.from(w.touchpoint?.q ?? []) as Parameters<TouchpointGlobal>[];
  // An init call in the stub's queue wins over the attributes; otherwise the attributes may start it.
  const initCall = waiting.find(([method]) => method === 'init');
  let tracker: Record<string, unknown> | undefined;

  // Tracker methods never throw (they report through diagnostics), so a replayed call cannot stop the rest.
  const call: TouchpointGlobal = (method, ...args) => {
    if (method === 'init') {
      if (tracker)
        return console.warn(
          DELIVERY_ONLY ? '[touchpoint] init again' : '[touchpoint] init: already initialised, call ignored.',
        );
      // A consent call waiting for the tracker (made before init, like a consent tool's default) holds from
      // its start: under init's default the first page would be recorded, stored and sent before the call.
      let consent: unknown;
      for (const [m, state] of waiting)
        if (m === 'consent' && CONSENT_STATES.includes(state as never)) consent = state;
      if (consent) storeConsent(consent as ConsentState);
      try {
        tracker = createCoreTracker(
          { ...fromAttributes, ...(args[0] as object), ...(consent ? { consent } : {}) } as TrackerOptions,
          features,
        ) as never;
      } catch (error) {
        return console.error(error);
      }
      for (const queued of waiting.splice(0)) if (queued !== initCall) call(...queued);
    } else if (!tracker) waiting.push([method, ...args]);
    else {
      const fn = tracker[method];
      return typeof fn === 'function'
        ? fn(...args)
        : DELIVERY_ONLY
          ? console.warn('[touchpoint] unknown method', method)
          : console.warn(
              `[touchpoint] touchpoint('${String(method)}'): unknown method. Use one of: ${Object.keys(tracker)}.`,
            );
    }
  };

  call.installed = true;
  w.touchpoint = call;
  if (initCall || fromAttributes.endpoint) call(...(initCall ?? ['init']));
}
