// Shared set-up of the capture browser tests: a real collector (NDJSON store in a temp dir), a static
// server for test pages on another port (cross-origin, like real sites), and one Chromium per file.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { createCollector, readStoredEvents } from '@touchpoint/collector';
import type { TouchpointEvent } from '@touchpoint/protocol';

const DIST = new URL('../../dist/', import.meta.url);
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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

/**
 * `pages` maps a path to a page body; every page gets the stub and the script tag in its head. A path
 * ending in `*` serves every path below it (a history-router app). `attributes` adds `data-*` attributes
 * to the script tag of the page with the same key (e.g. `data-consent="pending"`).
 */
export async function startHarness(
  pages: Record<string, string>,
  attributes: Record<string, string> = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tp-capture-'));
  const collector = await createCollector({ dataDir });
  const endpoint = (await collector.listen(0, '127.0.0.1')) + '/v1/batch';
  const script = await readFile(new URL('touchpoint.min.js', DIST), 'utf8');
  const head = (extra = '') =>
    '<meta charset="utf-8"><script>window.touchpoint=window.touchpoint||function(){(touchpoint.q=touchpoint.q||[]).push(arguments)}</script>' +
    `<script async src="/touchpoint.min.js" data-endpoint="${endpoint}" data-flush-interval-ms="100" ${extra}></script>`;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/touchpoint.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(script);
    }
    const key =
      path in pages
        ? path
        : Object.keys(pages).find((p) => p.endsWith('*') && path.startsWith(p.slice(0, -1)));
    if (!key) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html><head>${head(attributes[key])}</head><body>${pages[key]}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const site = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: process.env.TOUCHPOINT_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const events = async () => {
    const out: TouchpointEvent[] = [];
    for await (const event of readStoredEvents(dataDir)) out.push(event as unknown as TouchpointEvent);
    return out;
  };
  return {
    site,
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
      await new Promise((r) => server.close(r));
      await collector.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Events of one type, narrowed. */
export const ofType = <T extends TouchpointEvent['type']>(events: TouchpointEvent[], type: T) =>
  events.filter((e) => e.type === type) as Array<Extract<TouchpointEvent, { type: T }>>;
