export { createCollector } from './collector';
export type { Collector } from './collector';
export type { CollectorOptions, IpPolicy } from './options';
export type { CollectorMetrics } from './metrics';
export type { Sink, StoredEvent } from './sink';
export { createNdjsonSink } from './ndjson-sink';
export type { NdjsonSinkOptions } from './ndjson-sink';
export { readStoredEvents } from './read-stored-events';
export { CLOCK_TOLERANCE_MS } from './clock';
