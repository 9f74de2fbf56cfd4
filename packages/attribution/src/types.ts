/** How a touch reached the person; each kind has its own lookback window. */
export type TouchClass = 'visit' | 'click' | 'impression';

/** One touch of a journey: a channel met at a time. */
export interface JourneyTouch {
  channel: string;
  /** Epoch milliseconds. */
  ts: number;
  kind: TouchClass;
  /** Set by the `frequency` transform: how many times the channel occurred. */
  count?: number;
}

/** The conversion a journey ends in. */
export interface JourneyConversion {
  ts: number;
  name: string;
  value: number;
  /** Conversion count carried by this journey (1 for an event; fractional counts are valid). */
  count: number;
  orderId?: string;
  /** ISO 4217 code (upper case) of `value`, when the event named one. */
  currency?: string;
  /** Id of the conversion event. */
  id?: string;
}

/**
 * An ordered list of touches ending in a conversion, or in none (a *null* journey: a person who did not
 * convert after these touches).
 */
export interface Journey {
  /** The person: a user id, or an anonymous id never identified (then `anonymous` is set). */
  person: string;
  /**
   * Set when `person` is an anonymous id (a device never identified), not a user id: a user id and an anonymous
   * id may read alike, and they are two people.
   */
  anonymous?: true;
  touches: JourneyTouch[];
  conversion?: JourneyConversion;
  /** The channel the person named in a survey ("how did you hear about us?"), kept apart from touches. */
  selfReported?: string;
}

/** One distinct path with its totals, in ChannelAttribution's aggregated form. */
export interface PathRow {
  /** Channel labels in order (`frequency` labels read `Email(2)`). */
  path: string[];
  conversions: number;
  value: number;
  nulls: number;
  /**
   * Time-decay weights summed over the row's journeys: per position, Σ conversions × 2^(−Δ/H) / Σw.
   * Absent for rows without touch times (CSV input); time decay then treats touches as simultaneous.
   */
  decay?: number[];
  /** Like `decay`, weighted by conversion value. */
  decayValue?: number[];
}

/** Aggregated paths plus what the journey reports need. */
export interface PathSet {
  rows: PathRow[];
  stats?: JourneyStats;
  /**
   * The converting journeys behind the rows, kept only by `aggregatePaths(journeys, { perConversion: true })`
   * (events, never CSV), for credit per conversion × touch.
   */
  conversions?: ConversionPath[];
}

/** A converting journey as kept for per-conversion credit. */
export interface ConversionPath {
  /** The journey's person, and whether that is an anonymous id (see {@link Journey}). */
  person: string;
  anonymous?: true;
  conversion: JourneyConversion;
  /** Touches after transforms; `channel` is the label the path shows (`Email(2)` under `frequency`). */
  touches: JourneyTouch[];
  /** This conversion's own time-decay share per touch, 2^(−Δ/H) / Σ, from its own times. */
  decay: number[];
}

/** Journey-level statistics gathered while aggregating (empty for CSV input). */
export interface JourneyStats {
  journeys: number;
  converting: number;
  /** Time from first touch to conversion, per converting journey with touches: bucket label → conversions. */
  timeToConversion: Record<string, number>;
  /** Self-reported channel → tracked channel (last touch) → conversions. */
  selfReported: Record<string, Record<string, number>>;
  /** Conversions without any touch within the lookback windows. */
  untracked: number;
  /**
   * Conversions with a value, per currency (`""`: the event named none). More than one key means the
   * `value` totals add up different currencies: pass the `currency` option to keep one.
   */
  currencies: Record<string, number>;
}
