// Real Chromium, real collector: the SDK on a page with a strict Content Security Policy, the one the sdk
// README documents: scripts from the site itself (plus a nonce for the inline stub), requests only to the
// collector, nothing else at all, and Trusted Types enforced. Every capture feature that touches the page
// (page, custom event, ad viewability, the survey helper's DOM, vitals sent on leaving) must work without
// one violation: no eval, no inline styles, no HTML strings.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoredEvents } from '@touchpoint/collector';
import { launchChromium } from '../../../../scripts/testing/chromium.js';
import { IMPORT_MAP, startSdkServer } from '../../../../scripts/testing/sdk-pages.js';
import type { StaticServer } from '../../../../scripts/testing/static-server.js';
import { startTestCollector, type TestCollector } from '../../../../scripts/testing/test-collector.js';

const NONCE = 'tp-test-nonce';

/** The page's head: the policy first, then the SDK the way users install it in `mode`. */
function head(mode: 'script' | 'esm', endpoint: string): string {
  const policy = [
    "default-src 'none'",
    `script-src 'self' 'nonce-${NONCE}'`,
    `connect-src ${new URL(endpoint).origin}`,
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
  const options = JSON.stringify({ endpoint, flushIntervalMs: 100 });
  const watch =
    "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => __violations.push(e.violatedDirective + ' ' + e.blockedURI));";
  const install =
    mode === 'script'
      ? `<script nonce="${NONCE}">${watch}
window.touchpoint = window.touchpoint || function () { (touchpoint.q = touchpoint.q || []).push(arguments) };
touchpoint('init', ${options});</script>
<script async nonce="${NONCE}" src="/sdk/touchpoint.min.js"></script>`
      : `<script nonce="${NONCE}">${watch}</script>
<script type="importmap" nonce="${NONCE}">${IMPORT_MAP}</script>
<script type="module" nonce="${NONCE}">import { createTracker } from '/sdk/index.js';
const tracker = createTracker(${options});
window.touchpoint = (method, ...args) => tracker[method](...args);</script>`;
  return `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}">${install}`;
}

const BODY = `<h1>Strict page</h1><div data-tp-ad="csp-ad" data-tp-campaign="spring">${'An ad. '.repeat(60)}</div>
<div id="survey"></div><a href="/other">other</a>`;

describe('the SDK under a strict Content Security Policy, in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector();
    server = await startSdkServer();
    for (const mode of ['script', 'esm'] as const)
      server.page(
        `/${mode}`,
        `<!doctype html><html><head>${head(mode, collector.endpoint)}</head><body>${BODY}</body></html>`,
      );
    server.page('/other', '<!doctype html><p>other</p>');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await collector?.close();
  });

  it.each(['script', 'esm'] as const)(
    'records and delivers everything, with no violation (%s)',
    async (mode) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.origin}/${mode}?utm_source=newsletter&utm_medium=email&run=${mode}`);
      await page.waitForFunction(() => {
        const tp = (window as unknown as { touchpoint?: (() => void) & { q?: unknown } }).touchpoint;
        return typeof tp === 'function' && !tp.q;
      });
      await page.evaluate(() => {
        const tp = (window as unknown as { touchpoint: (...args: unknown[]) => unknown }).touchpoint;
        tp('track', 'strict_page');
        tp('howDidYouHear', '#survey');
      });
      await page.selectOption('#survey select', { index: 1 });
      await page.waitForTimeout(1300); // the ad in view for over a second
      const violations = await page.evaluate(
        () => (window as unknown as { __violations: string[] }).__violations,
      );
      // Leaving: vitals go out with the unload send (a blocked request would leave them missing below).
      await page.click('a[href="/other"]');
      await page.waitForURL('**/other');
      await context.close();

      const types = async () => {
        const seen = new Set<string>();
        for await (const event of readStoredEvents(collector.dataDir)) {
          const e = event as unknown as { type: string; page?: { url?: string } };
          if (e.page?.url?.includes(`run=${mode}`)) seen.add(e.type);
        }
        return seen;
      };
      const want = ['page', 'track', 'ad_impression', 'survey', 'vitals'];
      const end = Date.now() + 10_000;
      let seen = await types();
      while (!want.every((t) => seen.has(t)) && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 200));
        seen = await types();
      }
      expect([...seen].sort()).toEqual(expect.arrayContaining(want));
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});
