// Drives the example backend over HTTP: valid, duplicate, partly invalid, malformed, CORS, restart.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { uuidv7 } from '@touchpoint/protocol';
import { createBackend } from './backend.mjs';

async function start(file) {
  const handler = createBackend(file);
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, stop: () => new Promise((resolve) => server.close(() => (handler.close(), resolve()))) };
}

const event = (extra = {}) => ({
  id: uuidv7(),
  type: 'track',
  name: 'signup',
  ts: Date.now(),
  anonymousId: 'a',
  sessionId: 's',
  ...extra,
});
const post = async (url, body, headers = {}) => {
  const res = await fetch(`${url}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: await res.json() };
};

test('stores each event once, rejects bad events alone, survives a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'own-backend-'));
  const file = join(dir, 'events.ndjson');
  let backend = await start(file);
  const a = event();
  const bad = event({ name: 7 });
  const first = await post(
    backend.url,
    { v: 1, sentAt: Date.now(), events: [a, a, bad] },
    { origin: 'https://shop.example' },
  );
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('access-control-allow-origin'), 'https://shop.example');
  assert.equal(first.headers.get('access-control-expose-headers'), 'Retry-After');
  assert.deepEqual(first.json, {
    accepted: 1,
    duplicates: 1,
    rejected: [{ id: bad.id, reason: '"name" must be a string' }],
  });
  assert.equal((await post(backend.url, '{oops')).status, 400);
  await backend.stop();

  backend = await start(file);
  const again = await post(backend.url, { v: 1, events: [a, event()] });
  assert.deepEqual(again.json, { accepted: 1, duplicates: 1, rejected: [] });
  const pre = await fetch(`${backend.url}/v1/batch`, {
    method: 'OPTIONS',
    headers: { origin: 'https://shop.example' },
  });
  assert.equal(pre.status, 204);
  await backend.stop();
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  assert.equal(lines.length, 2);
  rmSync(dir, { recursive: true, force: true });
});

test('answers 413 to a batch of more than 1000 events, so the sender splits it instead of dropping it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'own-backend-'));
  const backend = await start(join(dir, 'events.ndjson'));
  try {
    const events = Array.from({ length: 1001 }, () => event());
    const res = await post(backend.url, { v: 1, events });
    assert.equal(res.status, 413);
    assert.match(res.json.error, /^\[touchpoint\] a batch may hold at most 1000 events/);
    assert.equal((await post(backend.url, { v: 1, events: events.slice(0, 1000) })).json.accepted, 1000);
  } finally {
    await backend.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
