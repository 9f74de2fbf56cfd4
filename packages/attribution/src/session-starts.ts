import { RecordType, SESSION_START_BIT, type Columns } from './columns.js';
import { sortInOrder } from './sort-in-order.js';

/**
 * Cuts each device's sessions and sets `SESSION_START_BIT` on the pages that start one: a page starts a
 * session when its session id has had no activity (any event) within `sessionTimeout` before it.
 *
 * Sessions belong to the device and its session id, as GA4 counts them, not to a person: who the events
 * belong to (a user who signs in mid-session, a shared device) does not cut a visit in two, and the pages the
 * builder folded into their session while streaming give the same sessions as if they had been kept. A
 * session id seen again within the timeout (two tabs, clocks a little apart, events at the same millisecond)
 * continues its own session, however the other session's events interleave.
 */
export function markSessionStarts(
  c: Columns,
  devices: number,
  order: (a: number, b: number) => number,
  sessionTimeout: number,
): void {
  // Records grouped by device with a counting sort: linear, and no array per device.
  const start = new Int32Array(devices + 1);
  for (let i = 0; i < c.length; i++) start[c.anon[i]! + 1]!++;
  for (let d = 0; d < devices; d++) start[d + 1]! += start[d]!;
  const next = start.slice(0, devices);
  const byDevice = new Int32Array(c.length);
  for (let i = 0; i < c.length; i++) byDevice[next[c.anon[i]!]!++] = i;
  const lastActivity = new Map<number, number>(); // session id hash → last activity, for the current device
  for (let d = 0; d < devices; d++) {
    lastActivity.clear();
    for (const i of sortInOrder(byDevice.subarray(start[d]!, start[d + 1]!), order)) {
      const ts = c.ts[i]!;
      const session = c.session[i]!;
      const last = lastActivity.get(session);
      const running = last !== undefined && ts - last <= sessionTimeout;
      if (c.type[i] === RecordType.page) {
        if (!running) c.kind[i]! |= SESSION_START_BIT;
        // `end` holds the activity folded into this page while streaming.
        lastActivity.set(session, Math.max(c.end[i]!, running ? last : ts));
      } else if (running) {
        lastActivity.set(session, Math.max(last, ts));
      }
    }
  }
}
