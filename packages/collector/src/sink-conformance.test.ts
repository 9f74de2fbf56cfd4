// One suite every sink must pass: idempotent writes, counts of new rows, concurrency, restarts, round trips.
import { afterAll, describe, expect, it } from 'vitest';
import { createNdjsonSink } from './ndjson-sink.js';
import { dropSchema, freshSchema, pgUrl, queryRows } from './pg-test-url.js';
import { createPostgresSink } from './postgres-sink.js';
import type { Sink, StoredEvent } from './sink.js';
import { removeDir, storedEvent as event, storedEvents, tempDir } from './test-harness.js';

interface Harness {
  open(): Promise<Sink>;
  read(): Promise<StoredEvent[]>;
  cleanup(): Promise<void>;
}

const harnesses: Record<string, () => Promise<Harness>> = {
  ndjson: async () => {
    const dir = await tempDir();
    return {
      open: () => createNdjsonSink({ dataDir: dir }),
      read: () => storedEvents(dir),
      cleanup: () => removeDir(dir),
    };
  },
  postgres: async () => {
    const schema = freshSchema();
    return {
      open: () => createPostgresSink({ connectionString: pgUrl!, schema, maxRowsPerInsert: 500 }),
      async read() {
        const rows = await queryRows<{ event: StoredEvent }>(
          `SELECT event FROM "${schema}".touchpoint_events ORDER BY id`,
        );
        return rows.map((r) => r.event);
      },
      cleanup: () => dropSchema(schema),
    };
  },
};

for (const [name, make] of Object.entries(harnesses)) {
  describe.skipIf(name === 'postgres' && !pgUrl)(`sink conformance: ${name}`, () => {
    let harness: Harness;
    const sinks: Sink[] = [];
    async function open(): Promise<Sink> {
      harness ??= await make();
      const sink = await harness.open();
      sinks.push(sink);
      return sink;
    }
    afterAll(async () => {
      for (const sink of sinks) await sink.close().catch(() => {});
      await harness?.cleanup();
    });

    it('stores new events and counts only new ids as inserted', async () => {
      const sink = await open();
      const a = event();
      const b = event();
      expect(await sink.write([a, b])).toEqual({ inserted: 2 });
      expect(await sink.write([a, b])).toEqual({ inserted: 0 });
      expect(await sink.write([a, event()])).toEqual({ inserted: 1 });
      expect(await sink.write([])).toEqual({ inserted: 0 });
    });

    it('round-trips events exactly, including unicode and nested props', async () => {
      const sink = await open();
      const e = event({
        userId: 'u-1',
        page: { url: 'https://x.test/ü?q=1', path: '/ü' },
      } as Partial<StoredEvent>);
      await sink.write([e]);
      const back = (await harness.read()).find((x) => x.id === e.id);
      expect(back).toEqual(e);
    });

    it('stores each id once under concurrent overlapping writes', async () => {
      const sink = await open();
      const events = Array.from({ length: 300 }, () => event());
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => sink.write(events.slice(i * 20, i * 20 + 100))),
      );
      expect(results.reduce((s, r) => s + r.inserted, 0)).toBe(events.slice(0, 320).length);
      const ids = new Set((await harness.read()).map((e) => e.id));
      for (const e of events) expect(ids.has(e.id)).toBe(true);
    });

    it('handles writes larger than one insert batch', async () => {
      const sink = await open();
      const events = Array.from({ length: 1234 }, () => event());
      expect(await sink.write(events)).toEqual({ inserted: 1234 });
    });

    it('keeps dedup after close and reopen', async () => {
      const first = await open();
      const e = event();
      await first.write([e]);
      await first.close();
      const second = await open();
      expect(await second.write([e, event()])).toEqual({ inserted: 1 });
      const copies = (await harness.read()).filter((x) => x.id === e.id);
      expect(copies).toHaveLength(1);
    });
  });
}
