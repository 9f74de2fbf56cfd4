// Test helper (not shipped): the behaviour every EventQueue implementation must have.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '@touchpoint/protocol';
import { utf8Length, type EventQueue, type QueueLimits, type QueuedEvent } from './event-queue.js';

export function item(props: Record<string, unknown> = {}): QueuedEvent {
  const id = uuidv7();
  const json = JSON.stringify({ id, type: 'track', name: 'x', ...props });
  return { id, json, bytes: utf8Length(json) };
}

/** Runs the shared suite; `make` returns a fresh, empty queue with the given limits. */
export function queueConformance(name: string, make: (limits: QueueLimits) => Promise<EventQueue>): void {
  const roomy = { maxEvents: 1000, maxBytes: 1_000_000 };
  describe(`${name}: EventQueue conformance`, () => {
    it('keeps events in order and hands out the oldest first', async () => {
      const q = await make(roomy);
      const items = [item(), item(), item()];
      for (const i of items) q.add(i);
      expect((await q.take(10, 10_000)).map((i) => i.id)).toEqual(items.map((i) => i.id));
      expect((await q.take(2, 10_000)).map((i) => i.id)).toEqual(items.slice(0, 2).map((i) => i.id));
      expect(q.local().map((i) => i.id)).toEqual(items.map((i) => i.id));
    });

    it('take limits by bytes but always returns at least one event', async () => {
      const q = await make(roomy);
      const big = item({ pad: 'x'.repeat(500) });
      q.add(big);
      q.add(item());
      expect((await q.take(10, 100)).map((i) => i.id)).toEqual([big.id]);
      const all = await q.take(10, 10_000);
      expect(all).toHaveLength(2);
    });

    it('take does not remove; remove does', async () => {
      const q = await make(roomy);
      const [a, b] = [item(), item()];
      q.add(a);
      q.add(b);
      await q.take(10, 10_000);
      expect(await q.take(10, 10_000)).toHaveLength(2);
      await q.remove([a.id]);
      expect((await q.take(10, 10_000)).map((i) => i.id)).toEqual([b.id]);
      expect(q.local().map((i) => i.id)).toEqual([b.id]);
    });

    it('drops the oldest beyond the count bound and counts the drops', async () => {
      const q = await make({ maxEvents: 3, maxBytes: 1_000_000 });
      const items = Array.from({ length: 5 }, () => item());
      for (const i of items) q.add(i);
      expect((await q.take(10, 100_000)).map((i) => i.id)).toEqual(items.slice(2).map((i) => i.id));
      expect(q.dropped()).toBe(2);
    });

    it('drops the oldest beyond the byte bound', async () => {
      const first = item();
      const q = await make({ maxEvents: 100, maxBytes: first.bytes * 2 + 10 });
      const rest = [item(), item()];
      for (const i of [first, ...rest]) q.add(i);
      expect((await q.take(10, 100_000)).map((i) => i.id)).toEqual(rest.map((i) => i.id));
      expect(q.dropped()).toBe(1);
    });

    it('clear empties it', async () => {
      const q = await make(roomy);
      q.add(item());
      await q.settle();
      await q.clear();
      expect(await q.take(10, 10_000)).toEqual([]);
      expect(q.local()).toEqual([]);
    });

    it('counts non-ASCII text in UTF-8 bytes', () => {
      expect(utf8Length('aé€😀')).toBe(new TextEncoder().encode('aé€😀').length);
    });
  });
}
