// Throws 10,000+ seeded random and mutated requests at a real collector over HTTP: it must never crash,
// never answer 5xx (its sink is healthy), keep memory bounded, and still work afterwards.
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@touchpoint/protocol';
import { postBatch, removeDir, startCollector, trackEvent, type Running } from './test-harness.js';
import { redirectUrl } from './url-builders.js';

const SEED = Number(process.env.TOUCHPOINT_FUZZ_SEED ?? 20260123);
const REQUESTS = 10_000;
const CONCURRENCY = 16;
const secret = 'fuzz-secret-0123456789';

/** mulberry32: a tiny seeded PRNG, so a failure can be replayed with TOUCHPOINT_FUZZ_SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  'null',
  'true',
  '-0',
  '1e309',
  '"\\u0000"',
  '"\\ud800"',
  '"é"',
  '"v"',
  '"events"',
  '"id"',
  '"type"',
  '"ts"',
  '"__proto__"',
  '"constructor"',
  '9'.repeat(40),
  ' ',
  '\n',
];
const VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e-308,
  '',
  'x'.repeat(9000),
  '\u0000',
  '\ud800',
  [],
  {},
  [[[[[[[[[[]]]]]]]]]],
  { __proto__: { polluted: true } },
  'page',
  'email_click',
  uuidv7(),
  '2026-01-01',
  { a: { b: { c: {} } } },
];

function mutateJson(rand: () => number, text: string): string {
  const ops = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < ops; i++) {
    const at = Math.floor(rand() * (text.length + 1));
    const op = Math.floor(rand() * 5);
    if (op === 0) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 8));
    else if (op === 1) text = text.slice(0, at) + TOKENS[Math.floor(rand() * TOKENS.length)] + text.slice(at);
    else if (op === 2) text = text.slice(0, at);
    else if (op === 3)
      text = text.slice(0, at) + String.fromCharCode(Math.floor(rand() * 0xffff)) + text.slice(at + 1);
    else text = text + text.slice(0, at);
  }
  return text;
}

function mutateObject(rand: () => number, value: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(value);
  const copy: Record<string, unknown> = { ...value };
  const key =
    rand() < 0.8 && keys.length ? keys[Math.floor(rand() * keys.length)]! : `extra${Math.floor(rand() * 5)}`;
  if (rand() < 0.2) delete copy[key];
  else copy[key] = VALUES[Math.floor(rand() * VALUES.length)];
  return copy;
}

/** Percent-encodes any character, lone surrogates included (encodeURIComponent throws on those). */
function percent(c: string): string {
  return [...Buffer.from(c, 'utf8')].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');
}

function deep(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

function randomRequest(rand: () => number, baseUrl: string): { url: string; init: RequestInit } {
  const kind = rand();
  if (kind < 0.55) {
    const events = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => {
      const e = trackEvent({
        type: rand() < 0.5 ? 'track' : 'page',
        page: { url: 'https://x.test/', path: '/' },
      });
      return rand() < 0.6 ? mutateObject(rand, e) : e;
    });
    let body: unknown = { v: 1, sentAt: Date.now(), events };
    if (rand() < 0.2) body = mutateObject(rand, body as Record<string, unknown>);
    let text = JSON.stringify(body);
    if (rand() < 0.4) text = mutateJson(rand, text);
    if (rand() < 0.02)
      text = `{"v":1,"events":[{"id":"${uuidv7()}","x":${deep(5000 + Math.floor(rand() * 50_000))}}]}`;
    const types = [
      'text/plain',
      'application/json',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      '',
    ];
    return {
      url: `${baseUrl}/v1/batch${rand() < 0.1 ? '?key=' + mutateJson(rand, 'k').replace(/[^\x21-\x7e]|#/g, percent) : ''}`,
      init: {
        method: 'POST',
        headers: { 'content-type': types[Math.floor(rand() * types.length)]! },
        body: text,
      },
    };
  }
  if (kind < 0.85) {
    const valid = redirectUrl(baseUrl, {
      target: 'https://shop.example/p?a=1',
      email: { campaign: 'c', message: 'm', recipient: 'r' },
      ...(rand() < 0.5 ? { secret } : {}),
    });
    let url = rand() < 0.5 ? valid : valid.replace('/v1/r', '/v1/p.gif');
    if (rand() < 0.8) {
      const [head, query = ''] = url.split('?');
      url = `${head}?${mutateJson(rand, query).replace(/[^\x21-\x7e]|#/g, percent)}`;
    }
    return { url, init: { method: 'GET', redirect: 'manual' } };
  }
  const paths = [
    '/',
    '/v1',
    '/v1/batch/',
    '/healthz',
    '/metrics',
    '/v1/batch',
    '/%00',
    '/..%2f..%2fetc/passwd',
  ];
  const methods = ['GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'POST'];
  const method = methods[Math.floor(rand() * methods.length)]!;
  return {
    url: baseUrl + paths[Math.floor(rand() * paths.length)],
    init: {
      method,
      ...(method === 'GET' || method === 'OPTIONS' ? {} : { body: mutateJson(rand, '{"v":1}') }),
    },
  };
}

// node:http with a keep-alive agent costs far less CPU per request than fetch. Paths are normalized by
// the URL parser first, as a browser would send them.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function send(url: string, init: RequestInit): Promise<{ status: number }> {
  const { port, pathname, search } = new URL(url);
  const headers = { ...(init.headers as Record<string, string> | undefined) };
  if (headers['content-type'] === '') delete headers['content-type'];
  // Node sends DELETE/OPTIONS bodies without framing unless told their length.
  if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body as string));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: pathname + search,
        method: init.method,
        headers,
        agent,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode! }));
      },
    );
    req.on('error', (e) => reject(new Error(`${init.method} ${url}: ${e.message}`)));
    req.end(init.body as string | undefined);
  });
}

describe('fuzz', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startCollector({
      redirectSecret: secret,
      allowRedirectHosts: ['shop.example'],
      maxBodyBytes: 256 * 1024,
    });
  });
  afterAll(async () => {
    agent.destroy();
    await server.stop();
    await removeDir(server.dataDir);
  });

  it(`survives ${REQUESTS} random and mutated requests (seed ${SEED})`, { timeout: 180_000 }, async () => {
    const rand = prng(SEED);
    const statuses = new Map<number, number>();
    const fivexx: string[] = [];
    const rssStart = process.memoryUsage().rss;
    let next = 0;
    async function worker(): Promise<void> {
      while (next < REQUESTS) {
        next++;
        const { url, init } = randomRequest(rand, server.baseUrl);
        const res = await send(url, init);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) fivexx.push(`${init.method} ${url.slice(0, 200)} -> ${res.status}`);
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(REQUESTS);
    expect(fivexx).toEqual([]);
    // Every class of answer was exercised.
    for (const status of [200, 302, 400, 404, 405])
      expect(statuses.get(status), `status ${status}`).toBeGreaterThan(0);
    expect(process.memoryUsage().rss - rssStart).toBeLessThan(300 * 1024 * 1024);
    const after = await postBatch(server.baseUrl, { v: 1, events: [trackEvent()] });
    expect(after.json).toMatchObject({ accepted: 1 });
    const metrics = server.collector.metrics();
    expect(metrics.sinkErrors).toBe(0);
    expect(metrics.accepted).toBeGreaterThan(100);
  });
});
