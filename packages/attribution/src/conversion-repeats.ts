import type { ConversionInfo } from './person-journeys.js';
import { compare } from './models/markov.js';

/** What is left out after repeats are dropped. */
export interface RepeatCounts {
  /** Conversions dropped as repeats of an event id or of an order id. */
  duplicates: number;
  /** Conversions kept but valued in another currency than the `currency` option's. */
  otherCurrency: number;
}

/**
 * Sets `dropped` on repeats: of the conversions sharing an event id only the earliest counts, then of those
 * left sharing an order id only the earliest. Ties in time go to the smaller event as JSON, so which copy is
 * kept (and so its person and currency) depends on the events alone, never on the order they came in; this
 * is why it runs on all conversions at once rather than as they arrive.
 */
export function dropRepeats(conversions: readonly ConversionInfo[]): RepeatCounts {
  for (const info of conversions) info.dropped = false;
  const earlier = (x: ConversionInfo, y: ConversionInfo) => x.ts - y.ts || compare(x.tie, y.tie);
  const keepEarliest = (key: (info: ConversionInfo) => string | undefined) => {
    const kept = new Map<string, ConversionInfo>();
    for (const info of conversions) {
      const k = info.dropped ? undefined : key(info);
      if (!k) continue;
      const other = kept.get(k);
      if (other === undefined) kept.set(k, info);
      else if (earlier(info, other) < 0) ((other.dropped = true), kept.set(k, info));
      else info.dropped = true;
    }
  };
  keepEarliest((info) => info.id);
  keepEarliest((info) => info.orderId);
  const counts: RepeatCounts = { duplicates: 0, otherCurrency: 0 };
  for (const info of conversions) {
    if (info.dropped) counts.duplicates++;
    else if (info.otherCurrency) counts.otherCurrency++;
  }
  return counts;
}
