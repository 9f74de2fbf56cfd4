import { DELIVERY_ONLY } from './build-flags.js';
import { CONSENT_STATES } from './consent.js';
import {
  DEFAULT_FLUSH_INTERVAL_MS,
  DEFAULT_MAX_BATCH_BYTES,
  DEFAULT_MAX_BATCH_EVENTS,
  DEFAULT_MAX_QUEUE_BYTES,
  DEFAULT_MAX_QUEUE_EVENTS,
  DEFAULT_REDACT_PARAMS,
  DEFAULT_RETRY_BASE_MS,
  DEFAULT_RETRY_MAX_MS,
  DEFAULT_SESSION_TIMEOUT_MS,
  type ResolvedOptions,
  type TrackerOptions,
} from './options.js';

type Check = (value: unknown) => unknown;
const positive: Check = (v) => typeof v === 'number' && v > 0 && v < Infinity;
const flag: Check = (v) => typeof v === 'boolean';
const is =
  (type: string): Check =>
  (v) =>
    v && typeof v == type;
const oneOf =
  (values: string[]): Check =>
  (v) =>
    values.includes(v as string);
const listOf =
  (type: string): Check =>
  (v) =>
    Array.isArray(v) && v.every(is(type));

/** The options that are lists of strings, with their defaults; the script tag splits their `data-*` values. */
export const LIST_DEFAULTS = { redactParams: DEFAULT_REDACT_PARAMS, linkDomains: [], ignoreReferrers: [] };

/**
 * Every option with its default, grouped by what it must be (as said in the error) and the check. One
 * table, so defaults live in one place and every message has the same shape. A default of `undefined` is
 * none: the check says whether the option may be left out (all but `endpoint` may). A check may throw;
 * what it threw is the error's cause.
 */
type Row = [defaults: Record<string, unknown>, expected: string, check: Check];
const SPEC: Row[] = [
  [
    { endpoint: undefined },
    DELIVERY_ONLY
      ? 'an http(s) URL or /path'
      : "the collector URL (e.g. 'https://collector.example/v1/batch')",
    // An http(s) URL, or a path on this site from its root ('/v1/batch'). Not any other relative form:
    // 'collect.example/v1/batch', a scheme forgotten, would post to this site and fail quietly forever.
    // `new URL` throws on a bad one, which becomes the error's cause. The path is checked against a fixed
    // base, not the page: it is valid on a server too (no `location` there; the server-side no-op tracker
    // must accept what the page will use), and the page's fetch resolves it.
    (v) => is('string')(v) && /^(https?:|\/)/i.test(v as string) && new URL(v as string, 'http://a'),
  ],
  [
    {
      maxBatchEvents: DEFAULT_MAX_BATCH_EVENTS,
      maxBatchBytes: DEFAULT_MAX_BATCH_BYTES,
      flushIntervalMs: DEFAULT_FLUSH_INTERVAL_MS,
      maxQueueEvents: DEFAULT_MAX_QUEUE_EVENTS,
      maxQueueBytes: DEFAULT_MAX_QUEUE_BYTES,
      retryBaseMs: DEFAULT_RETRY_BASE_MS,
      retryMaxMs: DEFAULT_RETRY_MAX_MS,
      sessionTimeoutMs: DEFAULT_SESSION_TIMEOUT_MS,
    },
    'a positive number',
    positive,
  ],
  [{ consent: 'granted' }, "'granted', 'pending' or 'denied'", oneOf(CONSENT_STATES)],
  ...(DELIVERY_ONLY
    ? // Refused, not ignored: a core script that ignored them would send what the site meant to keep out.
      [
        [
          {
            pendingConsent: undefined,
            respectDoNotTrack: undefined,
            plugins: undefined,
            middleware: undefined,
            redactParams: undefined,
            linkDomains: undefined,
            ignoreReferrers: undefined,
          },
          'left out of touchpoint.core.min.js (use touchpoint.min.js)',
          // Settings that ask for nothing the core script lacks pass: false, [] and 'drop' (what it does
          // while consent is pending). `[] + ''` is '', unlike any list with something in it; 'drop' is
          // compared strictly, as ['drop'] == 'drop'.
          (v) => !v || v === 'drop' || !(v + ''),
        ] as Row,
      ]
    : ([
        [{ pendingConsent: 'memory' }, "'memory' or 'drop'", oneOf(['memory', 'drop'])],
        [{ plugins: [] }, 'an array of plugins', listOf('object')],
        [{ middleware: [] }, 'an array of functions', listOf('function')],
        [LIST_DEFAULTS, 'an array of strings', listOf('string')],
      ] as Row[])),
  [
    DELIVERY_ONLY
      ? { persist: true, respectGlobalPrivacyControl: true, debug: false }
      : { persist: true, respectGlobalPrivacyControl: true, respectDoNotTrack: false, debug: false },
    'true or false',
    flag,
  ],
  // The core script has nothing to capture automatically: it takes `autocapture` and ignores it.
  ...(DELIVERY_ONLY
    ? []
    : [
        [
          { autocapture: true },
          'true, false or an object of plugin names',
          (v) => flag(v) || is('object')(v),
        ] as Row,
      ]),
  [{ writeKey: undefined }, 'a non-empty string', (v) => v === undefined || is('string')(v)],
  [{ onDiagnostic: undefined }, 'a function', (v) => v === undefined || is('function')(v)],
];

/** Every option name this build takes. */
export const optionNames = (): string[] => SPEC.flatMap(([defaults]) => Object.keys(defaults));

/**
 * Checks every option and fills the defaults. Throws a `[touchpoint]` error naming the option, what it
 * must be (and its default) and what it got; this is the only place the tracker throws.
 */
export function resolveOptions(options: TrackerOptions): ResolvedOptions {
  const out: Record<string, unknown> = { ...options };
  for (const [defaults, expected, check] of SPEC) {
    for (const [name, fallback] of Object.entries(defaults)) {
      // The message shows what was passed: `endpoint: null` is not "got undefined".
      const given = out[name];
      const value = (out[name] ??= fallback);
      let valid: unknown;
      let thrown: ErrorOptions | undefined;
      try {
        valid = check(value);
      } catch (cause) {
        thrown = { cause };
      }
      if (!valid) {
        // JSON.stringify says nothing (undefined) for a function or undefined: say the type then.
        throw new Error(
          `[touchpoint] option \`${name}\` must be ${expected}${fallback === undefined ? '' : ` (default ${JSON.stringify(fallback)})`}, got ${JSON.stringify(given) ?? typeof given}.`,
          thrown,
        );
      }
    }
  }
  return out as unknown as ResolvedOptions;
}
