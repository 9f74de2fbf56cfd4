import type { TouchpointEvent } from './event.js';

/** Wire format version this package reads and writes. */
export const PROTOCOL_VERSION = 1;

/** The request body of `POST /v1/batch`. */
export interface Batch {
  v: typeof PROTOCOL_VERSION;
  /** Client time the batch was sent, epoch ms; lets a collector correct clocks that are off. */
  sentAt?: number;
  /** Optional per-site write key (also accepted as the `key` URL parameter). */
  writeKey?: string;
  events: TouchpointEvent[];
}

/** Why one event was rejected. */
export interface Rejection {
  /** The event's id as sent (lower-cased when it is a uuid), or `#<index>` when it had no string id. */
  id: string;
  reason: string;
}

/** The 2xx answer of `POST /v1/batch`. */
export interface BatchResponse {
  /** Events stored now (first time seen). */
  accepted: number;
  /** Events whose id was already stored: dropped, and still a success for the sender. */
  duplicates: number;
  /** Events that failed validation; the sender must not resend them. */
  rejected: Rejection[];
}
