import type { MetricsRecorder } from './metrics.js';
import type { ResolvedOptions } from './options.js';
import type { Sink, StoredEvent } from './sink.js';

/** What every route needs: options, the sink and the counters. */
export interface Context {
  options: ResolvedOptions;
  sink: Sink;
  metrics: MetricsRecorder;
  /** Writes to the sink, timing it; resolves with how many events were new, rejects on sink failure. */
  store(events: readonly StoredEvent[]): Promise<number>;
}

/** Builds the shared route context. */
export function createContext(options: ResolvedOptions, sink: Sink, metrics: MetricsRecorder): Context {
  return {
    options,
    sink,
    metrics,
    async store(events) {
      const start = performance.now();
      try {
        const { inserted } = await sink.write(events);
        metrics.counters.accepted += inserted;
        metrics.counters.duplicates += events.length - inserted;
        return inserted;
      } catch (error) {
        metrics.counters.sinkErrors++;
        options.onError(
          `[touchpoint] collector: the ${sink.name} sink failed to store ${events.length} events`,
          error,
        );
        throw error;
      } finally {
        metrics.sinkLatency(performance.now() - start);
      }
    },
  };
}
