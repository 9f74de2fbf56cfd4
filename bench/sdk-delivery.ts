// Benchmark (not a test): the SDK's cost on the page and on the network, in real Chromium against the
// real collector. Reports main-thread time per track() call, IndexedDB transactions per 1,000 events
// (counted by wrapping IDBDatabase.prototype.transaction) and requests per 1,000 events.
//
//   pnpm build && pnpm exec tsx --tsconfig tsconfig.base.json bench/sdk-delivery.ts
import { launchChromium } from '../scripts/testing/chromium';
import { LOAD_MODES, sdkReady, startSdkServer, trackingPage } from '../scripts/testing/sdk-pages';
import { startTestCollector } from '../scripts/testing/test-collector';

const EVENTS = 1000;
const RUNS = 3;

interface Row {
  scenario: string;
  'µs/track() sync': number;
  'µs/event incl. write task': number;
  'IDB tx / 1k': number;
  'of which readwrite': number;
  'requests / 1k': number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const [browser, site] = await Promise.all([launchChromium(), startSdkServer()]);
  const rows: Row[] = [];
  try {
    for (const mode of LOAD_MODES) {
      for (const spread of [false, true]) {
        const samples: Row[] = [];
        for (let run = 0; run < RUNS; run++) {
          const collector = await startTestCollector();
          const context = await browser.newContext();
          await context.addInitScript(() => {
            const w = window as unknown as { __tx: Record<string, number> };
            w.__tx = { readonly: 0, readwrite: 0 };
            const original = IDBDatabase.prototype.transaction;
            IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: unknown[]) {
              const mode = (args[1] as string) ?? 'readonly';
              w.__tx[mode] = (w.__tx[mode] ?? 0) + 1;
              return original.apply(this, args as Parameters<typeof original>);
            } as typeof original;
          });
          site.page('/bench', trackingPage(mode, { endpoint: collector.endpoint, autocapture: false }));
          const page = await context.newPage();
          await page.goto(site.origin + '/bench');
          await sdkReady(page);
          // Let start-up reads finish, then count only what tracking causes.
          await page.waitForTimeout(200);
          const before = collector.requests;
          const timing = await page.evaluate(
            async ([n, spread]) => {
              const w = window as unknown as {
                touchpoint: (...a: unknown[]) => string;
                __tx: Record<string, number>;
              };
              w.__tx = { readonly: 0, readwrite: 0 };
              const ids: string[] = [];
              let sync = 0;
              let withWrite = 0;
              const chunk = spread ? 5 : n;
              for (let done = 0; done < n; done += chunk) {
                const t0 = performance.now();
                for (let i = 0; i < chunk; i++)
                  ids.push(w.touchpoint('track', 'bench', { i: done + i, plan: 'pro' }));
                const t1 = performance.now();
                // The coalesced write starts in a microtask of the same task: count it too.
                await Promise.resolve();
                await Promise.resolve();
                withWrite += performance.now() - t0;
                sync += t1 - t0;
                if (spread) await new Promise((r) => setTimeout(r, 10));
              }
              return { ids, sync: (sync * 1000) / n, withWrite: (withWrite * 1000) / n };
            },
            [EVENTS, spread] as const,
          );
          const missing = await collector.waitFor(timing.ids, 30_000);
          if (missing.length) throw new Error(`[touchpoint] bench: ${missing.length} events did not arrive`);
          await page.waitForTimeout(300); // the last delete transaction
          const tx = await page.evaluate(() => (window as unknown as { __tx: Record<string, number> }).__tx);
          samples.push({
            scenario: `${mode}, ${spread ? '5 events every 10 ms' : '1,000 in one task'}`,
            'µs/track() sync': timing.sync,
            'µs/event incl. write task': timing.withWrite,
            'IDB tx / 1k': (tx.readonly ?? 0) + (tx.readwrite ?? 0),
            'of which readwrite': tx.readwrite ?? 0,
            'requests / 1k': collector.requests - before,
          });
          await context.close();
          await collector.close();
        }
        rows.push({
          scenario: samples[0]!.scenario,
          'µs/track() sync': Math.round(median(samples.map((s) => s['µs/track() sync'])) * 10) / 10,
          'µs/event incl. write task':
            Math.round(median(samples.map((s) => s['µs/event incl. write task'])) * 10) / 10,
          'IDB tx / 1k': median(samples.map((s) => s['IDB tx / 1k'])),
          'of which readwrite': median(samples.map((s) => s['of which readwrite'])),
          'requests / 1k': median(samples.map((s) => s['requests / 1k'])),
        });
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  console.log(`Touchpoint SDK delivery benchmark: ${EVENTS} events, median of ${RUNS} runs, real Chromium`);
  console.table(rows);
}

await main();
