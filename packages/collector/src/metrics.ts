/** Upper bounds of the sink latency histogram, ms. */
const LATENCY_BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];

/**
 * Counters the collector keeps; read them with `collector.metrics()` or `GET /metrics`.
 * @see https://prometheus.io/docs/instrumenting/exposition_formats/ for `GET /metrics`
 */
export interface CollectorMetrics {
  /** Events stored for the first time (batches, pixels, clicks). */
  accepted: number;
  /** Events skipped because their id was already stored. */
  duplicates: number;
  /** Events rejected by validation. */
  rejected: number;
  /** `POST /v1/batch` requests answered 2xx. */
  batches: number;
  /** Requests refused as a whole (bad body, too large, too slow, bad key, bad origin). */
  refusedRequests: number;
  /** Email opens recorded by the pixel. */
  pixelOpens: number;
  /** Clicks recorded by the redirect. */
  clicks: number;
  /** Unsigned links redirected without recording a click (a `redirectSecret` is set). */
  unsignedClicks: number;
  /** Redirects refused (unsigned and not allowlisted, tampered, unsafe targets). */
  refusedRedirects: number;
  /** Sink writes that failed. */
  sinkErrors: number;
  /** Time the sink took per write. */
  sinkLatencyMs: { count: number; sum: number; max: number; buckets: Record<string, number> };
}

export type MetricsRecorder = ReturnType<typeof createMetrics>;

/** Plain counters plus a latency histogram, exported as JSON or Prometheus text. */
export function createMetrics() {
  const m: CollectorMetrics = {
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    batches: 0,
    refusedRequests: 0,
    pixelOpens: 0,
    clicks: 0,
    unsignedClicks: 0,
    refusedRedirects: 0,
    sinkErrors: 0,
    sinkLatencyMs: { count: 0, sum: 0, max: 0, buckets: {} },
  };
  const buckets = new Array<number>(LATENCY_BUCKETS_MS.length).fill(0);
  return {
    counters: m,
    sinkLatency(ms: number): void {
      m.sinkLatencyMs.count++;
      m.sinkLatencyMs.sum += ms;
      m.sinkLatencyMs.max = Math.max(m.sinkLatencyMs.max, ms);
      LATENCY_BUCKETS_MS.forEach((bound, i) => {
        if (ms <= bound) buckets[i]!++;
      });
    },
    snapshot(): CollectorMetrics {
      const histogram: Record<string, number> = {};
      LATENCY_BUCKETS_MS.forEach((bound, i) => (histogram[String(bound)] = buckets[i]!));
      return { ...m, sinkLatencyMs: { ...m.sinkLatencyMs, buckets: histogram } };
    },
    /** Prometheus text exposition format 0.0.4. */
    prometheus(sink: string): string {
      const lines: string[] = [];
      const counter = (name: string, help: string, value: number): void => {
        lines.push(
          `# HELP touchpoint_${name} ${help}`,
          `# TYPE touchpoint_${name} counter`,
          `touchpoint_${name} ${value}`,
        );
      };
      counter('events_accepted_total', 'Events stored for the first time.', m.accepted);
      counter('events_duplicate_total', 'Events skipped because their id was already stored.', m.duplicates);
      counter('events_rejected_total', 'Events rejected by validation.', m.rejected);
      counter('batches_total', 'Batches answered 2xx.', m.batches);
      counter('requests_refused_total', 'Requests refused as a whole.', m.refusedRequests);
      counter('pixel_opens_total', 'Email opens recorded by the pixel.', m.pixelOpens);
      counter('clicks_total', 'Clicks recorded by the redirect.', m.clicks);
      counter(
        'clicks_unsigned_total',
        'Unsigned links redirected without recording a click.',
        m.unsignedClicks,
      );
      counter('redirects_refused_total', 'Redirects refused.', m.refusedRedirects);
      counter('sink_errors_total', 'Failed sink writes.', m.sinkErrors);
      const h = 'touchpoint_sink_latency_seconds';
      lines.push(`# HELP ${h} Time the sink took per write.`, `# TYPE ${h} histogram`);
      LATENCY_BUCKETS_MS.forEach((bound, i) =>
        lines.push(`${h}_bucket{sink="${sink}",le="${bound / 1000}"} ${buckets[i]}`),
      );
      lines.push(`${h}_bucket{sink="${sink}",le="+Inf"} ${m.sinkLatencyMs.count}`);
      lines.push(
        `${h}_sum{sink="${sink}"} ${m.sinkLatencyMs.sum / 1000}`,
        `${h}_count{sink="${sink}"} ${m.sinkLatencyMs.count}`,
      );
      return lines.join('\n') + '\n';
    },
  };
}
