// Shared browser-test helper: test pages that load the built SDK the ways users do — the script tag
// (dist/touchpoint.min.js, or the core script dist/touchpoint.core.min.js, with the stub) and an ESM import
// of dist/index.js through an import map.
// Every way the page ends up with `window.touchpoint(method, ...args)` and `window.__diagnostics`.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from './static-server';

export type LoadMode = 'script' | 'core script' | 'esm';
export const LOAD_MODES: LoadMode[] = ['script', 'core script', 'esm'];
/** The script-tag file of each script mode. */
const BUNDLES: Partial<Record<LoadMode, string>> = {
  script: 'touchpoint.min.js',
  'core script': 'touchpoint.core.min.js',
};

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** A static server with the SDK's dist, the protocol's dist and the SDK's runtime dependencies mounted. */
export function startSdkServer(): Promise<StaticServer> {
  return startStaticServer({
    '/sdk/': root('packages/sdk/dist'),
    '/protocol/': root('packages/protocol/dist'),
    '/deps/idb-keyval/': root('packages/sdk/node_modules/idb-keyval/dist'),
    '/deps/web-vitals/': root('packages/sdk/node_modules/web-vitals/dist'),
  });
}

/** Maps the SDK's bare imports to the server's mounts, for pages that import the built ESM. */
export const IMPORT_MAP = JSON.stringify({
  imports: {
    '@touchpoint/protocol': '/protocol/index.js',
    'idb-keyval': '/deps/idb-keyval/index.js',
    'web-vitals': '/deps/web-vitals/web-vitals.js',
  },
});

/**
 * A page that starts a tracker with `options` (JSON-able; `onDiagnostic` is added and collects into
 * `window.__diagnostics`), loaded the `mode` way.
 */
export function trackingPage(mode: LoadMode, options: Record<string, unknown>): string {
  const opts = `Object.assign(${JSON.stringify(options)}, { onDiagnostic: (d) => window.__diagnostics.push(d) })`;
  const bundle = BUNDLES[mode];
  const head = bundle
    ? `<script>window.__diagnostics = [];
window.touchpoint = window.touchpoint || function(){(touchpoint.q = touchpoint.q || []).push(arguments)};
touchpoint('init', ${opts});</script>
<script async src="/sdk/${bundle}"></script>`
    : `<script type="importmap">${IMPORT_MAP}</script>
<script type="module">window.__diagnostics = [];
import { createTracker } from '/sdk/index.js';
const tracker = createTracker(${opts});
window.touchpoint = (method, ...args) => tracker[method](...args);</script>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>tracking</title>${head}</head><body><a href="/other">other</a></body></html>`;
}

/** Waits until the SDK replaced the stub (script tag) or the module defined `touchpoint` (ESM). */
export async function sdkReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const tp = (window as unknown as { touchpoint?: (() => void) & { q?: unknown } }).touchpoint;
    return typeof tp === 'function' && !tp.q;
  });
}

/** Tracks `count` events in one task; returns their ids. */
export function trackBurst(page: Page, count: number, name = 'burst'): Promise<string[]> {
  return page.evaluate(
    ([n, eventName]) => {
      const tp = (window as unknown as { touchpoint: (...a: unknown[]) => string }).touchpoint;
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(tp('track', eventName, { i }));
      return ids;
    },
    [count, name] as const,
  );
}
