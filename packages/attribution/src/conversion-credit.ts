import { compare } from './models/markov.js';
import type { ModelName } from './models/model-options.js';
import type { ConversionPath, JourneyConversion, JourneyTouch } from './types.js';

/** One model's credit of one conversion, per touch. */
export interface TouchCredit {
  model: ModelName;
  /** Per touch, the part of the conversion's count credited to it (sums to `count`). */
  conversions: number[];
  /** Per touch, the part of the conversion's value credited to it (sums to `value`). */
  value: number[];
}

/** One credited conversion (a conversion with at least one touch) with each model's credit per touch. */
export interface ConversionCredit extends JourneyConversion {
  /** The person (a user id, or an anonymous id never identified: then `anonymous` is set), as journeys name it. */
  person: string;
  anonymous?: true;
  /** Its touches in order; `channel` is the label the path shows (`Email(2)` under `frequency`). */
  touches: JourneyTouch[];
  /** In the order of the result's `models`. */
  models: TouchCredit[];
}

/** A model's share of a path's conversions per touch position (summing to 1). */
export type PathShares = (path: readonly string[]) => readonly number[];

/**
 * Credit per conversion × touch. Path-based models give a conversion the shares of its path (as `detail`
 * does per path); time decay uses the conversion's own touch times. Sorted by person (anonymous ones first),
 * time, event id, order id and name, so the list does not depend on the order journeys came in.
 */
export function creditConversions(
  kept: readonly ConversionPath[],
  models: ReadonlyArray<{ model: ModelName; shares: PathShares }>,
): ConversionCredit[] {
  return [...kept].sort(byConversion).map(({ person, anonymous, conversion, touches, decay }) => {
    const path = touches.map((t) => t.channel);
    return {
      person,
      ...(anonymous ? { anonymous } : {}),
      ...conversion,
      touches,
      models: models.map(({ model, shares }) => {
        const s = model === 'time_decay' ? decay : shares(path);
        return {
          model,
          conversions: s.map((x) => x * conversion.count),
          value: s.map((x) => x * conversion.value),
        };
      }),
    };
  });
}

function byConversion(a: ConversionPath, b: ConversionPath): number {
  const x = a.conversion;
  const y = b.conversion;
  // Anonymous people first, as journeys come: a user id and an anonymous id of one text are two people.
  return (
    Number(!a.anonymous) - Number(!b.anonymous) ||
    compare(a.person, b.person) ||
    x.ts - y.ts ||
    compare(x.id ?? '', y.id ?? '') ||
    compare(x.orderId ?? '', y.orderId ?? '') ||
    compare(x.name, y.name) ||
    x.value - y.value ||
    compare(x.currency ?? '', y.currency ?? '') ||
    x.count - y.count
  );
}
