import { spawn } from 'node:child_process';
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
let tmp: string;
let collector: Collector;
let site: { url: string; close: () => Promise<void> };
let browser: Browser;

/** Builds the app with Vite exactly as `pnpm build` does, pointed at this test's collector. */
function viteBuild(outDir: string, endpoint: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'pnpm',
      ['exec', 'vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: root,
        env: { ...process.env, VITE_TOUCHPOINT_ENDPOINT: endpoint },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`)),
    );
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'touchpoint-spa-'));
  collector = await createCollector({ dataDir: join(tmp, 'events') });
  const collectorUrl = await collector.listen(0, '127.0.0.1');
  await viteBuild(join(tmp, 'dist'), `${collectorUrl}/v1/batch`);
  site = await serveStatic({ root: join(tmp, 'dist'), spa: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await collector?.close();
  await rm(tmp, { recursive: true, force: true });
});

interface Stored {
  type: string;
  name?: string;
  anonymousId: string;
  userId?: string;
  value?: number;
  page: { path: string; url: string; referrer?: string };
  touchpoint?: { kind: string; channel: string };
}

it('records one page per route change, the paid arrival, identify, the conversion and a custom event', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}/?utm_source=google&utm_medium=cpc&utm_campaign=brand&gclid=spa-1`, {
    referer: 'https://www.google.com/',
  });
  await page.click('#see-pricing'); // pushState
  await page.click('#choose-team'); // pushState with a query
  await page.fill('#account', 'acct-42');
  await page.click('#submit'); // identify + conversion, then pushState to /welcome
  await page.click('#tour');
  await page.goBack(); // popstate back to /signup?plan=team
  await page.waitForURL(/\/signup\?plan=team$/);
  await page.goto('about:blank');

  const events: Stored[] = await waitForStored(
    join(tmp, 'events'),
    (all: Stored[]) =>
      all.filter((e) => e.type === 'page').length >= 5 &&
      all.some((e) => e.type === 'track' && e.name === 'tour_started'),
  );
  const pages = events.filter((e) => e.type === 'page');
  expect(pages.map((e) => e.page.path)).toEqual(['/', '/pricing', '/signup', '/welcome', '/signup']);
  expect(pages[0]!.touchpoint).toMatchObject({ kind: 'ad', channel: 'Paid Search' });
  // The previous route is the next page's referrer.
  expect(pages[1]!.page.referrer).toBe(pages[0]!.page.url);
  expect(events.find((e) => e.type === 'identify')).toMatchObject({ userId: 'acct-42' });
  expect(events.find((e) => e.type === 'conversion')).toMatchObject({
    name: 'signup',
    value: 29,
    userId: 'acct-42',
  });
  expect(new Set(events.map((e) => e.anonymousId)).size).toBe(1);
  await page.close();
});
