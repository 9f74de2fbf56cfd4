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
} from './options';

/** Numeric options and their defaults: each must be a positive number. */
const NUMBERS = {
  maxBatchEvents: DEFAULT_MAX_BATCH_EVENTS,
  maxBatchBytes: DEFAULT_MAX_BATCH_BYTES,
  flushIntervalMs: DEFAULT_FLUSH_INTERVAL_MS,
  maxQueueEvents: DEFAULT_MAX_QUEUE_EVENTS,
  maxQueueBytes: DEFAULT_MAX_QUEUE_BYTES,
  retryBaseMs: DEFAULT_RETRY_BASE_MS,
  retryMaxMs: DEFAULT_RETRY_MAX_MS,
  sessionTimeoutMs: DEFAULT_SESSION_TIMEOUT_MS,
};
/** Options with a fixed set of values; the first is the default. */
const CHOICES = {
  consent: ['granted', 'pending', 'denied'],
  pendingConsent: ['memory', 'drop'],
};
/** List options: the type of their items, and their default. */
const LISTS: Record<string, [string, unknown[]]> = {
  plugins: ['object', []],
  middleware: ['function', []],
  redactParams: ['string', DEFAULT_REDACT_PARAMS],
  linkDomains: ['string', []],
};
/** Boolean options and their defaults. */
const FLAGS = { persist: true, respectGlobalPrivacyControl: true, respectDoNotTrack: false, debug: false };

const show = (value: unknown): string => (typeof value === 'function' ? 'a function' : JSON.stringify(value));

function fail(option: string, problem: string, fix: string): never {
  throw new Error(`[touchpoint] createTracker(): option \`${option}\` ${problem}. ${fix}`);
}

/**
 * Checks every option and fills the defaults. Throws a `[touchpoint]` error naming the option, what is
 * wrong and how to fix it; this is the only place the tracker throws.
 */
export function resolveOptions(options: TrackerOptions): ResolvedOptions {
  const given = (options ?? {}) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...given };
  const endpoint = given.endpoint;
  if (typeof endpoint !== 'string' || !endpoint) {
    fail(
      'endpoint',
      'is required',
      "Pass the collector URL, e.g. { endpoint: 'https://collector.example/v1/batch' }",
    );
  }
  try {
    new URL(endpoint, typeof location === 'undefined' ? undefined : location.href);
  } catch (cause) {
    throw new Error(
      `[touchpoint] createTracker(): option \`endpoint\` is not a URL: ${show(endpoint)}. Pass an absolute or page-relative URL.`,
      { cause },
    );
  }
  if (given.writeKey !== undefined && (typeof given.writeKey !== 'string' || !given.writeKey)) {
    fail(
      'writeKey',
      `must be a non-empty string, got ${show(given.writeKey)}`,
      'Pass the key your collector expects or leave it out',
    );
  }
  for (const [name, fallback] of Object.entries(NUMBERS)) {
    const value = (out[name] ??= fallback);
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
      fail(
        name,
        `must be a positive number, got ${show(value)}`,
        `Pass a number above 0 or leave it out (default ${fallback})`,
      );
    }
  }
  for (const [name, values] of Object.entries(CHOICES)) {
    const value = (out[name] ??= values[0]);
    if (!values.includes(value as string)) {
      fail(
        name,
        `must be one of '${values.join("', '")}', got ${show(value)}`,
        `Use one of those or leave it out (default '${values[0]}')`,
      );
    }
  }
  for (const [name, [type, fallback]] of Object.entries(LISTS)) {
    const value = (out[name] ??= fallback);
    if (!Array.isArray(value) || value.some((item) => typeof item !== type || !item)) {
      fail(
        name,
        `must be an array of ${type}s, got ${show(value)}`,
        `Pass e.g. { ${name}: [] } or leave it out`,
      );
    }
  }
  for (const [name, fallback] of Object.entries(FLAGS)) {
    if (typeof (out[name] ??= fallback) !== 'boolean')
      fail(name, `must be true or false, got ${show(out[name])}`, `Default: ${fallback}`);
  }
  const autocapture = (out.autocapture ??= true);
  if (typeof autocapture !== 'boolean' && (typeof autocapture !== 'object' || !autocapture)) {
    fail(
      'autocapture',
      `must be true, false or an object of plugin names, got ${show(autocapture)}`,
      'E.g. { autocapture: { ads: false } }',
    );
  }
  if (given.onDiagnostic !== undefined && typeof given.onDiagnostic !== 'function') {
    fail(
      'onDiagnostic',
      `must be a function, got ${show(given.onDiagnostic)}`,
      'Pass (diagnostic) => { … } or leave it out',
    );
  }
  return out as unknown as ResolvedOptions;
}
