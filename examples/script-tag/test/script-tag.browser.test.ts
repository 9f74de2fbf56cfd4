import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCollector, type Collector } from '@touchpoint/collector';
// @ts-expect-error plain ESM helpers without types
import { serveStatic } from '../../../scripts/demo/static-server.mjs';
// @ts-expect-error plain ESM helpers without types
import { launchChromium, waitForStored } from '../../../scripts/demo/test-kit.mjs';

const root = join(import.meta.dirname, '..');
let dataDir: string;
let collector: Collector;
let site: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'touchpoint-script-tag-'));
  collector = await createCollector({ dataDir });
  const collectorUrl = await collector.listen(0, '127.0.0.1');
  // The page as shipped, with its endpoint pointed at this test's collector and the built script beside it.
  site = await serveStatic({
    root,
    files: { '/touchpoint.min.js': join(root, '../../packages/sdk/dist/touchpoint.min.js') },
    replacements: () => ({ 'http://127.0.0.1:8787/v1/batch': `${collectorUrl}/v1/batch` }),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await collector?.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('records the page, the queued and custom events, the ad and one conversion per order', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}/?utm_source=newsletter&utm_medium=email&utm_campaign=launch`);
  await page.click('#subscribe');
  await page.click('#buy');
  await page.click('#buy'); // the same order again: counted once
  await page.waitForTimeout(1_300); // the banner is in view from the start: over 1 s makes an impression
  await page.goto('about:blank'); // pagehide sends the rest

  const events = await waitForStored(dataDir, (all: { type: string }[]) =>
    ['page', 'conversion', 'ad_impression', 'vitals'].every((type) => all.some((e) => e.type === type)),
  );
  const pageView = events.find((e: { type: string }) => e.type === 'page');
  expect(pageView.page.path).toBe('/');
  expect(pageView.touchpoint).toMatchObject({ kind: 'email', channel: 'Email', campaign: 'launch' });
  const names = events
    .filter((e: { type: string }) => e.type === 'track')
    .map((e: { name: string }) => e.name);
  expect(names).toEqual(['example_opened', 'newsletter_signup']);
  const conversions = events.filter((e: { type: string }) => e.type === 'conversion');
  expect(conversions).toHaveLength(1);
  expect(conversions[0]).toMatchObject({
    name: 'purchase',
    value: 49,
    currency: 'EUR',
    orderId: 'order-1001',
  });
  expect(events.find((e: { type: string }) => e.type === 'ad_impression').ad).toMatchObject({
    id: 'launch-banner',
    campaign: 'launch',
  });
  // One browser, one anonymous id on every event.
  expect(new Set(events.map((e: { anonymousId: string }) => e.anonymousId)).size).toBe(1);
  await page.close();
});
