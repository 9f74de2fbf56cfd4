import {
  CLICK_LANDING,
  KIND_CODES,
  KIND_MASK,
  LANDING_BIT,
  PLAIN_PAGE,
  RecordType,
  SESSION_START_BIT,
} from './columns.js';
import type { ResolvedJourneyOptions } from './journey-options.js';
import { recordOrder, type OrderContext } from './record-order.js';
import { sortInOrder } from './sort-in-order.js';
import { DEFAULT_DIRECT_CHANNEL } from './models/model-options.js';
import type { Journey, JourneyConversion, JourneyTouch } from './types.js';

/** Side data of a conversion record. */
export interface ConversionInfo {
  name: string;
  orderId: string | undefined;
  /** Upper case; undefined when the event named none. */
  currency: string | undefined;
  id: string;
  ts: number;
  /** The event as JSON when it has an order or event id: breaks ties between copies at the same time. */
  tie: string;
  /** A repeat of an event id or order id counted on another copy (see `dropRepeats`). */
  dropped: boolean;
  /** Valued in another currency than the `currency` option's (or in none named): left out. */
  otherCurrency: boolean;
}

export interface PersonContext extends OrderContext {
  opts: ResolvedJourneyOptions;
}

/**
 * One person's journeys from their records (any order; `markSessionStarts` has run): touches (landing
 * touches, the first page of a session without one as Direct, ad and email touches), then one journey per
 * conversion with the touches strictly before it inside their lookback window, and a null journey for touches
 * after the last conversion.
 */
export function* personJourneys(
  who: Pick<Journey, 'person' | 'anonymous'>,
  records: number[],
  ctx: PersonContext,
): Generator<Journey> {
  const { c, channelNames, opts } = ctx;
  const channelOf = (i: number) => channelNames[c.channel[i]!]!;
  sortInOrder(records, recordOrder(ctx));
  const touches: JourneyTouch[] = [];
  const conversions: number[] = [];
  let selfReported: string | undefined;
  for (const i of records) {
    const type = c.type[i];
    const ts = c.ts[i]!;
    if (type === RecordType.page) {
      const channel = c.channel[i]!;
      // An SDK landing touch always counts (a second arrival inside a session); a page we classified ourselves
      // counts only when it starts a session.
      if (channel !== CLICK_LANDING && (c.kind[i]! & (SESSION_START_BIT | LANDING_BIT)) !== 0) {
        const name = channel === PLAIN_PAGE ? DEFAULT_DIRECT_CHANNEL : channelOf(i);
        touches.push({ channel: name, ts, kind: KIND_CODES[c.kind[i]! & KIND_MASK]! });
      }
    } else if (type === RecordType.touch) {
      touches.push({ channel: channelOf(i), ts, kind: KIND_CODES[c.kind[i]! & KIND_MASK]! });
    } else if (type === RecordType.conversion) {
      conversions.push(i);
    } else if (type === RecordType.survey) {
      selfReported = ctx.surveys[c.extra[i]!];
    }
  }
  // Built by hand, not spread from `who`: spreading gives journeys many object shapes, and the loops that
  // read them (aggregatePaths) ran markedly slower for it. Keys keep their order: person, anonymous,
  // touches, conversion, selfReported.
  const journey = (touches: JourneyTouch[], conversion: JourneyConversion | undefined): Journey => {
    const j: Journey = who.anonymous
      ? { person: who.person, anonymous: true, touches }
      : { person: who.person, touches };
    if (conversion) j.conversion = conversion;
    if (selfReported) j.selfReported = selfReported;
    return j;
  };
  const { lookback } = opts;
  for (let k = 0; k < conversions.length; k++) {
    const i = conversions[k]!;
    const ts = c.ts[i]!;
    const lower = opts.paths === 'reset' && k > 0 ? c.ts[conversions[k - 1]!]! : -Infinity;
    const path = touches.filter((t) => t.ts < ts && t.ts >= lower && ts - t.ts <= lookback[t.kind]);
    const info = ctx.conversions[c.extra[i]!]!;
    yield journey(path, {
      ts,
      name: info.name,
      value: c.value[i]!,
      count: 1,
      ...(info.orderId ? { orderId: info.orderId } : {}),
      ...(info.currency ? { currency: info.currency } : {}),
      ...(info.id ? { id: info.id } : {}),
    });
  }
  if (!opts.nulls) return;
  const after = conversions.length ? c.ts[conversions[conversions.length - 1]!]! : -Infinity;
  const rest = touches.filter((t) => t.ts >= after);
  if (!rest.length) return;
  const end = rest[rest.length - 1]!.ts;
  const path = rest.filter((t) => end - t.ts <= lookback[t.kind]);
  yield journey(path, undefined);
}
