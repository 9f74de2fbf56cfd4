// Shared set-up of the capture browser tests, on the shared helpers in scripts/testing: the real collector
// (NDJSON store in a temp dir), the SDK's dist served from another port (cross-origin, like real sites),
// and one Chromium per file. Pages load the SDK by script tag or by ESM import (`mode`).
import type { Browser, BrowserContext } from 'playwright-core';
import { readStoredEvents } from '@touchpoint/collector';
import type { TouchpointEvent } from '@touchpoint/protocol';
import { launchChromium } from '../../../../scripts/testing/chromium.js';
import { IMPORT_MAP, startSdkServer } from '../../../../scripts/testing/sdk-pages.js';
import { startTestCollector } from '../../../../scripts/testing/test-collector.js';

/** `esm-core`: the lean entry `@touchpoint/sdk/core`, given every capture plugin it exports. */
export type Mode = 'script' | 'esm' | 'esm-core';

export interface Harness {
  /** Origin of the test pages, e.g. `http://127.0.0.1:PORT`. */
  site: string;
  browser: Browser;
  /** A fresh browser context (own storage). */
  context(): Promise<BrowserContext>;
  /** Every event the collector stored so far. */
  events(): Promise<TouchpointEvent[]>;
  /** Polls the store until `accept` holds for the stored events; returns them. */
  waitFor(accept: (events: TouchpointEvent[]) => boolean, timeoutMs?: number): Promise<TouchpointEvent[]>;
  close(): Promise<void>;
}

/** The head that installs the SDK with `options`, the way users do in `mode`. */
function sdkHead(mode: Mode, options: Record<string, unknown>): string {
  const json = JSON.stringify(options);
  if (mode === 'script')
    return (
      '<script>window.touchpoint=window.touchpoint||function(){(touchpoint.q=touchpoint.q||[]).push(arguments)};' +
      `touchpoint('init', ${json});</script><script async src="/sdk/touchpoint.min.js"></script>`
    );
  const create =
    mode === 'esm'
      ? `import { createTracker } from '/sdk/index.js'; const tracker = createTracker(${json});`
      : "import * as tp from '/sdk/core.js'; const tracker = tp.createTracker({ ..." +
        json +
        ', plugins: [tp.campaign(), tp.journal(), tp.pages(), tp.ads(), tp.shares(), tp.surveys(), tp.vitals()] });';
  return (
    `<script type="importmap">${IMPORT_MAP}</script><script type="module">${create}` +
    'window.touchpoint = (method, ...args) => tracker[method](...args);</script>'
  );
}

/**
 * `pages` maps a path to a page body; every page gets the SDK in its head. `options` adds tracker options
 * to the page with the same path (e.g. `{ consent: 'pending' }`).
 */
export async function startHarness(
  pages: Record<string, string>,
  mode: Mode = 'script',
  options: Record<string, Record<string, unknown>> = {},
): Promise<Harness> {
  const collector = await startTestCollector();
  const server = await startSdkServer();
  for (const [path, body] of Object.entries(pages)) {
    const head = sdkHead(mode, { endpoint: collector.endpoint, flushIntervalMs: 100, ...options[path] });
    server.page(
      path,
      `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`,
    );
  }
  const browser = await launchChromium();
  const events = async () => {
    const out: TouchpointEvent[] = [];
    for await (const event of readStoredEvents(collector.dataDir))
      out.push(event as unknown as TouchpointEvent);
    return out;
  };
  return {
    site: server.origin,
    browser,
    context: () => browser.newContext(),
    events,
    async waitFor(accept, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const list = await events();
        if (accept(list)) return list;
        if (Date.now() > end)
          throw new Error(`waitFor timed out; stored: ${JSON.stringify(list.map((e) => e.type))}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await browser.close();
      await server.close();
      await collector.close();
    },
  };
}

/** Events of one type, narrowed. */
export const ofType = <T extends TouchpointEvent['type']>(events: TouchpointEvent[], type: T) =>
  events.filter((e) => e.type === type) as Array<Extract<TouchpointEvent, { type: T }>>;
