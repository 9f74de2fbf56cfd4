import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
const repo = join(root, '../..');
let tmp: string;
let collector: Collector;
let shop: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'touchpoint-report-'));
  collector = await createCollector({ dataDir: join(tmp, 'events') });
  const collectorUrl = await collector.listen(0, '127.0.0.1');
  shop = await serveStatic({
    root: join(repo, 'examples/storefront'),
    files: { '/touchpoint.min.js': join(repo, 'packages/sdk/dist/touchpoint.min.js') },
    replacements: () => ({ '%TOUCHPOINT_ENDPOINT%': `${collectorUrl}/v1/batch` }),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  await collector?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** One visitor in a fresh browser: lands from `referer` on `path`, and buys the product when `buy`. */
async function visit(path: string, referer: string | undefined, buy: boolean): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(shop.url + path, referer ? { referer } : {});
  if (buy) {
    await page.click('#add-to-cart');
    await Promise.all([page.waitForURL(/checkout/, { waitUntil: 'load' }), page.click('#to-checkout')]);
    await page.click('#place-order');
  }
  await page.goto('about:blank');
  await context.close();
}

function runReport(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['report.mjs', ...args], { cwd: root });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.once('close', (code) => resolve({ code, out }));
  });
}

it('reports the channels of what real browsers sent to a real collector', async () => {
  await visit(
    '/product.html?sku=tee&utm_source=google&utm_medium=cpc&gclid=rpt-1',
    'https://www.google.com/',
    true,
  );
  await visit('/product.html?sku=mug', 'https://www.reddit.com/', true);
  await visit('/product.html?sku=poster&utm_source=newsletter&utm_medium=email', undefined, false);
  await waitForStored(
    join(tmp, 'events'),
    (all: { type: string }[]) =>
      all.filter((e) => e.type === 'conversion').length === 2 &&
      all.filter((e) => e.type === 'page').length >= 5,
  );

  const out = join(tmp, 'out');
  const { code, out: printed } = await runReport([join(tmp, 'events'), '--out', out]);
  expect(code, printed).toBe(0);
  expect(printed).toContain('2 conversions worth 43');
  expect(printed).toMatch(/last_touch\s+credits (Paid Search|Organic Social) most \(50\.0%\)/);

  const json = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
    models: { model: string; channels: { channel: string; conversions: number; value: number }[] }[];
  };
  const lastTouch = json.models.find((m) => m.model === 'last_touch')!;
  const credit = Object.fromEntries(lastTouch.channels.map((c) => [c.channel, c.conversions]));
  expect(credit).toMatchObject({ 'Paid Search': 1, 'Organic Social': 1 });
  expect(credit['Email'] ?? 0).toBe(0);
  expect(await readFile(join(out, 'report.csv'), 'utf8')).toMatch(/^model,channel,conversions,value/);
  expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('<svg');
});
