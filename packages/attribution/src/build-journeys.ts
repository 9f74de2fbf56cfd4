import { createJourneyBuilder, type BuilderStats } from './journey-builder.js';
import type { JourneyOptions } from './journey-options.js';
import type { EventStream } from './read-events.js';
import type { LooseEvent } from './touch-of-event.js';
import type { Journey } from './types.js';

/** Journeys, lazily produced person by person, plus what was read. */
export interface Journeys extends Iterable<Journey> {
  readonly stats: BuilderStats;
}

/**
 * Reconstructs journeys from events in any order (an array, or a stream such as `readEvents`): identities are
 * stitched (see `createIdentityResolver` for the rule), sessions cut, touches classified, and each conversion
 * gets the touches strictly before it within their lookback windows. Repeated event ids and order ids count
 * once (the earliest copy).
 *
 * @example const journeys = await buildJourneys(readEvents('events.ndjson'), { paths: 'reset' })
 */
export async function buildJourneys(
  events: Iterable<LooseEvent> | AsyncIterable<LooseEvent>,
  options: JourneyOptions = {},
): Promise<Journeys> {
  const builder = createJourneyBuilder(options);
  if (Symbol.iterator in events) for (const event of events) builder.add(event);
  else if (isStream(events))
    for await (const batch of events.batches()) for (const event of batch) builder.add(event);
  else for await (const event of events) builder.add(event);
  let used = false;
  return {
    stats: builder.stats,
    [Symbol.iterator]() {
      if (used)
        throw new Error(
          '[touchpoint] attribution: journeys can be read once; call buildJourneys again to re-read.',
        );
      used = true;
      return builder.journeys();
    },
  };
}

function isStream(events: AsyncIterable<LooseEvent>): events is EventStream {
  return typeof (events as Partial<EventStream>).batches === 'function';
}
