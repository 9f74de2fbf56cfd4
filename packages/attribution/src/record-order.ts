import { KIND_MASK, LANDING_BIT, RecordType, type Columns } from './columns.js';
import { compare } from './models/markov.js';
import type { ConversionInfo } from './person-journeys.js';

/** What ordering records needs besides the columns. */
export interface OrderContext {
  c: Columns;
  channelNames: readonly string[];
  /** Position of each channel in name order. */
  channelRank: Int32Array;
  /** Position of each device in name order. */
  anonRank: Int32Array;
  /** Position of each user id in name order. */
  userRank: Int32Array;
  conversions: readonly ConversionInfo[];
  surveys: readonly string[];
}

/**
 * The order records are replayed in, for a device's sessions and a person's journeys: by time, then pages,
 * touches, conversions, surveys, other activity. At equal times a page carrying a landing touch comes first
 * (it starts the session), then touches by channel name, then the landing of a recorded click, then plain
 * pages (classified ones by channel name, Direct last); then by device name; conversions by value (then id,
 * name, order id, currency), surveys by answer; touches of one channel by kind; then by the user id the event
 * carried (none first) and its session id. Ties are never broken by input position, so any event order gives
 * the same journeys.
 */
export function recordOrder(ctx: OrderContext): (a: number, b: number) => number {
  const { c, channelNames, channelRank, anonRank, userRank } = ctx;
  const pageOrder = channelNames.length + 3;
  const rank = (i: number): number => {
    const type = c.type[i];
    if (type === RecordType.conversion) return c.value[i]!;
    if (type === RecordType.survey) return 0;
    const channel = c.channel[i]!;
    const byName = channel >= 0 ? channelRank[channel]! : channelNames.length - channel;
    return type === RecordType.page && (c.kind[i]! & LANDING_BIT) === 0 ? pageOrder + byName : byName;
  };
  const sideOrder = (a: number, b: number): number => {
    if (c.type[a] === RecordType.survey) return compare(ctx.surveys[c.extra[a]!]!, ctx.surveys[c.extra[b]!]!);
    if (c.type[a] !== RecordType.conversion) return 0;
    const x = ctx.conversions[c.extra[a]!]!;
    const y = ctx.conversions[c.extra[b]!]!;
    return (
      compare(x.id, y.id) ||
      compare(x.name, y.name) ||
      compare(x.orderId ?? '', y.orderId ?? '') ||
      compare(x.currency ?? '', y.currency ?? '')
    );
  };
  // Two events alike but for their user (a shared device) go to different people: which one a touch or a
  // session start belongs to must not depend on which came first.
  const userOf = (i: number) => (c.user[i]! < 0 ? -1 : userRank[c.user[i]!]!);
  // The session-start bit is an outcome of this order, not an input to it.
  const kindOf = (i: number) => c.kind[i]! & (KIND_MASK | LANDING_BIT);
  return (a, b) =>
    c.ts[a]! - c.ts[b]! ||
    c.type[a]! - c.type[b]! ||
    rank(a) - rank(b) ||
    anonRank[c.anon[a]!]! - anonRank[c.anon[b]!]! ||
    kindOf(a) - kindOf(b) ||
    sideOrder(a, b) ||
    userOf(a) - userOf(b) ||
    // A hash, not a name: any fixed order of session ids will do, as long as it is not the input's.
    c.session[a]! - c.session[b]!;
}
