import { CONSENT_STATES, storeConsent } from './consent';
import type { ConsentState, TrackerOptions } from './options';
import { createCoreTracker, type Features } from './tracker';

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

/** Options given as lists in `data-*` attributes, comma-separated. */
const LIST_OPTIONS = ['linkDomains', 'redactParams', 'ignoreReferrers'];

/**
 * Reads options from the script element's `data-*` attributes: `data-endpoint`, `data-write-key`,
 * `data-consent`, `data-link-domains="a.com,b.com"`, `data-flush-interval-ms="2000"`, `data-autocapture="false"`…
 * (kebab-case names of {@link TrackerOptions}; numbers and true/false are converted, except in the write
 * key: one made of digits stays a string; a bare attribute such as `data-debug` is true).
 */
export function optionsFromAttributes(script: HTMLElement | null): Partial<TrackerOptions> {
  const out: Record<string, unknown> = {};
  for (const [name, raw = ''] of Object.entries(script?.dataset ?? {})) {
    out[name] = LIST_OPTIONS.includes(name)
      ? raw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : // A bare attribute (`<script data-debug …>`) is on, as in HTML.
        raw === '' || raw === 'true' || raw === 'false'
        ? raw !== 'false'
        : name != 'writeKey' && /^\d+$/.test(raw)
          ? Number(raw)
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
  const queued = Array.from(
    w.touchpoint?.q ?? [],
    (args) => Array.from(args) as Parameters<TouchpointGlobal>,
  );
  let tracker: Record<string, unknown> | undefined;
  const waiting: Parameters<TouchpointGlobal>[] = [];

  const init = (options?: Partial<TrackerOptions>): void => {
    if (tracker)
      return console.warn('[touchpoint] init: already initialised; the second init call is ignored.');
    // A consent call waiting for the tracker (made before init, like a consent tool's default) holds from
    // its start: under init's default the first page would be recorded, stored and sent before the call.
    const early = waiting
      .filter(([m, s]) => m === 'consent' && CONSENT_STATES.includes(s as never))
      .pop()?.[1];
    if (early) storeConsent(early as ConsentState);
    try {
      tracker = createCoreTracker(
        { ...fromAttributes, ...options, ...(early ? { consent: early } : {}) } as TrackerOptions,
        features,
      ) as never;
    } catch (error) {
      return console.error(error);
    }
    for (const args of waiting.splice(0)) call(...args);
  };
  const call: TouchpointGlobal = (method, ...args) => {
    if (method === 'init') return init(args[0] as Partial<TrackerOptions>);
    if (!tracker) return void waiting.push([method, ...args]);
    const fn = tracker[method];
    if (typeof fn !== 'function') {
      return console.warn(
        `[touchpoint] touchpoint('${String(method)}'): unknown method. Use one of: ${Object.keys(tracker)}.`,
      );
    }
    try {
      return fn(...args);
    } catch (error) {
      // Never throw into the page, and never stop replaying the calls queued after this one.
      console.error(error);
    }
  };

  call.installed = true;
  w.touchpoint = call;
  // An init call in the stub's queue wins over the attributes; otherwise the attributes may start it.
  const initCall = queued.find((args) => args[0] === 'init');
  waiting.push(...queued.filter((args) => args !== initCall));
  if (initCall || fromAttributes.endpoint) init(initCall?.[1] as Partial<TrackerOptions>);
}
