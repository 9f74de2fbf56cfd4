import { DEFAULT_MAX_EVENTS, DEFAULT_MAX_STRING_LENGTH } from '@touchpoint/protocol';
import type { Sink } from './sink.js';

/** How the client address is stored. */
export type IpPolicy = 'truncate' | 'drop' | 'keep';

/** Options of `createCollector()`. Every limit has a default; only where to store is required. */
export interface CollectorOptions {
  /** Directory of the embedded NDJSON store. Required unless `sink` is given. */
  dataDir?: string;
  /** Your own sink (PostgreSQL, Kafka…); takes precedence over `dataDir`. @see Sink */
  sink?: Sink;
  /**
   * Origins allowed to send batches. `'*'` allows any origin: the request's `Origin` is echoed back and
   * credentials are never allowed. Entries are exact origins such as `https://shop.example`.
   * @default '*'
   */
  corsOrigins?: '*' | readonly string[];
  /** Write keys accepted in `?key=` (or the body's `writeKey`). Empty: no key needed. @default [] */
  writeKeys?: readonly string[];
  /** HMAC secret for signed pixel and redirect URLs (`redirectUrl`, `pixelUrl`). */
  redirectSecret?: string;
  /** Hosts `GET /v1/r` may redirect to without a signature, e.g. `shop.example` or `*.shop.example`. */
  allowRedirectHosts?: readonly string[];
  /** What to store of the client IP: `truncate` (IPv4 /24, IPv6 /48), `drop`, or `keep`. @default 'truncate' */
  ip?: IpPolicy;
  /**
   * Take the client IP from `X-Forwarded-For`: how many proxies you run in front of the collector (`true`
   * is one). The client is the entry that many from the right: the entries left of it are whatever the
   * client sent. @default false
   */
  trustProxy?: boolean | number;
  /** Correct event times of clients whose clock is off, from the batch `sentAt`. @default true */
  clockCorrection?: boolean;
  /** Largest request body, bytes (413 above). @default 524288 */
  maxBodyBytes?: number;
  /** Most events per batch (413 above). @default 1000 */
  maxEventsPerBatch?: number;
  /** Largest single event as JSON, bytes; a larger event is rejected alone. @default 65536 */
  maxEventBytes?: number;
  /** Longest string in any event field. @default 8192 */
  maxStringLength?: number;
  /** A request must arrive completely within this time (slow clients get 408). @default 10000 */
  requestTimeoutMs?: number;
  /** `close()` waits this long for requests in flight before cutting connections. @default 10000 */
  shutdownTimeoutMs?: number;
  /**
   * The server clock, epoch ms: `receivedAt` of batches and the time of the events the collector makes
   * itself (email opens, clicks). Replace it only to simulate or test; the demo runs visitors over past days.
   * @default Date.now
   */
  now?: () => number;
  /** Receives operational errors (sink failures). Never given personal data. @default console.error */
  onError?: (message: string, error?: unknown) => void;
}

export const DEFAULT_MAX_BODY_BYTES = 512 * 1024;
export const DEFAULT_MAX_EVENT_BYTES = 64 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/** Options with defaults applied. */
export type ResolvedOptions = Required<
  Omit<CollectorOptions, 'dataDir' | 'sink' | 'redirectSecret' | 'corsOrigins' | 'trustProxy'>
> & {
  corsOrigins: '*' | ReadonlySet<string>;
  /** How many proxies are trusted in front (0: none, `X-Forwarded-For` is not read). */
  trustProxy: number;
  redirectSecret?: string;
};

function positive(options: CollectorOptions, key: keyof CollectorOptions, fallback: number): number {
  const value = options[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new Error(
      `[touchpoint] createCollector: "${key}" must be a positive integer, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Applies defaults and checks every option, throwing a message that says what to change. */
export function resolveOptions(options: CollectorOptions): ResolvedOptions {
  if (!options.sink && !options.dataDir) {
    throw new Error(
      '[touchpoint] createCollector: pass "dataDir" (NDJSON store) or "sink" (e.g. createPostgresSink)',
    );
  }
  const ip = options.ip ?? 'truncate';
  if (!['truncate', 'drop', 'keep'].includes(ip)) {
    throw new Error(`[touchpoint] createCollector: "ip" must be "truncate", "drop" or "keep", got "${ip}"`);
  }
  const origins = options.corsOrigins ?? '*';
  if (origins !== '*') {
    for (const origin of origins) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {}
      if (!parsed || parsed.origin !== origin) {
        throw new Error(
          `[touchpoint] createCollector: "corsOrigins" entry "${origin}" is not an origin; write it like "https://shop.example"`,
        );
      }
    }
  }
  const proxies = options.trustProxy ?? false;
  if (typeof proxies !== 'boolean' && !(Number.isInteger(proxies) && proxies >= 0)) {
    throw new Error(
      `[touchpoint] createCollector: "trustProxy" must be true, false or the number of proxies in front, got ${JSON.stringify(proxies)}`,
    );
  }
  if (options.redirectSecret !== undefined && options.redirectSecret.length < 16) {
    throw new Error('[touchpoint] createCollector: "redirectSecret" must be at least 16 characters long');
  }
  for (const host of options.allowRedirectHosts ?? []) {
    if (!/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(host)) {
      throw new Error(
        `[touchpoint] createCollector: "allowRedirectHosts" entry "${host}" must be a host like "shop.example" or "*.shop.example"`,
      );
    }
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new Error('[touchpoint] createCollector: "now" must be a function returning epoch milliseconds');
  }
  return {
    corsOrigins: origins === '*' ? '*' : new Set(origins),
    writeKeys: options.writeKeys ?? [],
    ...(options.redirectSecret !== undefined ? { redirectSecret: options.redirectSecret } : {}),
    allowRedirectHosts: (options.allowRedirectHosts ?? []).map((h) => h.toLowerCase()),
    ip,
    trustProxy: proxies === true ? 1 : proxies || 0,
    clockCorrection: options.clockCorrection ?? true,
    maxBodyBytes: positive(options, 'maxBodyBytes', DEFAULT_MAX_BODY_BYTES),
    maxEventsPerBatch: positive(options, 'maxEventsPerBatch', DEFAULT_MAX_EVENTS),
    maxEventBytes: positive(options, 'maxEventBytes', DEFAULT_MAX_EVENT_BYTES),
    maxStringLength: positive(options, 'maxStringLength', DEFAULT_MAX_STRING_LENGTH),
    requestTimeoutMs: positive(options, 'requestTimeoutMs', DEFAULT_REQUEST_TIMEOUT_MS),
    shutdownTimeoutMs: positive(options, 'shutdownTimeoutMs', DEFAULT_SHUTDOWN_TIMEOUT_MS),
    now: options.now ?? Date.now,
    onError: options.onError ?? ((message, error) => console.error(message, error)),
  };
}
