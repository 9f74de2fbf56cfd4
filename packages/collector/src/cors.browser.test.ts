// Real Chromium: what a page on another origin (the usual deployment: shop.example → collect.example) can
// read of the collector's answers. Browsers hide every response header that CORS does not expose.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../../scripts/testing/chromium.js';
import { startStaticServer, type StaticServer } from '../../../scripts/testing/static-server.js';
import { createCollector, type Collector } from './collector.js';
import type { Sink } from './sink.js';

let browser: Browser;
let site: StaticServer;
let collector: Collector;
let collectorUrl: string;

beforeAll(async () => {
  // A store that is down: the collector answers 503 with Retry-After.
  const failing: Sink = {
    name: 'failing',
    write: () => Promise.reject(new Error('store down')),
    close: async () => {},
  };
  collector = await createCollector({ sink: failing, onError: () => {} });
  collectorUrl = await collector.listen(0, '127.0.0.1');
  site = await startStaticServer();
  site.page('/', '<!doctype html><title>shop</title>');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await collector?.close();
});

it('lets a cross-origin SDK read Retry-After, so it waits as long as the collector asks', async () => {
  const page = await browser.newPage();
  await page.goto(site.origin + '/');
  const event = { id: '0190a0b0-0000-7000-8000-000000000001', type: 'track', name: 'x', ts: Date.now() };
  const body = JSON.stringify({ v: 1, events: [{ ...event, anonymousId: 'a', sessionId: 's' }] });
  // The SDK's own request: a CORS-simple text/plain POST, reading the answer's Retry-After.
  const answer = await page.evaluate(
    async ([url, text]) => {
      const res = await fetch(url!, { method: 'POST', body: text, credentials: 'omit' });
      return { status: res.status, retryAfter: res.headers.get('retry-after') };
    },
    [collectorUrl + '/v1/batch', body],
  );
  expect(answer).toEqual({ status: 503, retryAfter: '5' });
  await page.close();
});
