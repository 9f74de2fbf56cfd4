import {
  CLICK_LANDING,
  KIND_CODES,
  KIND_MASK,
  LANDING_BIT,
  PLAIN_PAGE,
  RecordType,
  type Columns,
} from './columns.js';
import type { ResolvedJourneyOptions } from './journey-options.js';
import { compare } from './models/markov.js';
import { DEFAULT_DIRECT_CHANNEL } from './models/model-options.js';
import type { Journey, JourneyTouch } from './types.js';

/** Side data of a conversion record. */
export interface ConversionInfo {
  name: string;
  orderId: string | undefined;
  /** Upper case; undefined when the event named none. */
  currency: string | undefined;
  id: string;
  /** The event as JSON when it has an order id: breaks ties between copies of an order at the same time. */
  tie: string;
  /** A repeat of an order id already counted. */
  dropped: boolean;
  /** Valued in another currency than the `currency` option's (or in none named): left out. */
  otherCurrency: boolean;
}

export interface PersonContext {
  c: Columns;
  channelNames: readonly string[];
  /** Position of each channel in name order. */
  channelRank: Int32Array;
  /** Position of each device in name order. */
  anonRank: Int32Array;
  conversions: readonly ConversionInfo[];
  surveys: readonly string[];
  opts: ResolvedJourneyOptions;
}

/**
 * One person's journeys from their records (any order): sessions per device (a page starts one after
 * `sessionTimeout` without any event of the session, or on a new session id), touches (landing touches, the
 * first page of a session without one as Direct, ad and email touches), then one journey per conversion with
 * the touches strictly before it inside their lookback window, and a null journey for touches after the last
 * conversion.
 */
export function* personJourneys(person: string, records: number[], ctx: PersonContext): Generator<Journey> {
  const { c, channelNames, channelRank, anonRank, opts } = ctx;
  const channelOf = (i: number) => channelNames[c.channel[i]!]!;
  // At equal times a page carrying a landing touch comes first (it starts the session), then touches by channel
  // name, then the landing of a recorded click, then plain pages; conversions by value (then id, name, order
  // id), surveys by answer; touches of one channel by kind.
  // Ties are never broken by input position, so any event order gives the same journeys.
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
    return compare(x.id, y.id) || compare(x.name, y.name) || compare(x.orderId ?? '', y.orderId ?? '');
  };
  records.sort(
    (a, b) =>
      c.ts[a]! - c.ts[b]! ||
      c.type[a]! - c.type[b]! ||
      rank(a) - rank(b) ||
      anonRank[c.anon[a]!]! - anonRank[c.anon[b]!]! ||
      c.kind[a]! - c.kind[b]! ||
      sideOrder(a, b),
  );
  const sessions = new Map<number, { session: number; end: number }>();
  const touches: JourneyTouch[] = [];
  const conversions: number[] = [];
  let selfReported: string | undefined;
  for (const i of records) {
    const type = c.type[i];
    const ts = c.ts[i]!;
    if (type === RecordType.page) {
      const prev = sessions.get(c.anon[i]!);
      const fresh = !prev || prev.session !== c.session[i] || ts - prev.end > opts.sessionTimeout;
      const channel = c.channel[i]!;
      // An SDK landing touch always counts (a second arrival inside a session); a page we classified ourselves
      // counts only when it starts a session.
      if (channel !== CLICK_LANDING && (fresh || (c.kind[i]! & LANDING_BIT) !== 0)) {
        const name = channel === PLAIN_PAGE ? DEFAULT_DIRECT_CHANNEL : channelOf(i);
        touches.push({ channel: name, ts, kind: KIND_CODES[c.kind[i]! & KIND_MASK]! });
      }
      sessions.set(c.anon[i]!, {
        session: c.session[i]!,
        end: Math.max(c.end[i]!, fresh || !prev ? ts : prev.end),
      });
      continue;
    }
    // Every other event keeps the device's running session alive.
    const running = sessions.get(c.anon[i]!);
    if (running && running.session === c.session[i] && ts - running.end <= opts.sessionTimeout) {
      running.end = Math.max(running.end, ts);
    }
    if (type === RecordType.touch) {
      touches.push({ channel: channelOf(i), ts, kind: KIND_CODES[c.kind[i]! & KIND_MASK]! });
    } else if (type === RecordType.conversion) {
      conversions.push(i);
    } else if (type === RecordType.survey) {
      selfReported = ctx.surveys[c.extra[i]!];
    }
  }
  const { lookback } = opts;
  for (let k = 0; k < conversions.length; k++) {
    const i = conversions[k]!;
    const ts = c.ts[i]!;
    const lower = opts.paths === 'reset' && k > 0 ? c.ts[conversions[k - 1]!]! : -Infinity;
    const path = touches.filter((t) => t.ts < ts && t.ts >= lower && ts - t.ts <= lookback[t.kind]);
    const info = ctx.conversions[c.extra[i]!]!;
    yield {
      person,
      touches: path,
      conversion: {
        ts,
        name: info.name,
        value: c.value[i]!,
        count: 1,
        ...(info.orderId ? { orderId: info.orderId } : {}),
        ...(info.currency ? { currency: info.currency } : {}),
        ...(info.id ? { id: info.id } : {}),
      },
      ...(selfReported ? { selfReported } : {}),
    };
  }
  if (!opts.nulls) return;
  const after = conversions.length ? c.ts[conversions[conversions.length - 1]!]! : -Infinity;
  const rest = touches.filter((t) => t.ts >= after);
  if (!rest.length) return;
  const end = rest[rest.length - 1]!.ts;
  const path = rest.filter((t) => end - t.ts <= lookback[t.kind]);
  yield { person, touches: path, ...(selfReported ? { selfReported } : {}) };
}
