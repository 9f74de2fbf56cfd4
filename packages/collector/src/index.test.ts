// The public front door: exactly these names, with these types.
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from './index.js';
import type { BatchResponse } from '@touchpoint/protocol';
import type { Collector, CollectorOptions, Sink, StoredEvent } from './index.js';

describe('public API', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'CLICK_PARAM',
        'CLOCK_TOLERANCE_MS',
        'PIXEL_PATH',
        'REDIRECT_PATH',
        'createCollector',
        'createNdjsonSink',
        'createPostgresSink',
        'pixelUrl',
        'readStoredEvents',
        'redirectUrl',
      ].sort(),
    );
    expect(api.CLICK_PARAM).toBe('tp_click');
  });

  it('has the documented types', () => {
    expectTypeOf(api.createCollector).parameter(0).toEqualTypeOf<CollectorOptions>();
    expectTypeOf(api.createCollector).returns.resolves.toEqualTypeOf<Collector>();
    expectTypeOf<Collector['listen']>().returns.resolves.toBeString();
    expectTypeOf(api.readStoredEvents).returns.toEqualTypeOf<AsyncGenerator<StoredEvent>>();
    expectTypeOf<Sink['write']>().returns.resolves.toEqualTypeOf<{ inserted: number }>();
    expectTypeOf<StoredEvent['receivedAt']>().toBeNumber();
    expectTypeOf<ReturnType<Collector['metrics']>>().toMatchTypeOf<Omit<BatchResponse, 'rejected'>>();
    // @ts-expect-error ip policies are a closed set
    const bad: CollectorOptions = { dataDir: 'd', ip: 'hash' };
    void bad;
  });
});
