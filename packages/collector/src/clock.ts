/**
 * A client clock off by less than this is left alone: the gap is network time, not a wrong clock.
 */
export const CLOCK_TOLERANCE_MS = 60_000;

/**
 * Corrects a client event time. The batch carries `sentAt`, the client's clock at the send; the server
 * knows `receivedAt`. When they differ by more than {@link CLOCK_TOLERANCE_MS}, the client clock is off
 * by that much, and every event of the batch moves by the same amount. Without `sentAt`, or after the
 * shift, an event is never placed in the future: its time is capped at `receivedAt`.
 * @see CLOCK_TOLERANCE_MS
 */
export function correctTs(ts: number, sentAt: number | undefined, receivedAt: number): number {
  let corrected = ts;
  if (sentAt !== undefined && Math.abs(receivedAt - sentAt) > CLOCK_TOLERANCE_MS) {
    corrected = ts + (receivedAt - sentAt);
  }
  return Math.min(corrected, receivedAt);
}

/** Latest event time stored, epoch ms: the end of JavaScript's `Date` range, inside every store's. */
export const MAX_EVENT_TS = 8.64e15;

/** Why a (corrected) event time cannot be stored, or undefined when it can. */
export function tsOutOfRange(ts: number): string | undefined {
  return ts >= 0 && ts <= MAX_EVENT_TS ? undefined : `"ts" is out of range after clock correction (${ts})`;
}
