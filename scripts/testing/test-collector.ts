// Shared browser-test helper: the real collector (NDJSON store in a temp dir) behind a thin server that
// counts requests and can inject faults (answer 503 for a while, drop connections…).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCollector, readStoredEvents, type Collector } from '@touchpoint/collector';

/** Returns true when it answered the request itself (the collector then never sees it). */
export type Fault = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface TestCollector {
  /** `POST` URL for the SDK: `http://127.0.0.1:PORT/v1/batch`. */
  endpoint: string;
  dataDir: string;
  collector: Collector;
  /** Batch requests received (including those a fault answered). */
  requests: number;
  /** Set or clear a fault. */
  fault: Fault | undefined;
  /** Every stored event id, with how many times each was stored (the store keeps each id once). */
  stored(): Promise<Map<string, number>>;
  /** Polls until every id in `ids` is stored; returns the ids still missing at the deadline. */
  waitFor(ids: string[], timeoutMs?: number): Promise<string[]>;
  close(): Promise<void>;
}

/** A fault answering 503 (with CORS, like a real overloaded collector) until `untilMs` (epoch ms). */
export function unavailableUntil(untilMs: number, retryAfterS?: number): Fault {
  return (req, res) => {
    if (Date.now() >= untilMs || req.method !== 'POST') return false;
    req.resume();
    res.writeHead(503, {
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'Retry-After',
      ...(retryAfterS === undefined ? {} : { 'retry-after': String(retryAfterS) }),
    });
    res.end();
    return true;
  };
}

/** A fault answering 503 to the next `count` batch requests, then letting requests through. */
export function unavailableFor(count: number, retryAfterS?: number): Fault {
  let left = count;
  const refuse = unavailableUntil(Infinity, retryAfterS);
  return (req, res) => req.method === 'POST' && left-- > 0 && refuse(req, res);
}

export async function startTestCollector(): Promise<TestCollector> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tp-delivery-'));
  const collector = await createCollector({ dataDir, onError: () => {} });
  const server = createServer((req, res) => {
    if (req.method === 'POST') test.requests++;
    if (test.fault?.(req, res)) return;
    collector.handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stored = async (): Promise<Map<string, number>> => {
    const counts = new Map<string, number>();
    for await (const event of readStoredEvents(dataDir))
      counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
    return counts;
  };
  const test: TestCollector = {
    endpoint: `http://127.0.0.1:${port}/v1/batch`,
    dataDir,
    collector,
    requests: 0,
    fault: undefined,
    stored,
    async waitFor(ids, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const have = await stored();
        const missing = ids.filter((id) => !have.has(id));
        if (!missing.length || Date.now() > deadline) return missing;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await collector.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return test;
}
