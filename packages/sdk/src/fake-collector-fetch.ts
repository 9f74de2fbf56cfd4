import { vi } from 'vitest';
import type { TouchpointEvent } from '@touchpoint/protocol';

/** What the fake collector received: each request's URL and its batch's events. */
export interface FakeCollector {
  urls: string[];
  batches: TouchpointEvent[][];
}

/**
 * Stubs `fetch` with a collector that accepts every event (answers `{ accepted, duplicates: 0, rejected: [] }`)
 * and records what it was sent. Test-only; undo with `vi.unstubAllGlobals()`.
 */
export function stubCollectorFetch(): FakeCollector {
  const received: FakeCollector = { urls: [], batches: [] };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const { events } = JSON.parse(String(init.body)) as { events: TouchpointEvent[] };
      received.urls.push(url);
      received.batches.push(events);
      return new Response(JSON.stringify({ accepted: events.length, duplicates: 0, rejected: [] }));
    }),
  );
  return received;
}
