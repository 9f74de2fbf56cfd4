import type { BatchResponse } from '@touchpoint/protocol';
import type { QueuedEvent } from '../queue/event-queue.js';

/** What came back from one request: a status (or `network`), `Retry-After`, and the parsed 2xx answer. */
export interface TransportResult {
  status: number | 'network';
  retryAfter?: string | null;
  /** The 2xx answer (false for other statuses). */
  response?: Partial<BatchResponse> | false;
  /** Sent with `sendBeacon`: the browser queued it, the answer is unknown. */
  beacon?: boolean;
}

/**
 * Fixed part of every batch body around the events' JSON: `{"v":1,"sentAt":` + 13 digits + `,"events":[`
 * … `]}` is 42 bytes (the separators between events are counted per event).
 */
export const BATCH_OVERHEAD_BYTES = 42;
/** A request that has not answered by then is abandoned and retried: a hung request must not hold the sender. */
export const REQUEST_TIMEOUT_MS = 30_000;
/**
 * Browsers cap the bodies of all in-flight `keepalive` requests of a page at 64 KiB together; a request
 * over the cap fails outright.
 *
 * @see https://fetch.spec.whatwg.org/#http-network-or-cache-fetch (step "inflightKeepaliveBytes")
 */
export const KEEPALIVE_BUDGET_BYTES = 64 * 1024;

/** Builds the batch body from stored JSON without parsing it again. */
export function batchBody(items: QueuedEvent[]): string {
  return `{"v":1,"sentAt":${Date.now()},"events":[${items.map((item) => item.json).join(',')}]}`;
}

/** Appends the write key as `?key=` (a header would make the request non-simple and need a preflight). */
export function endpointUrl(endpoint: string, writeKey?: string): string {
  if (!writeKey) return endpoint;
  return `${endpoint}${endpoint.includes('?') ? '&' : '?'}key=${encodeURIComponent(writeKey)}`;
}

/**
 * POSTs a body as `text/plain` (a string body's type; a CORS-simple request: no preflight, and allowed
 * with `keepalive`). With `keepalive`, a request the browser refuses falls back to `navigator.sendBeacon`.
 *
 * @see https://developer.mozilla.org/docs/Web/API/RequestInit#keepalive
 */
export async function send(url: string, body: string, keepalive: boolean): Promise<TransportResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      body,
      keepalive,
      credentials: 'omit',
      // Keepalive requests outlive the page and are bounded by the browser; others get a timeout where supported.
      signal: keepalive ? undefined : AbortSignal.timeout?.(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return { status: 'network', beacon: keepalive && navigator.sendBeacon?.(url, body) };
  }
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    // A 2xx without a JSON answer (a custom backend) still covers the batch.
    response: res.ok && (await res.json().catch(() => undefined)),
  };
}
