import { createServer } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createCollector } from './collector.js';
import { readStoredEvents } from './read-stored-events.js';
import type { Sink, StoredEvent } from './sink.js';
import { collectorsPerTest, postBatch, removeDir, tempDir, trackEvent } from './test-harness.js';

const start = collectorsPerTest();

/** A sink that holds each write until released, or fails while `failing` is set. */
function controllableSink() {
  const stored: StoredEvent[] = [];
  const state = { failing: false, delayMs: 0 };
  const sink: Sink = {
    name: 'test',
    async write(events) {
      if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
      if (state.failing) throw new Error('disk on fire');
      const fresh = events.filter((e) => !stored.some((s) => s.id === e.id));
      stored.push(...fresh);
      return { inserted: fresh.length };
    },
    async close() {},
  };
  return { sink, stored, state };
}

describe('collector HTTP surface', () => {
  it('answers CORS preflights and echoes any origin by default, without credentials', async () => {
    const { baseUrl } = await start();
    const pre = await fetch(`${baseUrl}/v1/batch`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(pre.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const res = await postBatch(
      baseUrl,
      { v: 1, events: [trackEvent()] },
      { headers: { origin: 'https://a.example' } },
    );
    expect(res.headers.get('access-control-allow-origin')).toBe('https://a.example');
  });

  it('refuses origins outside the allowlist', async () => {
    const { baseUrl, dataDir } = await start({ corsOrigins: ['https://shop.example'] });
    const pre = await fetch(`${baseUrl}/v1/batch`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(pre.status).toBe(403);
    expect(await pre.json()).toEqual({
      error:
        '[touchpoint] origin https://evil.example is not allowed: add it to corsOrigins (CLI: --cors-origin or TOUCHPOINT_CORS_ORIGINS)',
    });
    const bad = await postBatch(
      baseUrl,
      { v: 1, events: [trackEvent()] },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(bad.status).toBe(403);
    const good = await postBatch(
      baseUrl,
      { v: 1, events: [trackEvent()] },
      { headers: { origin: 'https://shop.example' } },
    );
    expect(good.status).toBe(200);
    let n = 0;
    for await (const _ of readStoredEvents(dataDir)) n++;
    expect(n).toBe(1);
  });

  it('answers 404 and 405 with a clear message', async () => {
    const { baseUrl } = await start();
    const missing = await fetch(`${baseUrl}/nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatch(/POST \/v1\/batch/);
    const wrong = await fetch(`${baseUrl}/v1/batch`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('answers odd request paths (//, //host:x, a doubled slash) with a 4xx, never a 500', async () => {
    const errors: string[] = [];
    const { baseUrl } = await start({ onError: (message) => errors.push(message) });
    const { port } = new URL(baseUrl);
    const firstLine = (target: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () =>
          socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
        );
        let data = '';
        socket.on('data', (d) => (data += d));
        socket.on('close', () => resolve(data));
      });
    for (const target of ['//', '//a:b/v1/batch', '//v1/batch']) {
      const answer = await firstLine(target);
      expect(answer, target).toMatch(/^HTTP\/1\.1 404/);
      expect(answer, target).toContain(`no route ${target}`);
    }
    expect(errors).toEqual([]);
  });

  it('serves /healthz and metrics as JSON and Prometheus text', async () => {
    const { baseUrl } = await start();
    await postBatch(baseUrl, { v: 1, events: [trackEvent(), trackEvent({ name: '' })] });
    expect(await (await fetch(`${baseUrl}/healthz`)).json()).toEqual({ ok: true, sink: 'ndjson' });
    const json = await (await fetch(`${baseUrl}/metrics?format=json`)).json();
    expect(json).toMatchObject({ accepted: 1, rejected: 1, duplicates: 0, sinkLatencyMs: { count: 1 } });
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(text).toContain('touchpoint_events_accepted_total 1');
    expect(text).toContain('touchpoint_events_rejected_total 1');
    expect(text).toMatch(/touchpoint_sink_latency_seconds_count\{sink="ndjson"\} 1/);
  });

  it('times out slow requests (slowloris) with 408 and keeps serving others', async () => {
    const { baseUrl, collector } = await start({ requestTimeoutMs: 300 });
    const { port } = new URL(baseUrl);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n{"v":1,',
        );
      });
      let data = '';
      socket.on('data', (d) => (data += d));
      socket.on('close', () => resolve(data));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    const raw = (request: string) =>
      new Promise<{ ms: number; answer: string }>((resolve) => {
        const started = Date.now();
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
        let data = '';
        socket.on('data', (d) => (data += d));
        socket.on('close', () => resolve({ ms: Date.now() - started, answer: data }));
      });
    const slowHeaders = await raw('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    expect(slowHeaders.ms).toBeLessThan(5000);
    // Answered like every other error, with a JSON body saying what happened (Node's own had none).
    const jsonError = (answer: string, status: number) => {
      expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(answer).toMatch(/content-type: application\/json/i);
      expect(JSON.parse(answer.split('\r\n\r\n')[1]!).error).toMatch(/^\[touchpoint\] /);
    };
    jsonError(slowHeaders.answer, 408);
    jsonError((await raw('NONSENSE\r\n\r\n')).answer, 400);
    jsonError((await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)).answer, 431);
    // Also on a kept-alive connection that was answered before (it only got a reset).
    const twice = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'),
      );
      let data = '';
      socket.on('data', (d) => {
        if (!data) socket.write(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
        data += d;
      });
      socket.on('close', () => resolve(data));
    });
    expect(twice).toMatch(/^HTTP\/1\.1 200 [\s\S]*HTTP\/1\.1 431 /);
    // A client that keeps its side open and trickles headers after the 408 is cut off, not kept for ever.
    const trickled = await new Promise<boolean>((resolve) => {
      const socket = connect({ port: Number(port), host: '127.0.0.1', allowHalfOpen: true }, () =>
        socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'),
      );
      const trickle = setInterval(() => socket.writable && socket.write('X-More: y\r\n'), 100);
      socket.on('error', () => {});
      socket.on('close', () => (clearInterval(trickle), resolve(true)));
      setTimeout(() => (clearInterval(trickle), socket.destroy(), resolve(false)), 4000);
    });
    expect(trickled).toBe(true);
    expect((await postBatch(baseUrl, { v: 1, events: [trackEvent()] })).status).toBe(200);
    expect(collector.metrics().refusedRequests).toBe(1);
  });

  it('answers 503 with Retry-After when the sink fails, and stores nothing', async () => {
    const { sink, stored, state } = controllableSink();
    const collector = await createCollector({ sink, onError: () => {} });
    const baseUrl = await collector.listen(0, '127.0.0.1');
    state.failing = true;
    const res = await postBatch(
      baseUrl,
      { v: 1, events: [trackEvent()] },
      { headers: { origin: 'https://shop.example' } },
    );
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    // A page on another origin (the usual set-up) can read Retry-After only when it is exposed.
    expect(res.headers.get('access-control-expose-headers')).toMatch(/retry-after/i);
    expect(stored).toHaveLength(0);
    expect(collector.metrics().sinkErrors).toBe(1);
    state.failing = false;
    expect((await postBatch(baseUrl, { v: 1, events: [trackEvent()] })).status).toBe(200);
    await collector.close();
  });

  it('shuts down gracefully: requests in flight finish and are stored, later ones are refused', async () => {
    const { sink, stored, state } = controllableSink();
    const collector = await createCollector({ sink, onError: () => {} });
    const baseUrl = await collector.listen(0, '127.0.0.1');
    state.delayMs = 300;
    const events = Array.from({ length: 5 }, () => trackEvent());
    const inFlight = postBatch(baseUrl, { v: 1, events });
    await new Promise((r) => setTimeout(r, 50));
    const closing = collector.close();
    const res = await inFlight;
    await closing;
    expect(res.status).toBe(200);
    expect(res.json.accepted).toBe(5);
    expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));
    await expect(postBatch(baseUrl, { v: 1, events: [trackEvent()] })).rejects.toThrow();
  });

  it('while shutting down, answers 503 with Retry-After that a page on another origin can read', async () => {
    const collector = await createCollector({ sink: controllableSink().sink, onError: () => {} });
    // Mounted in the app's own server, which keeps accepting requests while the collector shuts down.
    const server = createServer(collector.handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await collector.close();
    const res = await postBatch(
      baseUrl,
      { v: 1, events: [trackEvent()] },
      { headers: { origin: 'https://shop.example' } },
    );
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('access-control-allow-origin')).toBeTruthy();
    expect(res.headers.get('access-control-expose-headers')).toMatch(/retry-after/i);
    await new Promise((r) => server.close(r));
  });

  it('mounts in a plain node http server', async () => {
    const dataDir = await tempDir();
    const collector = await createCollector({ dataDir });
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/app')) return void res.end('app');
      collector.handler(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await postBatch(baseUrl, { v: 1, events: [trackEvent()] })).json.accepted).toBe(1);
    await new Promise((r) => server.close(r));
    await collector.close();
    await removeDir(dataDir);
  });

  it('throws clear errors for broken options', async () => {
    await expect(createCollector({})).rejects.toThrow(/pass "dataDir"/);
    await expect(createCollector({ dataDir: '/tmp/x', ip: 'hash' as never })).rejects.toThrow(/"ip" must be/);
    await expect(createCollector({ dataDir: '/tmp/x', corsOrigins: ['shop.example'] })).rejects.toThrow(
      /https:\/\/shop/,
    );
    await expect(createCollector({ dataDir: '/tmp/x', maxBodyBytes: -1 })).rejects.toThrow(/maxBodyBytes/);
    await expect(createCollector({ dataDir: '/tmp/x', redirectSecret: 'short' })).rejects.toThrow(
      /16 characters/,
    );
    await expect(createCollector({ dataDir: '/tmp/x', trustProxy: 1.5 })).rejects.toThrow(
      /"trustProxy" must be true, false or the number of proxies in front, got 1.5/,
    );
  });
});
