import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readStoredEvents } from '@touchpoint/collector';
import { createApp } from './app.mjs';

test('the collector works under /collect in an Express app', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'express-example-'));
  const { app, collector } = await createApp({ dataDir, secret: 'a-secret-for-the-example-test' });
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${server.address().port}`;
  const id = '019b7a2e-3c00-7a11-8e0f-3d2c1b0a9f8e';
  const event = { id, type: 'track', name: 'signup', ts: Date.now(), anonymousId: 'a', sessionId: 's' };
  const res = await fetch(`${base}/collect/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify({ v: 1, events: [event] }),
  });
  assert.deepEqual(await res.json(), { accepted: 1, duplicates: 0, rejected: [] });

  const { link } = await (await fetch(`${base}/newsletter-link`)).json();
  const click = await fetch(link, { redirect: 'manual' });
  assert.equal(click.status, 302);
  assert.match(click.headers.get('location'), /^https:\/\/shop\.example\/sale\?tp_click=/);

  await new Promise((resolve) => server.close(resolve));
  await collector.close();
  const types = [];
  for await (const e of readStoredEvents(dataDir)) types.push(e.type);
  assert.deepEqual(types, ['track', 'email_click']);
  rmSync(dataDir, { recursive: true, force: true });
});
