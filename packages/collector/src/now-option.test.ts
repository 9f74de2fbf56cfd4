import { readdir } from 'node:fs/promises';
import { afterEach, expect, it } from 'vitest';
import { readStoredEvents } from './read-stored-events.js';
import { postBatch, removeDir, startCollector, trackEvent, type Running } from './test-harness.js';
import { pixelUrl, redirectUrl } from './url-builders.js';

const SECRET = 'a-secret-of-enough-length';
const SIMULATED = Date.UTC(2026, 0, 15, 9, 30);
let running: Running | undefined;

afterEach(async () => {
  await running?.stop();
  if (running) await removeDir(running.dataDir);
  running = undefined;
});

it('uses the "now" clock for receivedAt and for the events it makes itself', async () => {
  running = await startCollector({ redirectSecret: SECRET, clockCorrection: false, now: () => SIMULATED });
  const { baseUrl, dataDir } = running;
  const email = { campaign: 'spring', message: 'm-1', recipient: 'r-1' };
  await (await fetch(pixelUrl(baseUrl, { ...email, secret: SECRET }))).arrayBuffer();
  const click = await fetch(
    redirectUrl(baseUrl, { target: 'https://shop.example/', email, secret: SECRET }),
    {
      redirect: 'manual',
    },
  );
  expect(click.status).toBe(302);
  expect((await postBatch(baseUrl, { v: 1, events: [trackEvent({ ts: SIMULATED - 1000 })] })).status).toBe(
    200,
  );

  const stored = [];
  for await (const event of readStoredEvents(dataDir)) stored.push(event);
  expect(stored.map((e) => [e.type, e.ts, e.receivedAt])).toEqual([
    ['email_open', SIMULATED, SIMULATED],
    ['email_click', SIMULATED, SIMULATED],
    ['track', SIMULATED - 1000, SIMULATED],
  ]);
  // The NDJSON files rotate by the simulated day too.
  expect(await readdir(dataDir)).toEqual(['events-2026-01-15.ndjson']);
});

it('refuses a "now" that is not a function', async () => {
  await expect(startCollector({ now: 5 as unknown as () => number })).rejects.toThrow(
    /\[touchpoint\] createCollector: "now" must be a function/,
  );
});
