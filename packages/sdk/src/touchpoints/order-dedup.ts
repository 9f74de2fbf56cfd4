import type { TouchpointEvent } from '@touchpoint/protocol';
import type { TrackerHost } from './plugin.js';
import { load, save } from './store.js';

/** How many order ids are remembered (oldest forgotten first). */
export const ORDER_IDS_KEPT = 100;

/**
 * Remembers the order ids of recorded conversions (in localStorage, the last {@link ORDER_IDS_KEPT}) and
 * tells a repeat: a reloaded or revisited "thank you" page must not count a purchase twice. The tracker
 * runs it as its first middleware: it drops a `conversion` whose `orderId` was seen before (returns
 * `false`) and reports it as `duplicate_order` through the host, when given. Ids are stored only while
 * the host's consent is `granted` (kept in memory before). `collector` (the tracker passes its endpoint)
 * keeps one list per collector: a page feeding two collectors sends each of them the order once.
 *
 * @example const dedupe = dedupeOrders(); dedupe(event) === false // a repeat
 */
export function dedupeOrders(
  host?: Pick<TrackerHost, 'report' | 'consent'>,
  collector?: string,
): (event: TouchpointEvent) => false | void {
  const key = collector ? `orders ${collector}` : 'orders';
  let seen: string[] | undefined;
  // Ids not yet written (storage waits for consent). Consent given on the thank-you page itself: written
  // with the next event of any kind (the vitals sent on leaving, at the latest), or a reload counts twice.
  let unsaved = false;
  return (event) => {
    if (unsaved) unsaved = !save(key, seen, host);
    if (event.type !== 'conversion' || !event.orderId) return;
    // Only a list is one (`load` checks): this runs as a middleware, and one that throws drops the event.
    seen ??= load<string[]>(key, []);
    if (seen.includes(event.orderId)) {
      host?.report('duplicate_order', { orderId: event.orderId });
      return false;
    }
    seen.push(event.orderId);
    seen.splice(0, seen.length - ORDER_IDS_KEPT);
    unsaved = !save(key, seen, host);
  };
}
